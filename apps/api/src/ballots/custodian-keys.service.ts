import { Injectable } from '@nestjs/common';
import type { TrusteeSecret } from '../common/ballot.js';

/**
 * Custodian mode's keys (an explicit choice for trials, 不对运维方保密): held in this api
 * process's memory only, never written to the database, a log or a file. A restart, or a close
 * handled by another process of a cluster, finds no key: that poll is void and is held again.
 */
@Injectable()
export class CustodianKeys {
  private readonly secrets = new Map<string, TrusteeSecret>();

  keep(pollId: string, secret: TrusteeSecret): void {
    this.secrets.set(pollId, secret);
  }

  /** The poll's key, forgotten as it is handed out (it decrypts one tally, once). */
  take(pollId: string): TrusteeSecret | null {
    const secret = this.secrets.get(pollId) ?? null;
    this.secrets.delete(pollId);
    return secret;
  }
}
