import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import type { PreparedClose } from '../common/ballot.js';
import { TellersDecryptor } from './tellers-decryptor.js';
import { CustodianDecryptor } from './custodian-decryptor.js';
import { Poll } from './poll.entity.js';
import { PollDecryptor } from './poll-decryptor.js';

/** The seam's binding: each poll goes to the key holders of its mode. */
@Injectable()
export class KeyModeDecryptor extends PollDecryptor {
  constructor(
    @InjectRepository(Poll) private readonly polls: Repository<Poll>,
    private readonly custodian: CustodianDecryptor,
    private readonly tellers: TellersDecryptor,
  ) {
    super();
  }

  async request(pollId: string, prepared: PreparedClose): Promise<void> {
    const poll = await this.polls.findOneByOrFail({ id: pollId });
    const decryptor = poll.keyMode === 'tellers' ? this.tellers : this.custodian;
    return decryptor.request(pollId, prepared);
  }
}
