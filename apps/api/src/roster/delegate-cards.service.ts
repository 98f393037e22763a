import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, IsNull, Repository } from 'typeorm';
import type { AuthContext } from '../auth/auth-context.js';
import { Clock } from '../common/clock.js';
import { TermsService } from '../congress/terms.service.js';
import { DelegateCard } from './delegate-card.entity.js';
import { generateCardCode, hashCardCode, normalizeCardCode } from './delegate-card/card-code.js';
import type { DelegateCardEntry } from './delegate-card/delegate-card-pdf.js';
import { Delegate } from './delegate.entity.js';
import { GroupsService } from './groups.service.js';
import { RosterErrorCode, RosterException } from './roster.exception.js';
import { SeatsService } from './seats.service.js';

export interface IssuedCards {
  termName: string;
  issuedAt: Date;
  /** Earlier cards of these seats that stopped working. */
  revokedCards: number;
  entries: DelegateCardEntry[];
}

/**
 * 代表证: issues a card code per serving seat (kept as a hash; the printed PDF is its only copy)
 * and tells attendance which seat a scanned card names. A card is not a credential: it checks a
 * seat in only through a staff account.
 */
@Injectable()
export class DelegateCardsService {
  constructor(
    @InjectRepository(DelegateCard) private readonly cards: Repository<DelegateCard>,
    private readonly seats: SeatsService,
    private readonly groups: GroupsService,
    private readonly terms: TermsService,
    private readonly clock: Clock,
  ) {}

  /**
   * New cards for the term's serving seats (or only `delegateIds` among them), revoking each seat's
   * older card in the same transaction.
   */
  async issue(termId: string, delegateIds: string[] | undefined, actor: AuthContext) {
    const term = await this.terms.get(termId);
    let seats = await this.seats.servingSeats(termId);
    if (delegateIds) {
      const wanted = new Set(delegateIds);
      seats = seats.filter((s) => wanted.has(s.id));
    }
    if (seats.length === 0) throw new RosterException(RosterErrorCode.NoDelegatesSelected);
    const groupNames = new Map(
      (await this.groups.byIds([...new Set(seats.flatMap((s) => s.groupId ?? []))])).map((g) => [
        g.id,
        g.name,
      ]),
    );
    const now = this.clock.now();
    const issued = seats.map((seat) => ({ seat, code: generateCardCode() }));
    const revoked = await this.cards.manager.transaction(async (m) => {
      const result = await m.update(
        DelegateCard,
        { delegateId: In(seats.map((s) => s.id)), revokedAt: IsNull() },
        { revokedAt: now },
      );
      await m.insert(
        DelegateCard,
        issued.map((i) => ({
          delegateId: i.seat.id,
          codeHash: hashCardCode(i.code),
          issuedBy: actor.userId,
          issuedAt: now,
        })),
      );
      return result.affected ?? 0;
    });
    return {
      termName: term.name,
      issuedAt: now,
      revokedCards: revoked,
      entries: issued.map(({ seat, code }) => ({
        name: seat.name,
        employeeNumber: seat.employeeNumber,
        kind: seat.kind,
        groupName: seat.groupId ? (groupNames.get(seat.groupId) ?? null) : null,
        code,
      })),
    } satisfies IssuedCards;
  }

  /** The seat a live card names, whatever its status and term; null for an unknown or revoked card. */
  async seatOf(scanned: string): Promise<Delegate | null> {
    const code = normalizeCardCode(scanned);
    if (!code) return null;
    const card = await this.cards.findOneBy({ codeHash: hashCardCode(code), revokedAt: IsNull() });
    return card ? this.seats.anySeatById(card.delegateId) : null;
  }
}
