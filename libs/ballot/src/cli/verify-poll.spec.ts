// The verify-poll command as a person runs it (the TypeScript source through tsx, so the test
// does not depend on a build): checks printed, the exit code, a tracker, a receipt.
import { describe, it, expect, beforeAll, afterAll } from '@jest/globals';
import { spawn, spawnSync } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const cli = fileURLToPath(new URL('./verify-poll.ts', import.meta.url));
const kat = fileURLToPath(new URL('../../test-vectors/record-v2.json', import.meta.url));
const receipts = JSON.parse(
  readFileSync(new URL('../../test-vectors/record-v2-receipts.json', import.meta.url), 'utf8'),
) as { receipts: { shortCode: string; position: number }[] };
let dir: string;

function run(...args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', cli, ...args], {
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'verify-poll-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('npm run verify-poll', () => {
  it('passes the known-answer record, prints each check and finds a tracker', () => {
    const r = run(kat, '--tracker', receipts.receipts[3].shortCode.toLowerCase());
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toContain('✓ 选票公告板哈希链');
    expect(r.out).toContain('✓ 收回的选票不多于发出的选票');
    expect(r.out).toContain('赞成 2，反对 1，弃权 1');
    expect(r.out).toContain(`公告板第 4 位，已计入`);
    expect(r.out.trim().split('\n').at(-1)).toBe('全部检查通过。');
  });

  it('checks a ballot-slips record (version 3): every slip signature, or names the failing one', () => {
    const v3 = fileURLToPath(new URL('../../test-vectors/record-v3.json', import.meta.url));
    const ok = run(v3);
    expect(ok.code).toBe(0);
    expect(ok.out).toContain('✓ 发出的选票与投票凭证  发出 6，投票凭证批次 3，凭证公钥 24');
    expect(ok.out).toContain('核验的凭证签名 12');
    const record = JSON.parse(readFileSync(v3, 'utf8'));
    const sig = record.board.entries[0].slips[1];
    sig.signature = (sig.signature.startsWith('0') ? '1' : '0') + sig.signature.slice(1);
    const file = join(dir, 'forged-slip.json');
    writeFileSync(file, JSON.stringify(record));
    const bad = run(file);
    expect(bad.code).toBe(1);
    expect(bad.out).toContain('未通过：UNISSUED_CREDENTIAL');
    expect(bad.out).toContain('BAD_SIGNATURE');
  });

  it('exits 1 naming the first failed check; a tracker not on the board fails too', () => {
    const record = JSON.parse(readFileSync(kat, 'utf8'));
    record.board.entries[2].chainHead = record.board.entries[1].chainHead;
    const file = join(dir, 'broken.json');
    writeFileSync(file, JSON.stringify(record));
    const r = run(file);
    expect(r.code).toBe(1);
    expect(r.out).toContain('✗ 选票公告板哈希链  未通过：CHAIN_MISMATCH');
    expect(r.out).toContain('· 计票结果  未检查');
    expect(r.out.trim().split('\n').at(-1)).toBe('未通过：选票公告板哈希链：CHAIN_MISMATCH');
    const missing = run(kat, '--tracker', 'AAAA-AAAA');
    expect(missing.code).toBe(1);
    expect(missing.out).toContain('不在公告板上');
  });

  it('checks a signed receipt against the record', () => {
    const all = JSON.parse(
      readFileSync(
        fileURLToPath(new URL('../../test-vectors/record-v2-receipts.json', import.meta.url)),
        'utf8',
      ),
    );
    const good = join(dir, 'receipt.json');
    writeFileSync(good, JSON.stringify(all.receipts[1]));
    expect(run(kat, '--receipt', good).out).toContain('回执：签名有效，选票在公告板第 2 位');
    const forged = join(dir, 'forged.json');
    writeFileSync(forged, JSON.stringify({ ...all.receipts[1], position: 3 }));
    const r = run(kat, '--receipt', forged);
    expect(r.code).toBe(1);
    expect(r.out).toContain('BAD_SIGNATURE');
  });

  it('reads the record from a URL', async () => {
    const server = createServer((req, res) => {
      if (req.url === '/record.json') res.end(readFileSync(kat));
      else res.writeHead(404).end();
    });
    await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const runAsync = (url: string) =>
      new Promise<{ code: number | null; out: string }>((ok) => {
        const child = spawn(process.execPath, ['--import', 'tsx', cli, url]);
        let out = '';
        child.stdout.on('data', (d: Buffer) => (out += d.toString()));
        child.on('close', (code) => ok({ code, out }));
      });
    try {
      const r = await runAsync(`${base}/record.json`);
      expect(r.code).toBe(0);
      expect(r.out).toContain('全部检查通过。');
      const gone = await runAsync(`${base}/missing.json`);
      expect(gone.code).toBe(2);
      expect(gone.out).toContain('HTTP 404');
    } finally {
      server.close();
    }
  });

  it('exits 2 on a file it cannot read, or without arguments', () => {
    expect(run(join(dir, 'nope.json')).code).toBe(2);
    const none = run();
    expect(none.code).toBe(2);
    expect(none.out).toContain('用法');
  });
});
