import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { type EntityManager, In, Repository } from 'typeorm';
import { Delegate } from './delegate.entity.js';
import { RosterKind } from './roster.enums.js';
import { SERVING, SERVING_VOTER, servingVoterSql } from './seat-rules.js';

/**
 * The roster's answers about seats, for the modules that need them (attendance, agenda,
 * ballots, proposals): they ask here instead of reading the roster's tables. Methods that may
 * run inside a caller's transaction take its EntityManager last.
 */
@Injectable()
export class SeatsService {
  constructor(@InjectRepository(Delegate) private readonly delegates: Repository<Delegate>) {}

  /** A user's serving voting seat in a term: the seat that votes, tables and co-signs. */
  votingSeat(
    termId: string,
    userId: string,
    m: EntityManager = this.delegates.manager,
  ): Promise<Delegate | null> {
    return m.findOneBy(Delegate, { termId, userId, ...SERVING_VOTER });
  }

  /** A user's serving voting seats in every term (the terms they may table proposals in). */
  votingSeatsOf(userId: string, m: EntityManager = this.delegates.manager): Promise<Delegate[]> {
    return m.findBy(Delegate, { userId, ...SERVING_VOTER });
  }

  /** A user's serving seat in a term, voting or 列席. */
  servingSeat(termId: string, userId: string): Promise<Delegate | null> {
    return this.delegates.findOneBy({ termId, userId, ...SERVING });
  }

  /** A serving seat of the term, voting or 列席, by its id. */
  servingSeatById(termId: string, id: string): Promise<Delegate | null> {
    return this.delegates.findOneBy({ id, termId, ...SERVING });
  }

  /** A seat by its id, whatever its term and status (a scanned 代表证 names it). */
  anySeatById(id: string): Promise<Delegate | null> {
    return this.delegates.findOneBy({ id });
  }

  /** Every serving seat of the term, voting delegates first, by employee number. */
  servingSeats(termId: string, m: EntityManager = this.delegates.manager): Promise<Delegate[]> {
    return m.find(Delegate, {
      where: { termId, ...SERVING },
      order: { kind: 'DESC', employeeNumber: 'ASC' },
    });
  }

  /** How many serving voting delegates the term has (each draws one ballot slip per teller). */
  servingVoterCount(termId: string): Promise<number> {
    return this.delegates.countBy({ termId, ...SERVING_VOTER });
  }

  /** Of these seats, the ids of those that are serving voting delegates now. */
  async servingVoterIds(ids: string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    // One array parameter, and the ids as they come: a poll's close asks for 2,000 seats at once
    // (made into entities by TypeORM they were ~15 ms of a busy close).
    const rows: { id: string }[] = await this.delegates.query(
      `SELECT d.id FROM delegates d WHERE d.id = ANY($1::uuid[]) AND ${servingVoterSql('d')}`,
      [ids],
    );
    return new Set(rows.map((r) => r.id));
  }

  /** A presidium member of the term (a serving voting delegate), by seat or by account. */
  presidiumMember(
    termId: string,
    who: { delegateId?: string } | { userId: string },
  ): Promise<Delegate | null> {
    const by =
      'userId' in who ? { userId: who.userId } : who.delegateId ? { id: who.delegateId } : null;
    if (!by) return Promise.resolve(null);
    return this.delegates.findOneBy({ termId, ...by, ...SERVING_VOTER, presidium: true });
  }

  /** The term's serving presidium members and tellers (who may approve a re-issued code). */
  presidiumAndTellers(termId: string): Promise<Delegate[]> {
    return this.delegates.find({
      where: [
        { termId, ...SERVING_VOTER, presidium: true },
        { termId, ...SERVING_VOTER, teller: true },
      ],
      order: { employeeNumber: 'ASC' },
    });
  }

  /**
   * Every account's voting-delegate seat id in the term, whatever its status (as `delegateSeat`),
   * in one query: what the whole hall's first casts need at once.
   */
  async delegateSeatIds(termId: string): Promise<Map<string, string>> {
    const rows: { id: string; user_id: string }[] = await this.delegates.query(
      `SELECT id, user_id FROM delegates WHERE term_id = $1 AND kind = $2 AND user_id IS NOT NULL`,
      [termId, RosterKind.Delegate],
    );
    return new Map(rows.map((r) => [r.user_id, r.id]));
  }

  /**
   * A user's seat as a voting delegate of the term, whatever its status now: a ballot cast
   * before a recall is still answered with its receipt (the cast checks the status itself).
   */
  delegateSeat(termId: string, userId: string): Promise<Delegate | null> {
    return this.delegates.findOneBy({ termId, userId, kind: RosterKind.Delegate });
  }

  /** The user's seat in a term whatever its kind and status (to say why it may not act). */
  seatOf(termId: string, userId: string): Promise<Delegate | null> {
    return this.delegates.findOneBy({ termId, userId });
  }

  /** Several users' seats in a term, whatever their kind and status, by user id (one query). */
  async seatsOfUsers(termId: string, userIds: string[]): Promise<Map<string, Delegate>> {
    const seats = userIds.length
      ? await this.delegates.findBy({ termId, userId: In(userIds) })
      : [];
    return new Map(seats.map((s) => [s.userId!, s]));
  }

  /** A user's seats of every term, or of one, whatever their kind and status. */
  seatsOf(
    userId: string,
    termId?: string,
    m: EntityManager = this.delegates.manager,
  ): Promise<Delegate[]> {
    return m.findBy(Delegate, { userId, ...(termId ? { termId } : {}) });
  }

  /** One seat by id, whatever its status. */
  seat(id: string, m: EntityManager = this.delegates.manager): Promise<Delegate | null> {
    return m.findOneBy(Delegate, { id });
  }

  /** Seats by id, whatever their status (names, accounts to tell). */
  byIds(ids: string[], m: EntityManager = this.delegates.manager): Promise<Delegate[]> {
    return ids.length ? m.findBy(Delegate, { id: In(ids) }) : Promise.resolve([]);
  }
}
