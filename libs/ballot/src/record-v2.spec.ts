import { describe, it, expect } from '@jest/globals';
import { ballotTracker, encryptBallot, marks } from './ballot.js';
import { chainHeads } from './board.js';
import { mulG, pointToHex } from './group.js';
import { combinePartials } from './close.js';
import { findTracker } from './record.js';
import { decidePoll, pollSpecOf, sortCredentials } from './record-poll.js';
import { checkReceipt, verifyElectionRecordV2, type RecordReportV2 } from './record-verify.js';
import { finishRecord, prepareClose, resumeClose, type ElectionRecordV2 } from './record-v2.js';
import { deterministicRng } from './rng.js';
import { ballotShape } from './shape.js';
import { partialDecrypt, sumCiphertexts } from './tally.js';
import { verifyBallotsDetailed } from './batch.js';
import { demoElection } from './testing.js';
import { loadSodium, SodiumGroup } from './node/sodium.js';
import { RunningSum, sodiumSummer } from './node/chunk.js';
import { closeDemo, demoRecord, DEMO_POLL } from './testing-record.js';
import type { Ciphertext } from './elgamal.js';

const demo = demoRecord('record-v2 spec');
const rng = deterministicRng('record-v2 spec, tests');
const shape = ballotShape(pollSpecOf(DEMO_POLL));

function failure(report: RecordReportV2) {
  expect(report.ok).toBe(false);
  return {
    check: report.firstFailure?.name,
    code: report.firstFailure?.error?.code,
    error: report.firstFailure?.error,
  };
}

/** The record with the board re-chained (positions, trackers kept, heads recomputed). */
function rechain(r: ElectionRecordV2): ElectionRecordV2 {
  const heads = chainHeads(
    r.board.genesis,
    r.board.entries.map((e) => e.tracker),
  );
  const entries = r.board.entries.map((e, i) => ({ ...e, position: i + 1, chainHead: heads[i] }));
  return { ...r, board: { ...r.board, entries, head: heads.at(-1) ?? r.board.genesis } };
}

/**
 * What a dishonest server that also fooled the tellers would publish: its own choice of counted
 * positions, with a consistent tally, decryption, result and decision.
 */
function recount(r: ElectionRecordV2, counted: (position: number) => boolean): ElectionRecordV2 {
  const v = verifyBallotsDetailed(
    { key: demo.key, shape },
    r.board.entries.map((e) => ({ ballot: e.ballot })),
    { rng },
  );
  const cts = v.ciphertexts.filter((_, i) => counted(i + 1)) as Ciphertext[][][];
  const tally = sumCiphertexts(demo.key, shape, cts);
  const partials = [1, 3].map((t) =>
    partialDecrypt(demo.key, shape, demo.ceremony.secrets[t - 1], tally, rng),
  );
  const out = combinePartials(demo.key, shape, tally, partials);
  return {
    ...r,
    tally,
    decryptions: out.partials,
    result: {
      ...r.result,
      counts: out.result.counts,
      counted: cts.length,
      decision: decidePoll(
        r.poll,
        out.result.counts,
        { valid: cts.length, invalid: 0 },
        r.electorate,
      ),
    },
  };
}

describe('election record v2', () => {
  it('the honest record verifies, every check named; a recast and a recalled voter are honoured', () => {
    const report = verifyElectionRecordV2(demo.record, { rng });
    expect(report.firstFailure).toBeUndefined();
    expect(report.checks.map((c) => [c.name, c.status])).toEqual(
      [
        'format',
        'poll',
        'key',
        'issued',
        'chain',
        'ballots',
        'eligibility',
        'exclusions',
        'tally',
        'decryption',
        'result',
        'issued-rule',
        'decision',
      ].map((n) => [n, 'passed']),
    );
    expect(report.counts).toEqual([[2, 1, 1]]);
    expect(report.labels).toEqual([['赞成', '反对', '弃权']]);
    expect(demo.record.exclusions).toEqual([
      { position: 1, reason: 'SUPERSEDED', by: 4 },
      { position: 5, reason: 'SEAT_LOST' },
    ]);
    expect(report.board.map((b) => b.counted)).toEqual([false, true, true, true, false, true]);
    expect(demo.record.result).toMatchObject({ returned: 5, counted: 4, excluded: 2, void: false });
    expect(demo.record.decryptions.map((d) => d.trustee)).toEqual([1, 3]);
    const key = report.checks.find((c) => c.name === 'key')!;
    expect(key.facts).toMatchObject({ mode: 'tellers', threshold: 2, tellers: 3 });
  });

  it('prepareClose takes verdicts from the cast: ballots verified on arrival are read, not re-verified', async () => {
    const base = {
      poll: demo.poll,
      key: demo.record.key,
      issued: demo.issued,
      boardKey: demo.record.board.publicKey,
      entries: demo.entries,
      seatLost: [5],
      rng,
    };
    const checked = prepareClose(base);
    const trusted = prepareClose({ ...base, verified: demo.entries.map(() => true) });
    expect(trusted.record).toEqual(checked.record);
    expect(trusted.counted).toEqual(checked.counted);
    // Summed with libsodium, the same tally byte for byte.
    const group = new SodiumGroup(await loadSodium());
    const fast = prepareClose({
      ...base,
      verified: demo.entries.map((_, i) => i !== 2),
      sumVerified: sodiumSummer(group),
    });
    expect(fast.record).toEqual(checked.record);
    // The server's running sum of the whole board (kept as ballots were stored) less the two
    // ballots not counted (SUPERSEDED, SEAT_LOST), and the trackers computed at the cast: the
    // same record again.
    const running = new RunningSum(group, shape);
    demo.entries.forEach((e) => running.add(e.ballot));
    const kept = prepareClose({
      ...base,
      verified: demo.entries.map(() => true),
      trackers: demo.entries.map((e) => ballotTracker(e.ballot)),
      sumVerified: (key, _shape, counted) =>
        running.tallyWithout(
          key,
          demo.entries.map((e) => e.ballot).filter((b) => !counted.includes(b)),
        ),
    });
    expect(kept.record).toEqual(checked.record);
    // With the chain heads the board's rows kept since each append: the same record again.
    const heads = checked.record.board.entries.map((e) => e.chainHead);
    expect(prepareClose({ ...base, chainHeads: heads }).record).toEqual(checked.record);
    // Heads for only part of the board are not taken: the chain is hashed as without them.
    expect(prepareClose({ ...base, chainHeads: heads.slice(1) }).record).toEqual(checked.record);
    // They are taken as given, not recomputed (a wrong one is what a record's verifier catches).
    const wrongHeads = heads.map((h, i) => (i === 0 ? 'f'.repeat(64) : h));
    expect(
      prepareClose({ ...base, chainHeads: wrongHeads }).record.board.entries[0]!.chainHead,
    ).toBe('f'.repeat(64));
    // With the genesis computed at opening: the same record; a given one is taken as it is.
    const genesis = checked.record.board.genesis;
    const given = prepareClose({ ...base, chainHeads: heads, genesis });
    expect(given.record).toEqual(checked.record);
    expect(prepareClose({ ...base, genesis: 'e'.repeat(64) }).record.board.genesis).toBe(
      'e'.repeat(64),
    );
    // Resumed from the stored record alone (what the server keeps while the tellers answer).
    const resumed = resumeClose(JSON.parse(JSON.stringify(trusted.record)));
    expect(resumed.counted).toEqual(trusted.counted);
    expect(resumed.shape).toEqual(trusted.shape);

    // A forged ballot the caller wrongly marks as verified is summed: the server's word is
    // trusted at the close, and the record's verifier, which re-checks every ballot, catches it.
    const forged = structuredClone(demo.entries);
    const branch = forged[1].ballot.questions[0].entries[0].proof[0];
    branch.s = (branch.s[0] === '0' ? '1' : '0') + branch.s.slice(1);
    const wrongly = prepareClose({ ...base, entries: forged, verified: forged.map(() => true) });
    expect(wrongly.record.exclusions).toEqual(checked.record.exclusions);
    const partials = [1, 3].map((t) =>
      partialDecrypt(
        wrongly.key,
        wrongly.shape,
        demo.ceremony.secrets[t - 1],
        wrongly.record.tally,
        rng,
      ),
    );
    const record = finishRecord(wrongly, partials, { total: 8, present: 6 });
    expect(failure(verifyElectionRecordV2(record, { rng }))).toMatchObject({
      check: 'ballots',
      code: 'ENTRY_PROOF_FAILED',
    });
    // Left unmarked, the same ballot is verified here and excluded as INVALID.
    const unmarked = prepareClose({ ...base, entries: forged });
    expect(unmarked.record.exclusions).toContainEqual({
      position: 2,
      reason: 'INVALID',
      code: 'ENTRY_PROOF_FAILED',
    });
  });

  it('finds a tracker by short code, and holds the record against each signed receipt', () => {
    const report = verifyElectionRecordV2(demo.record, { rng });
    for (const r of demo.receipts) {
      expect(findTracker(report, r.shortCode.toLowerCase())?.position).toBe(r.position);
      expect(checkReceipt(demo.record, r).position).toBe(r.position);
    }
    expect(checkReceipt(demo.record, demo.receipts[0]).exclusion?.reason).toBe('SUPERSEDED');
    expect(() => checkReceipt(demo.record, { ...demo.receipts[1], position: 3 })).toThrow(
      /BAD_SIGNATURE/,
    );
  });

  it('a changed ballot fails: its tracker, or (re-chained) its proofs', () => {
    const r = structuredClone(demo.record);
    const q = r.board.entries[1].ballot.questions[0];
    [q.entries[0], q.entries[1]] = [q.entries[1], q.entries[0]];
    expect(failure(verifyElectionRecordV2(r, { rng }))).toMatchObject({
      check: 'chain',
      code: 'TRACKER_MISMATCH',
    });
    r.board.entries[1].tracker = ballotTracker(r.board.entries[1].ballot);
    const f = failure(verifyElectionRecordV2(rechain(r), { rng }));
    expect(f).toMatchObject({ check: 'ballots', code: 'ENTRY_PROOF_FAILED' });
  });

  it('a dropped ballot breaks the chain; dropped and re-chained, the delegate’s receipt shows it', () => {
    const r = structuredClone(demo.record);
    r.board.entries.splice(2, 1);
    r.board.entries.forEach((e, i) => (e.position = i + 1));
    expect(failure(verifyElectionRecordV2(r, { rng }))).toMatchObject({
      check: 'chain',
      code: 'CHAIN_MISMATCH',
    });
    // A server that re-makes the whole record without cred-c's ballot, tellers and all:
    const remade = closeDemo(
      {
        poll: demo.poll,
        key: demo.record.key,
        issued: demo.issued,
        boardKey: demo.record.board.publicKey,
        entries: demo.entries.filter((_, i) => i !== 2),
      },
      demo.ceremony.secrets,
      [4],
      [1, 2],
      rng,
    );
    expect(verifyElectionRecordV2(remade, { rng }).ok).toBe(true);
    expect(() => checkReceipt(remade, demo.receipts[2])).toThrow(/RECEIPT_MISMATCH/);
    expect(() => checkReceipt(remade, demo.receipts[5])).toThrow(/RECEIPT_MISMATCH/);
  });

  it('a stuffed ballot under a credential never issued fails, counted or not', () => {
    const stuffed = encryptBallot({
      key: demo.key,
      shape,
      voter: 'cred-x',
      choices: [marks(3, 0)],
      rng,
    }).ballot;
    const entries = [...demo.entries, { ballot: stuffed, receivedAt: '2026-11-21T06:59:00.000Z' }];
    const honest = closeDemo(
      {
        poll: demo.poll,
        key: demo.record.key,
        issued: demo.issued,
        boardKey: demo.record.board.publicKey,
        entries,
      },
      demo.ceremony.secrets,
      [5],
      [1, 3],
      rng,
    );
    // The rule excludes it: NOT_ISSUED (and 6 returned ≤ 6 issued: not void).
    expect(honest.exclusions.at(-1)).toEqual({ position: 7, reason: 'NOT_ISSUED' });
    expect(verifyElectionRecordV2(honest, { rng }).ok).toBe(true);
    // A server that counts it anyway, with a consistent tally and decryption:
    const counted = recount(
      { ...honest, exclusions: honest.exclusions.slice(0, -1) },
      (p) => ![1, 5].includes(p),
    );
    expect(failure(verifyElectionRecordV2(counted, { rng }))).toMatchObject({
      check: 'eligibility',
      code: 'UNISSUED_CREDENTIAL',
    });
  });

  it('more ballots returned than issued: the record must say void', () => {
    const extra = ['cred-x', 'cred-y'].map((voter, i) => ({
      ballot: encryptBallot({ key: demo.key, shape, voter, choices: [marks(3, 1)], rng }).ballot,
      receivedAt: `2026-11-21T07:0${i}:00.000Z`,
    }));
    const rec = closeDemo(
      {
        poll: demo.poll,
        key: demo.record.key,
        issued: demo.issued,
        boardKey: demo.record.board.publicKey,
        entries: [...demo.entries, ...extra],
      },
      demo.ceremony.secrets,
      [5],
      [2, 3],
      rng,
    );
    expect(rec.result).toMatchObject({ returned: 7, void: true, decision: null });
    expect(verifyElectionRecordV2(rec, { rng }).ok).toBe(true);
    const hidden = structuredClone(rec);
    hidden.result.void = false;
    expect(failure(verifyElectionRecordV2(hidden, { rng }))).toMatchObject({
      check: 'issued-rule',
      code: 'VOID_RULE',
    });
  });

  it('a forged partial decryption fails naming the teller', () => {
    const r = structuredClone(demo.record);
    r.decryptions[1].questions[0].entries[0].d = pointToHex(mulG(3n));
    const f = failure(verifyElectionRecordV2(r, { rng }));
    expect(f).toMatchObject({ check: 'decryption', code: 'DECRYPTION_PROOF_FAILED' });
    expect(f.error?.trustee).toBe(3);
    expect(
      failure(
        verifyElectionRecordV2(
          { ...demo.record, decryptions: demo.record.decryptions.slice(0, 1) },
          { rng },
        ),
      ),
    ).toMatchObject({
      check: 'decryption',
      code: 'MISSING_TRUSTEE',
    });
  });

  it('a broken chain link fails at its position', () => {
    const r = structuredClone(demo.record);
    r.board.entries[2].chainHead = r.board.entries[1].chainHead;
    const f = failure(verifyElectionRecordV2(r, { rng }));
    expect(f).toMatchObject({ check: 'chain', code: 'CHAIN_MISMATCH' });
    expect(f.error?.ballot).toBe(2);
  });

  it('the superseded ballot must be the older one: counting the first press fails', () => {
    const r = recount(
      {
        ...demo.record,
        exclusions: [
          { position: 4, reason: 'SUPERSEDED', by: 1 },
          { position: 5, reason: 'SEAT_LOST' },
        ],
      },
      (p) => ![4, 5].includes(p),
    );
    expect(failure(verifyElectionRecordV2(r, { rng }))).toMatchObject({
      check: 'exclusions',
      code: 'EXCLUSION_MISMATCH',
    });
  });

  it('a poll without re-casting counts the first ballot and excludes the later as DUPLICATE_VOTER', () => {
    const poll = { ...demo.poll, recast: 'once' as const };
    const rec = closeDemo(
      {
        poll,
        key: demo.record.key,
        issued: demo.issued,
        boardKey: demo.record.board.publicKey,
        entries: demo.entries,
      },
      demo.ceremony.secrets,
      [5],
      [1, 2],
      rng,
    );
    expect(rec.exclusions[0]).toEqual({ position: 4, reason: 'DUPLICATE_VOTER' });
    expect(rec.result.counts).toEqual([[3, 1, 0]]);
    expect(verifyElectionRecordV2(rec, { rng }).ok).toBe(true);
  });

  it('labels, the decision and the tally are checked content', () => {
    const swapped = structuredClone(demo.record);
    const opts = (swapped.poll.vote as { options: { label: string }[] }).options;
    [opts[0].label, opts[1].label] = [opts[1].label, opts[0].label];
    expect(failure(verifyElectionRecordV2(swapped, { rng }))).toMatchObject({
      check: 'chain',
      code: 'CHAIN_MISMATCH',
    });
    const decided = structuredClone(demo.record);
    (decided.result.decision as { passed: boolean }).passed = true;
    expect(failure(verifyElectionRecordV2(decided, { rng }))).toMatchObject({
      check: 'decision',
      code: 'DECISION_MISMATCH',
    });
    const other = structuredClone(demo.record);
    other.tally.questions[0].entries[0] = other.tally.questions[0].entries[1];
    expect(failure(verifyElectionRecordV2(other, { rng }))).toMatchObject({
      check: 'tally',
      code: 'TALLY_MISMATCH',
    });
    expect(
      failure(verifyElectionRecordV2({ ...demo.record, version: 1 } as never, { rng })),
    ).toMatchObject({ check: 'format', code: 'BAD_VERSION' });
    expect(failure(verifyElectionRecordV2(null as never))).toMatchObject({
      check: 'format',
      code: 'BAD_ENCODING',
    });
  });

  it('a custodian record (trials) verifies and says so', () => {
    const el = demoElection(demo.poll.pollId, 1, rng);
    const entries = demo.entries.slice(1, 3).map((e, i) => ({
      ballot: encryptBallot({
        key: el.key,
        shape,
        voter: e.ballot.voter,
        choices: [marks(3, i)],
        rng,
      }).ballot,
      receivedAt: e.receivedAt,
    }));
    const prepared = prepareClose({
      poll: demo.poll,
      key: { mode: 'custodian', key: el.key },
      issued: { count: 6, credentials: sortCredentials(demo.issued.credentials) },
      boardKey: demo.record.board.publicKey,
      entries,
      rng,
    });
    const rec = finishRecord(
      prepared,
      [partialDecrypt(el.key, shape, el.secrets[0], prepared.record.tally, rng)],
      { total: 8, present: 6 },
    );
    const report = verifyElectionRecordV2(rec, { rng });
    expect(report.ok).toBe(true);
    expect(report.checks[2].facts.mode).toBe('custodian');
    expect(report.counts).toEqual([[1, 1, 0]]);
  });
});
