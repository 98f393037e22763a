import { Injectable } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { partialDecrypt, type PreparedClose, type TrusteeSecret } from '../common/ballot.js';
import { BallotsClose } from './close.service.js';
import { Poll } from './poll.entity.js';
import { PollDecryptor } from './poll-decryptor.js';

/**
 * Today's key source: the custodian secret stored with the poll (custodian mode, 不对运维方保密)
 * decrypts the sum at once. It decrypts only the tally that prepareClose summed from verified
 * ballots; unlike a teller's device (libs/ballot `decryptAsTeller`) it does not re-verify them,
 * since it runs inside the server that verified them.
 */
@Injectable()
export class CustodianDecryptor extends PollDecryptor {
  constructor(
    @InjectRepository(Poll) private readonly polls: Repository<Poll>,
    private readonly moduleRef: ModuleRef,
  ) {
    super();
  }

  async request(pollId: string, prepared: PreparedClose): Promise<void> {
    const row = await this.polls
      .createQueryBuilder('p')
      .addSelect('p.custodianSecret')
      .where('p.id = :pollId', { pollId })
      .getOneOrFail();
    const secret = row.custodianSecret as TrusteeSecret;
    const partial = partialDecrypt(prepared.key, prepared.shape, secret, prepared.record.tally);
    // Resolved when called (not at construction): BallotsClose depends on this class.
    await this.moduleRef.get(BallotsClose, { strict: true }).finish(pollId, [partial]);
  }
}
