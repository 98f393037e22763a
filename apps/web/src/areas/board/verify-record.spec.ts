import { describe, expect, it } from '@jest/globals';
import {
  ballotShape,
  combineDecryptions,
  deterministicRng,
  encryptBallot,
  type ElectionRecord,
  marks,
  partialDecrypt,
  verifyBallots,
} from '@libs/ballot/src/index.js';
import { demoElection } from '@libs/ballot/src/testing.js';
import { demoRecord } from '@libs/ballot/src/testing-record.js';
import { findReceipt, verifyRecord } from './verify-record.js';

// libs/ballot's known-answer version 2 record (test-vectors/record-v2.json), and a version 1
// record made here.
const V2 = demoRecord().record;

function recordV1() {
  const rng = deterministicRng('board-verifier-spec');
  const el = demoElection('poll-board', 1, rng);
  const poll = { questions: [{ kind: 'motion' as const }] };
  const shape = ballotShape(poll);
  const made = ['a', 'b', 'c'].map((voter, i) =>
    encryptBallot({ key: el.key, shape, voter, choices: [marks(3, i === 2 ? 1 : 0)], rng }),
  );
  const ballots = made.map((m) => m.ballot);
  const { tally } = verifyBallots(
    { key: el.key, shape },
    ballots.map((ballot) => ({ ballot })),
    { rng },
  );
  const decryptions = [partialDecrypt(el.key, shape, el.secrets[0]!, tally, rng)];
  const record: ElectionRecord = {
    version: 1,
    poll,
    key: el.key,
    ballots,
    tally,
    decryptions,
    result: combineDecryptions(el.key, shape, tally, decryptions),
  };
  return { record, made };
}

describe('the board’s verifier', () => {
  it('passes a version 1 record and finds a ballot by its short code as a person types it', () => {
    const { record, made } = recordV1();
    const report = verifyRecord(record);
    expect(report).toMatchObject({ version: 1, ok: true, custodian: true });
    expect(report.checks.map((c) => c.status)).toEqual(report.checks.map(() => 'passed'));
    expect(report.checks.find((c) => c.label === '每张选票的加密证明')?.detail).toBe(
      '公告板选票 3，计入 3',
    );
    expect(report.counts).toEqual([{ labels: [], values: [2, 1, 0] }]);
    const code = made[2]!.shortCode;
    expect(findReceipt(report, code.toLowerCase().replace('-', ' '))).toMatchObject({
      position: 3,
      shortCode: code,
      counted: true,
    });
    expect(findReceipt(report, 'AAAA-AAAA')).toBeUndefined();
    expect(findReceipt(report, '  ')).toBeUndefined();
  });

  it('fails a version 1 record whose published counts were changed, saying why', () => {
    const { record } = recordV1();
    record.result.counts[0]![0] = 3;
    const report = verifyRecord(record);
    expect(report.ok).toBe(false);
    expect(report.failure).toBe('计票结果：公布的计票结果与重算不符（RESULT_MISMATCH）');
    expect(report.checks.map((c) => c.status)).toEqual([...Array(6).fill('passed'), 'failed']);
  });

  it('passes the known-answer version 2 record check by check, and finds a receipt', () => {
    const report = verifyRecord(V2);
    expect(report.ok).toBe(true);
    expect(report.version).toBe(2);
    expect(report.checks.map((c) => c.status)).toEqual(report.checks.map(() => 'passed'));
    expect(report.checks.map((c) => c.label)).toContain('选票公告板哈希链');
    // cred-a voted twice; its first ballot is superseded by the one at position 4.
    expect(findReceipt(report, 'essd zbx3')).toMatchObject({
      position: 1,
      counted: false,
      why: '已被同一凭证后来投出的选票取代（由第 4 位取代）',
    });
  });

  it('names the first failed check of a tampered version 2 record and skips the rest', () => {
    const tampered = structuredClone(V2);
    tampered.result.counts[0]![0]! += 1;
    const report = verifyRecord(tampered);
    expect(report.ok).toBe(false);
    expect(report.failure).toBe('计票结果：公布的计票结果与重算不符（RESULT_MISMATCH）');
    expect(report.checks.find((c) => c.status === 'skipped')?.detail).toBe(
      '未检查（前一项未通过）',
    );
  });

  it('verifies a ballot-slips record (version 3) check by check', async () => {
    const { readFileSync } = await import('node:fs');
    const v3 = JSON.parse(
      readFileSync(
        new URL('../../../../../libs/ballot/test-vectors/record-v3.json', import.meta.url),
        'utf8',
      ),
    );
    const report = verifyRecord(v3);
    expect(report).toMatchObject({ ok: true, version: 3 });
    expect(report.checks.find((c) => c.label === '发出的选票与投票凭证')?.detail).toContain(
      '投票凭证批次 3',
    );
  });

  it('refuses a record of an unknown version by name', () => {
    expect(verifyRecord({ version: 4 })).toMatchObject({
      ok: false,
      failure: '不支持的记录版本：4',
    });
  });
});
