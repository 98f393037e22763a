import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import type { PreparedClose } from '../common/ballot.js';
import { RealtimeService } from '../realtime/realtime.service.js';
import { CeremoniesService } from '../tellers/index.js';
import { DecryptionService } from './decryption.service.js';
import { Poll } from './poll.entity.js';
import { PollDecryptor } from './poll-decryptor.js';

/**
 * Tellers mode behind the decryption seam: the prepared record is already stored; the poll's
 * tellers are asked (socket event; their devices also poll the pending list), and partials
 * already in (before a restart) are used at once.
 */
@Injectable()
export class TellersDecryptor extends PollDecryptor {
  constructor(
    @InjectRepository(Poll) private readonly polls: Repository<Poll>,
    private readonly ceremonies: CeremoniesService,
    private readonly decryption: DecryptionService,
    private readonly realtime: RealtimeService,
  ) {
    super();
  }

  async request(pollId: string, prepared: PreparedClose): Promise<null> {
    const poll = await this.polls.findOneByOrFail({ id: pollId });
    const tellers = await this.ceremonies.tellersOf(poll.ceremonyId!);
    this.realtime.toUsers(
      tellers.map((t) => t.userId),
      'decryption:requested',
      { pollId, sessionId: poll.sessionId, ceremonyId: poll.ceremonyId! },
    );
    await this.decryption.finishIfEnough(pollId, prepared);
    return null; // decided when enough tellers have answered, not within this call
  }
}
