/**
 * Benaloh's cast-or-audit check on the voter's own device: the tablet encrypts the choices and
 * shows the ballot's tracker; the delegate then either casts it, or audits it. An audited ballot
 * is never cast: the tablet reveals the choices and the randomness of every ciphertext, and
 * anyone (another device, `auditBallot` in a script) re-encrypts and compares. A tablet that
 * encrypts something other than what was chosen cannot know in advance which ballots will be
 * audited, so each audit catches it with the chance the delegate chooses to audit.
 * (J. Benaloh, "Simple Verifiable Elections", EVT 2006; Helios's "audit" of a ballot.)
 */
import {
  ballotTracker,
  checkChoices,
  parseBallot,
  shortCode,
  verifyBallot,
  type Ballot,
  type RevealableBallot,
} from './ballot.js';
import { fromHex, toHex } from './encoding.js';
import { encrypt } from './elgamal.js';
import { BallotError } from './errors.js';
import { pointToHex, scalarFromBytes } from './group.js';
import { verifyElectionKey, type ElectionKey } from './keys.js';
import type { BallotShape } from './shape.js';

/** What an audit reveals: the ballot, the choices it claims, and each entry's randomness. */
export interface BallotAudit {
  version: 1;
  ballot: Ballot;
  /** One 0/1 vector per question, as given to encryptBallot. */
  choices: number[][];
  /** `r` of each entry, [question][entry] (32-byte little-endian hex). */
  randomness: string[][];
}

/** The audit of a ballot made by encryptBallotRevealable (after which that ballot must not be cast). */
export function revealBallot(
  encrypted: RevealableBallot,
  choices: readonly (readonly number[])[],
): BallotAudit {
  return {
    version: 1,
    ballot: encrypted.ballot,
    choices: choices.map((v) => [...v]),
    randomness: encrypted.randomness.map((v) => [...v]),
  };
}

/**
 * Checks an audit: the ballot verifies under the poll's key and shape (its voter is the one
 * written in it), the choices are valid for the shape, and every entry's ciphertext is exactly
 * `(r·G, r·Y + m·G)` for the revealed `r` and the claimed `m`. Throws BallotError (ballot checks,
 * BAD_CHOICE, BAD_ENCODING, or AUDIT_MISMATCH naming the question and entry); returns the tracker
 * the tablet showed before the audit, and the choices, now proven to be what the ballot held.
 */
export function auditBallot(
  audit: BallotAudit,
  ctx: { key: ElectionKey; shape: BallotShape },
): { tracker: string; shortCode: string; choices: number[][] } {
  if (audit?.version !== 1) throw new BallotError('BAD_VERSION', 'audit version is not 1');
  const ballot = parseBallot(audit.ballot);
  verifyBallot(audit.ballot, { key: ctx.key, shape: ctx.shape, voter: ballot.voter });
  checkChoices(ctx.shape, audit.choices);
  const { Y } = verifyElectionKey(ctx.key);
  if (!Array.isArray(audit.randomness) || audit.randomness.length !== ballot.questions.length)
    throw new BallotError('AUDIT_MISMATCH', 'randomness for every question is needed');
  ballot.questions.forEach((q, qi) => {
    const rs = audit.randomness[qi];
    if (!Array.isArray(rs) || rs.length !== q.entries.length)
      throw new BallotError('AUDIT_MISMATCH', `randomness for every entry of question ${qi}`, {
        question: qi,
      });
    q.entries.forEach((entry, ei) => {
      const detail = { question: qi, entry: ei };
      const r = scalarFromBytes(fromHex(rs[ei], 32, 'randomness', detail), 'randomness', detail);
      const m = audit.choices[qi][ei];
      const ct = encrypt(Y, m, r);
      if (pointToHex(ct.alpha) !== toHex(entry.alpha) || pointToHex(ct.beta) !== toHex(entry.beta))
        throw new BallotError(
          'AUDIT_MISMATCH',
          `question ${qi}, entry ${ei} does not encrypt ${m} with the revealed randomness`,
          { ...detail, check: 'ciphertext' },
        );
    });
  });
  const tracker = ballotTracker(ballot);
  return { tracker, shortCode: shortCode(tracker), choices: audit.choices.map((v) => [...v]) };
}
