import { createHash } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { checkedInSql } from '../attendance/presence.js';
import { chainLink, type Receipt as SignedBytes, type SlipSignature } from '../common/ballot.js';
import { canonicalJson } from '../common/canonical-json.js';
import type { PressRule } from '../common/contracts.js';
import { servingVoterSql } from '../roster/seat-rules.js';
import { PollStatus } from './poll.entity.js';
import { BOARD_COLUMNS, type BoardRow, unsignedReceipt } from './receipts.js';

/** What an append needs to know of its poll. */
export interface AppendPoll {
  id: string;
  sessionId: string;
  secret: boolean;
  pressRule: PressRule;
}

/** A checked ballot, ready to store. */
export interface Content {
  ballot: string | null;
  choice: string | null;
  tracker: string;
}

/**
 * One cast of a batch: the delegate's seat, its credential (in a slips poll the slips' voter) and
 * its ballot, with its slip signatures in a slips poll (checked already, null otherwise).
 */
export interface Append {
  seatId: string;
  credential: string;
  content: Content;
  slips: SlipSignature[] | null;
}

/**
 * The INSERT stored other rows than the batch planned: a delegate's eligibility changed between
 * the batch's read and its INSERT (a check-out committed in between). The transaction is rolled
 * back and the batch planned again.
 */
export class PlanOutdated extends Error {}

/** A delegate's earlier rows on the board, as the plan reads them. */
type OwnRow = BoardRow & {
  delegate_id: string;
  credential: string;
  open_choice: unknown;
  superseded_by: number | null;
};

/** A seat of the batch with its eligibility, and one of its earlier rows if any (else nulls). */
type Seen = Omit<OwnRow, 'delegate_id'> & {
  seat: string;
  eligible: boolean;
  delegate_id: string | null;
};

interface Planned {
  index: number;
  seatId: string;
  credential: string;
  content: Content;
  slips: SlipSignature[] | null;
  tracker: string;
  position: number;
  chainHead: string | null;
  signature: string | null;
}

/**
 * Appends a batch of casts to one poll's board in the caller's transaction, in the order given
 * (each delegate at most once per batch): one lock of the poll row, one read of who is eligible
 * (serving voter, checked in) and of their earlier rows, positions and chain links computed in
 * order for the rows that will be stored, one supersede UPDATE (last press), one multi-row INSERT
 * that checks every eligibility rule again, and the head moved once. Returns, per cast, its row
 * (stored now, or the same ballot stored before under the last-press rule), or null when nothing
 * was stored (poll not open, not eligible, or already cast under the first-press rule): the caller
 * then says why. The lock orders the batches of every api process; the close takes the same row.
 */
export async function appendBatch(
  m: EntityManager,
  poll: AppendPoll,
  casts: Append[],
  board: { now(): Date; sign(r: SignedBytes): string },
): Promise<(BoardRow | null)[]> {
  const [p]: { board_head: string | null; board_size: number }[] = await m.query(
    `SELECT board_head, board_size FROM polls WHERE id = $1 AND status = '${PollStatus.Open}' FOR NO KEY UPDATE`,
    [poll.id],
  );
  if (!p) return casts.map(() => null);
  // Read under the lock, so the times follow the positions across api processes too.
  const receivedAt = board.now();
  // Who is eligible (serving voter, checked in) and their earlier rows, in one read: a row per
  // seat and earlier ballot, or one with no ballot (one round trip less per batch).
  const seen: Seen[] = await m.query(
    `SELECT d.id AS seat, ${servingVoterSql('d')} AND ${checkedInSql('$2', 'd.id')} AS eligible,
            b.delegate_id, b.credential, ${BOARD_COLUMNS}, b.open_choice, b.superseded_by
       FROM delegates d
       LEFT JOIN poll_ballots b ON b.poll_id = $1 AND b.delegate_id = d.id
      WHERE d.id = ANY($3::uuid[])
      ORDER BY b.position`,
    [poll.id, poll.sessionId, casts.map((c) => c.seatId)],
  );
  const eligible = new Set(seen.filter((r) => r.eligible).map((r) => r.seat));
  const own = groupBySeat(seen.filter((r): r is Seen & OwnRow => r.delegate_id !== null));

  // A slips poll: the voter each slip key already signed for in this poll, and the seat each
  // slips voter already cast from (read under the lock).
  const taken = await slipVoters(m, poll.id, casts);
  const castFrom = await votersSeats(m, poll.id, casts);

  const out: (BoardRow | null)[] = [];
  const planned: Planned[] = [];
  let head = p.board_head;
  for (const [index, cast] of casts.entries()) {
    const mine = own.get(cast.seatId) ?? [];
    if (poll.pressRule === 'last') {
      // The same ballot again (a tablet's retry) is answered with its row.
      const same = mine.find((r) =>
        poll.secret
          ? r.tracker === cast.content.tracker
          : r.superseded_by === null && JSON.stringify(r.open_choice) === cast.content.choice,
      );
      out.push(same ?? null);
      if (same) continue;
    } else {
      out.push(null);
      if (mine.length > 0) continue; // first press: the caller compares with the stored one
    }
    if (!eligible.has(cast.seatId)) continue;
    // A slip that signed for another voter (a copied slip, or a delegate's drawn slip cast by
    // someone else first), or a delegate changing slips under the last-press rule: not stored.
    if (cast.slips?.some((s) => (taken.get(s.publicKey) ?? cast.credential) !== cast.credential))
      continue;
    if (cast.slips && mine.some((r) => r.credential !== cast.credential)) continue;
    // A whole copy of another delegate's slips makes the same voter: never from a second seat.
    if (cast.slips && (castFrom.get(cast.credential) ?? cast.seatId) !== cast.seatId) continue;
    for (const s of cast.slips ?? []) taken.set(s.publicKey, cast.credential);
    if (cast.slips) castFrom.set(cast.credential, cast.seatId);
    const position = p.board_size + planned.length + 1;
    // An open ballot's tracker names its place too under the last-press rule: the same choice
    // made again is a new ballot.
    const tracker =
      poll.pressRule === 'last' && !poll.secret
        ? openTracker(poll.id, cast.credential, cast.content.choice!, position)
        : cast.content.tracker;
    // h_i = H(h_(i-1) ‖ tracker_i), signed with the position: the receipt is the server's word.
    const chainHead = poll.secret ? (head = chainLink(head!, tracker)) : null;
    const signature = chainHead
      ? board.sign(unsignedReceipt(poll.id, tracker, position, chainHead, receivedAt))
      : null;
    planned.push({ index, ...cast, tracker, position, chainHead, signature });
  }
  if (planned.length === 0) return out;

  if (poll.pressRule === 'last') {
    // The delegate's current ballot stays on the board, marked replaced by the new position (a
    // link of the chain, excluded as SUPERSEDED at the close).
    await m.query(
      `UPDATE poll_ballots b SET superseded_by = v.position
         FROM unnest($2::uuid[], $3::int[]) AS v(delegate_id, position)
        WHERE b.poll_id = $1 AND b.delegate_id = v.delegate_id AND b.superseded_by IS NULL`,
      [poll.id, planned.map((x) => x.seatId), planned.map((x) => x.position)],
    );
  }
  const last = planned.at(-1)!;
  const stored: BoardRow[] = await m.query(
    `WITH ins AS (
       INSERT INTO poll_ballots (poll_id, delegate_id, credential, ballot, open_choice, tracker,
                                 received_at, position, chain_head, signature, verified, slips)
       SELECT $1, d.id, v.credential, v.ballot::jsonb, v.open_choice::jsonb, v.tracker, $3,
              v.position, v.chain_head, v.signature, $4, v.slips::jsonb
         FROM unnest($5::uuid[], $6::text[], $7::text[], $8::text[], $9::text[], $10::int[],
                     $11::text[], $12::text[], $15::text[])
              AS v(delegate_id, credential, ballot, open_choice, tracker, position, chain_head,
                   signature, slips)
         JOIN delegates d ON d.id = v.delegate_id
        WHERE ${servingVoterSql('d')} AND ${checkedInSql('$2', 'd.id')}
        ORDER BY v.position
       ON CONFLICT (poll_id, delegate_id) WHERE superseded_by IS NULL DO NOTHING
       RETURNING poll_id, tracker, position, received_at, chain_head, signature),
     moved AS (
       UPDATE polls SET board_size = $13, board_head = COALESCE($14, board_head) WHERE id = $1)
     SELECT * FROM ins`,
    [
      poll.id,
      poll.sessionId,
      receivedAt,
      poll.secret,
      planned.map((x) => x.seatId),
      planned.map((x) => x.credential),
      planned.map((x) => x.content.ballot),
      planned.map((x) => x.content.choice),
      planned.map((x) => x.tracker),
      planned.map((x) => x.position),
      planned.map((x) => x.chainHead),
      planned.map((x) => x.signature),
      last.position,
      last.chainHead,
      planned.map((x) => (x.slips ? JSON.stringify(x.slips) : null)),
    ],
  );
  // Positions must stay contiguous and each link must follow the one before: all or nothing.
  if (stored.length !== planned.length) throw new PlanOutdated();
  await keepSlipVoters(m, poll.id, planned);
  const byPosition = new Map(stored.map((r) => [r.position, r]));
  for (const x of planned) out[x.index] = byPosition.get(x.position)!;
  return out;
}

async function slipVoters(
  m: EntityManager,
  pollId: string,
  casts: readonly Append[],
): Promise<Map<string, string>> {
  const keys = casts.flatMap((c) => c.slips?.map((s) => s.publicKey) ?? []);
  if (keys.length === 0) return new Map();
  const rows: { public_key: string; voter: string }[] = await m.query(
    `SELECT public_key, voter FROM poll_slip_keys WHERE poll_id = $1 AND public_key = ANY($2::text[])`,
    [pollId, keys],
  );
  return new Map(rows.map((r) => [r.public_key, r.voter]));
}

/** In a slips poll: the seat each of the batch's voters already has a ballot from. */
async function votersSeats(
  m: EntityManager,
  pollId: string,
  casts: readonly Append[],
): Promise<Map<string, string>> {
  const voters = casts.filter((c) => c.slips).map((c) => c.credential);
  if (voters.length === 0) return new Map();
  const rows: { credential: string; delegate_id: string }[] = await m.query(
    `SELECT DISTINCT credential, delegate_id FROM poll_ballots
      WHERE poll_id = $1 AND credential = ANY($2::text[])`,
    [pollId, voters],
  );
  return new Map(rows.map((r) => [r.credential, r.delegate_id]));
}

/**
 * Each stored ballot's slip keys with its voter. The primary key (poll, slip key) holds the rule
 * for every api process; under the poll row's lock a key already there has this same voter.
 */
async function keepSlipVoters(m: EntityManager, pollId: string, planned: readonly Planned[]) {
  const pairs = planned.flatMap((x) =>
    (x.slips ?? []).map((s) => ({ key: s.publicKey, voter: x.credential })),
  );
  if (pairs.length === 0) return;
  await m.query(
    `INSERT INTO poll_slip_keys (poll_id, public_key, voter)
     SELECT $1, k.public_key, k.voter FROM unnest($2::text[], $3::text[]) AS k(public_key, voter)
     ON CONFLICT (poll_id, public_key) DO NOTHING`,
    [pollId, pairs.map((p) => p.key), pairs.map((p) => p.voter)],
  );
}

function groupBySeat(rows: OwnRow[]): Map<string, OwnRow[]> {
  const bySeat = new Map<string, OwnRow[]>();
  for (const r of rows) bySeat.set(r.delegate_id, [...(bySeat.get(r.delegate_id) ?? []), r]);
  return bySeat;
}

/**
 * An open (记名) ballot's tracker: the hash of poll, voter and choice; under the last-press rule
 * also of its board position, so that returning to an earlier choice makes a distinct ballot.
 */
export function openTracker(
  pollId: string,
  voter: string,
  choice: string,
  position?: number,
): string {
  const body: Record<string, unknown> = { poll: pollId, voter, choice: JSON.parse(choice) };
  if (position !== undefined) body.position = position;
  return createHash('sha256').update(canonicalJson(body)).digest('hex');
}
