import { Injectable } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { partialDecryptSodium, type PreparedClose, sodiumGroup } from '../common/ballot.js';
import { BallotsClose } from './close.service.js';
import { CustodianKeys } from './custodian-keys.service.js';
import type { Poll } from './poll.entity.js';
import { PollDecryptor } from './poll-decryptor.js';

export const CUSTODIAN_KEY_LOST =
  '托管密钥仅保存在服务进程内存中，已随进程重启（或由另一进程结束表决）而丢失，无法计票；本次表决作废，须重新表决';

/**
 * Custodian mode (不对运维方保密): the key this api process keeps in memory decrypts the sum at
 * once. It decrypts only the tally prepareClose summed from verified ballots; unlike a teller's
 * device (libs/ballot `decryptAsTeller`) it does not re-verify them, since it runs inside the
 * server that verified them. No key (a restart lost it): the poll is void, with the reason.
 */
@Injectable()
export class CustodianDecryptor extends PollDecryptor {
  constructor(
    private readonly keys: CustodianKeys,
    private readonly moduleRef: ModuleRef,
  ) {
    super();
  }

  async request(poll: Poll, prepared: PreparedClose): Promise<Poll | null> {
    const pollId = poll.id;
    // Resolved when called (not at construction): BallotsClose depends on this class.
    const close = this.moduleRef.get(BallotsClose, { strict: false });
    const secret = this.keys.take(pollId);
    if (!secret) return close.voidPoll(pollId, CUSTODIAN_KEY_LOST);
    // With libsodium: the same partial as libs/ballot's partialDecrypt, without noble's
    // multiplications (~60 ms of a busy machine's close).
    const partial = partialDecryptSodium(
      await sodiumGroup(),
      prepared.key,
      prepared.shape,
      secret,
      prepared.record.tally,
    );
    // Made here, just now, from the key this process holds: its proofs are for the record's
    // readers, who check them (npm run verify-poll). A wrong D would give no count in 0..n
    // (COUNT_NOT_FOUND), so skipping the self-check cannot publish a wrong result.
    return close.finish(pollId, [partial], {
      prepared,
      checked: new Set([partial.trustee]),
      poll,
    });
  }
}
