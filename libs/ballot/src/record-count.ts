/**
 * Which ballots on the board count: one rule, used by the server at the close and by every
 * verifier, so a record's exclusions can be recomputed rather than trusted.
 *
 * In board order, a ballot is excluded as
 *   INVALID          when it does not verify (proofs, encoding, degenerate ciphertext…);
 *   NOT_ISSUED       else when its credential is not among those issued at opening (in a slips
 *                    poll: when its slips do not check or one of them was used before);
 *   SEAT_LOST        else when the record says so (a recall or departure between cast and close:
 *                    the only reason a verifier cannot check from the record, so it is shown);
 * and of the ballots left, per credential,
 *   SUPERSEDED       all but the last, when re-casting is allowed (last press counts);
 *   DUPLICATE_VOTER  all but the first, when it is not.
 * Everything else counts: at most one ballot per issued credential.
 */
import type { BallotErrorCode } from './errors.js';

export type ExclusionReason =
  'INVALID' | 'NOT_ISSUED' | 'SEAT_LOST' | 'SUPERSEDED' | 'DUPLICATE_VOTER';

/** Reasons a verifier takes from the record because it cannot recompute them. */
export const CLAIMED_REASONS: readonly ExclusionReason[] = ['SEAT_LOST'];

export interface Exclusion {
  /** Board position, from 1. */
  position: number;
  reason: ExclusionReason;
  /** For INVALID, and NOT_ISSUED in a slips poll: the error's code. */
  code?: BallotErrorCode;
  /** For SUPERSEDED: the position of the later ballot of the same credential that replaced it. */
  by?: number;
}

export interface CountingEntry {
  position: number;
  voter: string;
  /** Set when the ballot does not verify. */
  error?: BallotErrorCode;
}

/**
 * Who may vote: the credentials issued at opening (version 2), or, in a slips poll (version 3),
 * the board positions refused by the slip rule with their codes (slips.ts `slipExclusions`).
 */
export type Issuance = ReadonlySet<string> | SlipIssuance;
export interface SlipIssuance {
  refused: ReadonlyMap<number, BallotErrorCode>;
}

/**
 * The exclusions the rule requires, by position. `claims` are the record's (or the server's)
 * SEAT_LOST positions; a claim on a ballot that is invalid or not issued is superseded by that
 * checkable reason.
 */
export function requiredExclusions(
  entries: readonly CountingEntry[],
  issued: Issuance,
  recast: 'once' | 'last-counts',
  claims: ReadonlySet<number>,
): Map<number, Exclusion> {
  const out = new Map<number, Exclusion>();
  const byVoter = new Map<string, number[]>();
  for (const e of entries) {
    const notIssued = 'refused' in issued ? issued.refused.get(e.position) : !issued.has(e.voter);
    if (e.error) out.set(e.position, { position: e.position, reason: 'INVALID', code: e.error });
    else if (notIssued)
      out.set(e.position, {
        position: e.position,
        reason: 'NOT_ISSUED',
        ...(typeof notIssued === 'string' ? { code: notIssued } : {}),
      });
    else if (claims.has(e.position))
      out.set(e.position, { position: e.position, reason: 'SEAT_LOST' });
    else byVoter.set(e.voter, [...(byVoter.get(e.voter) ?? []), e.position]);
  }
  for (const positions of byVoter.values()) {
    if (positions.length < 2) continue;
    if (recast === 'last-counts') {
      const last = positions[positions.length - 1];
      for (const p of positions.slice(0, -1))
        out.set(p, { position: p, reason: 'SUPERSEDED', by: last });
    } else
      for (const p of positions.slice(1)) out.set(p, { position: p, reason: 'DUPLICATE_VOTER' });
  }
  return out;
}

/** 收回 (ballots returned): distinct credentials on the board, each a ballot put in the box. */
export function returnedCount(entries: readonly CountingEntry[]): number {
  return new Set(entries.map((e) => e.voter)).size;
}
