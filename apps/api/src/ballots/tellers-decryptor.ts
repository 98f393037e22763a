import { Injectable } from '@nestjs/common';
import type { PreparedClose } from '../common/ballot.js';
import { RealtimeService } from '../realtime/realtime.service.js';
import { CeremoniesService } from '../tellers/index.js';
import { DecryptionService } from './decryption.service.js';
import type { Poll } from './poll.entity.js';
import { PollDecryptor } from './poll-decryptor.js';

/**
 * Tellers mode behind the decryption seam: the prepared record is already stored; the poll's
 * tellers are asked (socket event; their devices also poll the pending list), and partials
 * already in (before a restart) are used at once.
 */
@Injectable()
export class TellersDecryptor extends PollDecryptor {
  constructor(
    private readonly ceremonies: CeremoniesService,
    private readonly decryption: DecryptionService,
    private readonly realtime: RealtimeService,
  ) {
    super();
  }

  async request(poll: Poll, prepared: PreparedClose): Promise<null> {
    const pollId = poll.id;
    const ask = async () => {
      const tellers = await this.ceremonies.tellersOf(poll.ceremonyId!);
      this.realtime.toUsers(
        tellers.map((t) => t.userId),
        'decryption:requested',
        { pollId, sessionId: poll.sessionId, ceremonyId: poll.ceremonyId! },
      );
    };
    // Side by side: asking the tellers, and the partials already stored (after a restart).
    await Promise.all([ask(), this.decryption.finishIfEnough(pollId, prepared, poll)]);
    return null; // decided when enough tellers have answered, not within this call
  }
}
