import { DelegateStatus, RosterKind } from './roster.enums.js';

/**
 * A serving voting delegate (在任职工代表): a seat that is serving (not recalled, replaced or
 * left) and a voting delegate's (not a 列席 attendee's). Only such a seat counts towards the
 * quorum and "all delegates", votes, tables and co-signs proposals. The rule is written here
 * once, in the three forms the code needs: a TypeORM condition, a predicate and a SQL fragment.
 */
export const SERVING_VOTER = { status: DelegateStatus.Serving, kind: RosterKind.Delegate } as const;

/** Any serving seat, voting or 列席: logs in, receives the agenda, checks in, follows a session. */
export const SERVING = { status: DelegateStatus.Serving } as const;

export const isServing = (seat: { status: DelegateStatus }): boolean =>
  seat.status === SERVING.status;

export const isServingVoter = (seat: { status: DelegateStatus; kind: RosterKind }): boolean =>
  seat.status === SERVING_VOTER.status && seat.kind === SERVING_VOTER.kind;

/** A seat whose holder watches the session as staff do (the presidium's screen: the turnout). */
export const watchesAsSeat = (seat: {
  status: DelegateStatus;
  kind: RosterKind;
  presidium: boolean;
}): boolean => seat.presidium && isServingVoter(seat);

/**
 * The same rules for raw SQL that must hold them in its own WHERE (the cast's one-INSERT
 * eligibility check, attendance counted in one query). `alias` names a `delegates` row; the
 * values come from the enums, never typed out.
 */
export function servingVoterSql(alias: string): string {
  return `${servingSeatSql(alias)} AND ${column(alias, 'kind')} = ${literal(RosterKind.Delegate)}`;
}

export function servingSeatSql(alias: string): string {
  return `${column(alias, 'status')} = ${literal(DelegateStatus.Serving)}`;
}

/** A serving 列席 attendee: present in the hall, never counted or voting. */
export function servingAttendeeSql(alias: string): string {
  return `${servingSeatSql(alias)} AND ${column(alias, 'kind')} = ${literal(RosterKind.Attendee)}`;
}

function column(alias: string, name: string): string {
  if (!/^[a-z_][a-z0-9_]*$/.test(alias)) throw new Error(`not a table alias: ${alias}`);
  return `${alias}.${name}`;
}

const literal = (value: string) => `'${value.replaceAll("'", "''")}'`;
