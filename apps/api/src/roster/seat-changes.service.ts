import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AccountsService } from '../auth/accounts.service.js';
import type { AuthContext } from '../auth/auth-context.js';
import { TokenService } from '../auth/token.service.js';
import { Clock } from '../common/clock.js';
import { Delegate } from './delegate.entity.js';
import { DelegateChange } from './delegate-change.entity.js';
import { DelegateStatusChange } from './delegate-status-change.entity.js';
import { DelegationGroup } from './delegation-group.entity.js';
import { COLUMN_BY_FIELD, type FieldChange } from './import/index.js';
import type { DelegateStatus } from './roster.enums.js';
import { SERVING } from './seat-rules.js';

/**
 * The two histories of a seat, written only here: its status (a seat ends by recall, leaving or
 * by-election, and its log-in ends with it) and its fields (corrections, roster updates). Both
 * tables are append-only. Used by staff's own edits and by roster imports alike.
 */
@Injectable()
export class SeatChangesService {
  constructor(
    private readonly accounts: AccountsService,
    private readonly tokens: TokenService,
    private readonly clock: Clock,
  ) {}

  /**
   * Ends a serving seat (the caller has locked it), in the caller's transaction: its status,
   * the history row, its group's head post, and its tablet account unless another seat holds it.
   * Call `closeSessions` after the transaction commits.
   */
  async endSeat(
    m: EntityManager,
    d: Delegate,
    to: DelegateStatus,
    reason: string,
    actor: AuthContext,
  ): Promise<Delegate> {
    const from = d.status;
    d.status = to;
    d.statusChangedAt = this.clock.now();
    await m.save(Delegate, d);
    await m.insert(DelegateStatusChange, {
      delegateId: d.id,
      fromStatus: from,
      toStatus: to,
      reason,
      recordedBy: actor.userId,
    });
    await m.update(DelegationGroup, { headDelegateId: d.id }, { headDelegateId: null });
    if (d.userId) {
      const stillSeated = await m.existsBy(Delegate, { userId: d.userId, ...SERVING });
      if (!stillSeated) await this.accounts.update(d.userId, { disabled: true }, m);
    }
    return d;
  }

  /** Ends the tablet sessions of a seat that was just lost (sockets are closed too). */
  async closeSessions(d: Delegate): Promise<void> {
    if (!d.userId) return;
    const user = await this.accounts.find(d.userId);
    if (user?.disabled) await this.tokens.revokeAllForUser(d.userId, `seat ${d.status}`);
  }

  /** Records a change of a seat's fields (nothing when there is none). */
  async recordFields(
    m: EntityManager,
    delegateId: string,
    changes: FieldChange[],
    reason: string,
    actor: AuthContext,
  ): Promise<void> {
    if (changes.length === 0) return;
    await m.insert(DelegateChange, {
      delegateId,
      changes: changes.map(({ field, from, to, fromValue, toValue }) => ({
        field,
        label: COLUMN_BY_FIELD[field].header,
        from,
        to,
        fromValue,
        toValue,
      })),
      reason,
      recordedBy: actor.userId,
    });
  }
}
