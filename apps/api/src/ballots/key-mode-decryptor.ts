import { Injectable } from '@nestjs/common';
import type { PreparedClose } from '../common/ballot.js';
import { TellersDecryptor } from './tellers-decryptor.js';
import { CustodianDecryptor } from './custodian-decryptor.js';
import type { Poll } from './poll.entity.js';
import { PollDecryptor } from './poll-decryptor.js';

/** The seam's binding: each poll goes to the key holders of its mode (the record names it). */
@Injectable()
export class KeyModeDecryptor extends PollDecryptor {
  constructor(
    private readonly custodian: CustodianDecryptor,
    private readonly tellers: TellersDecryptor,
  ) {
    super();
  }

  request(poll: Poll, prepared: PreparedClose): Promise<Poll | null> {
    const decryptor = prepared.record.key.mode === 'tellers' ? this.tellers : this.custodian;
    return decryptor.request(poll, prepared);
  }
}
