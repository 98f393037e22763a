import { describe, it, expect } from '@jest/globals';
import { BallotError } from './errors.js';
import { encryptBallot, marks } from './ballot.js';
import { verifyBallots } from './batch.js';
import {
  ceremonyKey,
  verifyCeremonyKey,
  type CeremonyParams,
  type Round1Message,
} from './ceremony-key.js';
import {
  ceremonyRound1,
  ceremonyRound2,
  finalizeKey,
  receiveShares,
  type TellerState,
} from './ceremony.js';
import {
  complaintChallenge,
  round2Bytes,
  type Complaint,
  type Round2Message,
} from './ceremony-messages.js';
import { adjudicateComplaint, verifyCeremonyTranscript } from './ceremony-verify.js';
import { combinePartials } from './close.js';
import { mul, mulG, pointFromHex, pointToHex, sadd, scalarFromHex, scalarToHex } from './group.js';
import { TAGS } from './hash.js';
import { pollKey, verifyElectionKey } from './keys.js';
import { proveChaumPedersen } from './proofs.js';
import { deterministicRng } from './rng.js';
import { ballotShape } from './shape.js';
import { partialDecrypt } from './tally.js';
import { demoCeremony } from './testing.js';
import { encryptShare, sign } from './transport.js';
import { chunkVerifier } from './node/chunk.js';

const P: CeremonyParams = { ceremonyId: '第五届职代会第二次会议', threshold: 2, tellers: 3 };

function round1Of(params: CeremonyParams, seed: string) {
  const rng = deterministicRng(seed);
  const ones = Array.from({ length: params.tellers }, (_, i) =>
    ceremonyRound1({ ...params, index: i + 1 }, rng),
  );
  return { rng, states: ones.map((o) => o.state), round1: ones.map((o) => o.message) };
}

/** Like ceremonyRound2, but the share to `victim` is off by one (a cheating teller). */
function cheatingRound2(
  state: TellerState,
  round1: Round1Message[],
  victim: number,
  garbage = false,
): Round2Message {
  const honest = ceremonyRound2(state, round1, deterministicRng('cheat')).message;
  const info = verifyCeremonyKey(ceremonyKey(round1));
  const a = state.coefficients.map((h) => scalarFromHex(h, 'a'));
  const P = (z: number) => a.reduceRight((acc, ak) => sadd(acc * BigInt(z), ak), 0n);
  const shares = honest.shares.map((s) => {
    if (s.to !== victim) return s;
    const enc = encryptShare(
      { ceremonyId: info.ceremonyId, fingerprint: info.fingerprint, from: state.index, to: victim },
      info.tellers[victim - 1].E,
      sadd(P(victim), 1n),
      deterministicRng('bad share'),
    );
    return garbage ? { ...enc, ciphertext: 'ab'.repeat(48) } : enc;
  });
  const body = {
    ceremonyId: honest.ceremonyId,
    from: state.index,
    fingerprint: honest.fingerprint,
    shares,
  };
  const e = scalarFromHex(state.transportSecret, 'e');
  return {
    version: 2,
    ...body,
    signature: sign(TAGS.round2Signature, e, round2Bytes(body), deterministicRng('sig')),
  };
}

function expectCode(f: () => unknown, code: string, trustee?: number) {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(BallotError);
    expect((e as BallotError).code).toBe(code);
    if (trustee !== undefined) expect((e as BallotError).detail.trustee).toBe(trustee);
    return e as BallotError;
  }
  throw new Error(`expected ${code}`);
}

describe('key ceremony, 2 of 3', () => {
  const { key, transcript, secrets } = demoCeremony(P, deterministicRng('honest'));

  it('every teller gets the same key; the transcript gives it again; x_i·G is Y_i', () => {
    expect(verifyCeremonyTranscript(transcript)).toEqual(key);
    const info = verifyCeremonyKey(key);
    expect(info.n).toBe(3);
    expect(info.threshold).toBe(2);
    for (const s of secrets) {
      expect(s.fingerprint).toBe(key.fingerprint);
      expect(mulG(scalarFromHex(s.secret, 'x')).equals(info.verificationKeys[s.index - 1].Y)).toBe(
        true,
      );
    }
    // Y is the sum of the constant commitments; no teller's share is the joint secret.
    expect(
      secrets.some((s) => pointToHex(mulG(scalarFromHex(s.secret, 'x'))) === key.publicKey),
    ).toBe(false);
  });

  it('any two tellers decrypt a tally; one alone is refused (MISSING_TRUSTEE)', () => {
    const shape = ballotShape({ questions: [{ kind: 'motion' }] });
    const pk = pollKey('poll-1', key);
    const choices = [0, 0, 1, 2, 0].map((c) => [marks(3, c)]);
    const rng = deterministicRng('ballots');
    const items = choices.map((c, i) => ({
      ballot: encryptBallot({ key: pk, shape, voter: `v${i}`, choices: c, rng }).ballot,
    }));
    const { tally, outcomes } = verifyBallots({ key: pk, shape }, items, { rng });
    expect(outcomes.every((o) => o.ok)).toBe(true);
    const partials = secrets.map((s) => partialDecrypt(pk, shape, s, tally, rng));
    for (const pair of [
      [0, 1],
      [0, 2],
      [2, 1],
    ]) {
      const out = combinePartials(
        pk,
        shape,
        tally,
        pair.map((i) => partials[i]),
      );
      expect(out.result.counts).toEqual([[3, 1, 1]]);
      expect(out.refused).toEqual([]);
    }
    expectCode(() => combinePartials(pk, shape, tally, [partials[1]]), 'MISSING_TRUSTEE');
  });

  it('a forged partial is refused naming its teller; the other two still decrypt', () => {
    const shape = ballotShape({ questions: [{ kind: 'motion' }] });
    const pk = pollKey('poll-2', key);
    const rng = deterministicRng('forged partial');
    const items = [0, 1].map((c, i) => ({
      ballot: encryptBallot({ key: pk, shape, voter: `v${i}`, choices: [marks(3, c)], rng }).ballot,
    }));
    const { tally } = verifyBallots({ key: pk, shape }, items, { rng });
    const partials = secrets.map((s) => partialDecrypt(pk, shape, s, tally, rng));
    const forged = structuredClone(partials[0]);
    forged.questions[0].entries[0].d = pointToHex(mulG(5n));
    const out = combinePartials(pk, shape, tally, [forged, partials[1], partials[2]]);
    expect(out.refused).toHaveLength(1);
    expect(out.refused[0].trustee).toBe(1);
    expect(out.refused[0].error.code).toBe('DECRYPTION_PROOF_FAILED');
    expect(out.used).toEqual([2, 3]);
    expect(out.result.counts).toEqual([[1, 1, 0]]);
  });

  it('a partial named as checked on arrival has its proofs skipped, not its form', () => {
    const shape = ballotShape({ questions: [{ kind: 'motion' }] });
    const pk = pollKey('poll-checked', key);
    const rng = deterministicRng('checked partial');
    const items = [0, 2, 2].map((c, i) => ({
      ballot: encryptBallot({ key: pk, shape, voter: `v${i}`, choices: [marks(3, c)], rng }).ballot,
    }));
    const { tally } = verifyBallots({ key: pk, shape }, items, { rng });
    const partials = secrets.map((s) => partialDecrypt(pk, shape, s, tally, rng));
    // Right D, broken proof: what only the proof check can tell.
    const badProof = structuredClone(partials[0]);
    badProof.questions[0].entries[1].s = badProof.questions[0].entries[2].s;
    const refused = combinePartials(pk, shape, tally, [badProof, partials[1], partials[2]]);
    expect(refused.refused.map((r) => r.error.code)).toEqual(['DECRYPTION_PROOF_FAILED']);
    expect(refused.used).toEqual([2, 3]);
    const skipped = combinePartials(pk, shape, tally, [badProof, partials[1]], new Set([1, 2]));
    expect(skipped.refused).toEqual([]);
    expect(skipped.used).toEqual([1, 2]);
    expect(skipped.result.counts).toEqual([[1, 0, 2]]);
    // Only the named teller's proofs are skipped; its form is still read.
    expect(
      combinePartials(pk, shape, tally, [badProof, partials[1], partials[2]], new Set([2])).refused,
    ).toHaveLength(1);
    const notAPoint = structuredClone(partials[0]);
    notAPoint.questions[0].entries[0].d = 'zz';
    expect(
      combinePartials(pk, shape, tally, [notAPoint, partials[1], partials[2]], new Set([1, 2]))
        .refused[0].error.code,
    ).toBe('BAD_ENCODING');
  });

  it('the server-side libsodium verifier takes a poll key of the ceremony as it is', async () => {
    const shape = ballotShape({ questions: [{ kind: 'motion' }] });
    const pk = pollKey('poll-3', key);
    const rng = deterministicRng('sodium');
    const items = [0, 2].map((c, i) => ({
      ballot: encryptBallot({ key: pk, shape, voter: `v${i}`, choices: [marks(3, c)], rng }).ballot,
      voter: `v${i}`,
    }));
    items.push({ ...items[0], voter: 'someone else' });
    const v = await chunkVerifier(pk, shape, 'sodium');
    const r = v.verify(items, 0);
    expect(r.outcomes.map((o) => (o.ok ? 'ok' : o.code))).toEqual(['ok', 'ok', 'WRONG_VOTER']);
    expect(r.tally).toEqual(verifyBallots({ key: pk, shape }, items.slice(0, 2), { rng }).tally);
  });

  it('3 of 5 works the same, and the poll key carries t', () => {
    const c = demoCeremony({ ceremonyId: 'c5', threshold: 3, tellers: 5 }, deterministicRng('5'));
    expect(verifyCeremonyTranscript(c.transcript).fingerprint).toBe(c.key.fingerprint);
    const info = verifyElectionKey(pollKey('p', c.key));
    expect(info.threshold).toBe(3);
    expect(info.shares.map((s) => s.index)).toEqual([1, 2, 3, 4, 5]);
  });

  it('is reproducible from the same randomness, and differs with other randomness', () => {
    expect(demoCeremony(P, deterministicRng('honest')).key).toEqual(key);
    expect(demoCeremony(P, deterministicRng('other')).key.fingerprint).not.toBe(key.fingerprint);
  });

  it('refuses fewer than 3 tellers and thresholds outside 2..n', () => {
    for (const bad of [
      { ...P, tellers: 2 },
      { ...P, threshold: 1 },
      { ...P, threshold: 4 },
      { ...P, ceremonyId: '' },
    ])
      expectCode(() => ceremonyRound1({ ...bad, index: 1 }), 'BAD_ENCODING');
  });
});

describe('key ceremony: cheating tellers and a meddling relay', () => {
  it('a bad share gives a complaint that upholds against the sender; finalize refuses', () => {
    const { rng, states, round1 } = round1Of(P, 'bad share');
    const round2 = states.map((s) => ceremonyRound2(s, round1, rng).message);
    round2[1] = cheatingRound2(states[1], round1, 3);
    const got = receiveShares(states[2], round1, round2, rng);
    expect(got.complaints.map((c) => [c.accuser, c.accused])).toEqual([[3, 2]]);
    expect(got.shares.map((s) => s.from)).toEqual([1]);
    expectCode(() => finalizeKey(states[2], round1, got, rng), 'CEREMONY_COMPLAINT', 2);
    const key = ceremonyKey(round1);
    const v = adjudicateComplaint(key, round2, got.complaints[0]);
    expect(v).toMatchObject({ upheld: true, guilty: 2 });
    expect(v.reason).toMatch(/commitments/);
    // Teller 1 got a good share from 2: no complaint there.
    expect(receiveShares(states[0], round1, round2, rng).complaints).toEqual([]);
    const transcript = {
      version: 2 as const,
      ...P,
      round1,
      round2,
      complaints: got.complaints,
      acks: [],
    };
    expectCode(() => verifyCeremonyTranscript(transcript), 'CEREMONY_COMPLAINT', 2);
  });

  it('a share that does not decrypt is also the sender’s fault', () => {
    const { rng, states, round1 } = round1Of(P, 'garbage share');
    const round2 = states.map((s) => ceremonyRound2(s, round1, rng).message);
    round2[0] = cheatingRound2(states[0], round1, 2, true);
    const got = receiveShares(states[1], round1, round2, rng);
    const v = adjudicateComplaint(ceremonyKey(round1), round2, got.complaints[0]);
    expect(v).toMatchObject({ upheld: true, guilty: 1 });
    expect(v.reason).toMatch(/decrypt/);
  });

  it('a false complaint (valid share) and an unproven one fall on the accuser', () => {
    const { rng, states, round1 } = round1Of(P, 'false complaint');
    const round2 = states.map((s) => ceremonyRound2(s, round1, rng).message);
    const key = ceremonyKey(round1);
    const info = verifyCeremonyKey(key);
    const e = scalarFromHex(states[2].transportSecret, 'e');
    const R = pointFromHex(round2[0].shares.find((s) => s.to === 3)!.ephemeral, 'R');
    const K = mul(R, e);
    const p = proveChaumPedersen(
      e,
      R,
      (t1, t2) => complaintChallenge(info, 3, 1, R, K, t1, t2),
      rng,
    );
    const complaint: Complaint = {
      version: 2,
      ceremonyId: P.ceremonyId,
      fingerprint: key.fingerprint,
      accuser: 3,
      accused: 1,
      sharedPoint: pointToHex(K),
      proof: { t1: pointToHex(p.t1), t2: pointToHex(p.t2), s: scalarToHex(p.s) },
    };
    const v = adjudicateComplaint(key, round2, complaint);
    expect(v).toMatchObject({ upheld: false, guilty: 3, reason: 'the share is valid' });
    // Revealing a wrong shared point (without knowing e) cannot be proven.
    const lie = { ...complaint, sharedPoint: pointToHex(mulG(7n)) };
    expect(adjudicateComplaint(key, round2, lie)).toMatchObject({ upheld: false, guilty: 3 });
  });

  it('an altered round-1 proof is refused naming the teller', () => {
    const { rng, states, round1 } = round1Of(P, 'altered proof');
    const bad = structuredClone(round1);
    bad[1].proofs[1].s = bad[1].proofs[0].s;
    expectCode(() => ceremonyRound2(states[0], bad, rng), 'TRUSTEE_PROOF_FAILED', 2);
    const gone = round1.slice(0, 2);
    expectCode(() => ceremonyRound2(states[0], gone, rng), 'MISSING_TRUSTEE', 3);
  });

  it('a relay that alters my own round-1 message, or a share in transit, is caught', () => {
    const { rng, states, round1 } = round1Of(P, 'relay');
    const other = ceremonyRound1({ ...P, index: 1 }, deterministicRng('impostor')).message;
    expectCode(
      () => ceremonyRound2(states[0], [other, round1[1], round1[2]], rng),
      'BAD_CEREMONY',
      1,
    );
    const round2 = states.map((s) => ceremonyRound2(s, round1, rng).message);
    const tampered = structuredClone(round2);
    tampered[0].shares[1].ciphertext = '00'.repeat(48);
    expectCode(() => receiveShares(states[2], round1, tampered, rng), 'BAD_SIGNATURE', 1);
    expectCode(() => receiveShares(states[2], round1, round2.slice(1), rng), 'MISSING_TRUSTEE', 1);
  });

  it('tellers shown different round-1 messages notice it in round 2', () => {
    const { rng, states, round1 } = round1Of(P, 'split view');
    // The relay shows teller 1 a substitute for teller 2 (made by the relay itself).
    const fake2 = ceremonyRound1({ ...P, index: 2 }, deterministicRng('fake 2')).message;
    const view1 = [round1[0], fake2, round1[2]];
    const round2 = [
      ceremonyRound2(states[0], view1, rng).message,
      ceremonyRound2(states[1], round1, rng).message,
      ceremonyRound2(states[2], round1, rng).message,
    ];
    const e = expectCode(() => receiveShares(states[2], round1, round2, rng), 'BAD_CEREMONY', 1);
    expect(e.detail.check).toBe('fingerprint');
  });

  it('a transcript without every acknowledgement, or with a forged one, does not verify', () => {
    const { transcript } = demoCeremony(P, deterministicRng('acks'));
    // Verified (and kept) first: the checks that follow are not answered from what was kept.
    verifyCeremonyTranscript(transcript);
    expectCode(
      () => verifyCeremonyTranscript({ ...transcript, acks: transcript.acks.slice(0, 2) }),
      'MISSING_TRUSTEE',
      3,
    );
    const forged = structuredClone(transcript);
    forged.acks[1].signature = forged.acks[0].signature;
    expectCode(() => verifyCeremonyTranscript(forged), 'BAD_SIGNATURE', 2);
  });
});
