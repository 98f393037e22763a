// The export bundle: it verifies (in this process and in a fresh Node process with nothing but
// the bundle file), and each kind of tampering fails with the check that names it.
import { beforeAll, describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { entryHash, type ArchiveEntry } from './archive.js';
import { buildBundle, verifyBundle, type BundleInput, type Manifest } from './bundle.js';
import { canonicalBytes, sha256Hex } from './jcs.js';
import { signMinutes } from './signatures.js';
import { seededRng, signedSample } from './testing.js';
import { generateSigningKey } from './custody.js';
import { renderMinutesPdf } from './node/pdf.js';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../../..');
const sample = signedSample();
let input: BundleInput;
let good: Uint8Array;

beforeAll(async () => {
  input = {
    document: sample.document,
    pdf: await renderMinutesPdf(sample.document, sample.signatures),
    signatures: sample.signatures,
    keys: sample.signerKeys,
    electionRecords: sample.electionRecords,
    chain: sample.chain,
    createdAt: '2026-03-21T04:00:00.000Z',
  };
  good = buildBundle(input);
}, 120_000);

/** Rewrites files of a bundle; `manifest: true` also updates the manifest's hashes (a careful forger). */
function tamper(
  bytes: Uint8Array,
  edit: (files: Record<string, Uint8Array>) => void,
  manifest = false,
): Uint8Array {
  const files: Record<string, Uint8Array> = unzipSync(bytes);
  edit(files);
  if (manifest) {
    const m = JSON.parse(new TextDecoder().decode(files['manifest.json'])) as Manifest;
    m.files = m.files
      .filter((f) => files[f.path])
      .map((f) => ({ ...f, sha256: sha256Hex(files[f.path]!), size: files[f.path]!.length }));
    files['manifest.json'] = canonicalBytes(m);
  }
  return zipSync(files);
}
const json = (b: Uint8Array) => JSON.parse(new TextDecoder().decode(b));

describe('verifyBundle', () => {
  it('verifies a good bundle and reports the four properties with what was checked', () => {
    const report = verifyBundle(good);
    expect(report.firstFailure).toBeNull();
    expect(report.ok).toBe(true);
    expect(Object.values(report.properties).map((p) => [p.label, p.ok])).toEqual([
      ['真实性', true],
      ['完整性', true],
      ['可用性', true],
      ['安全性', true],
    ]);
    for (const p of Object.values(report.properties)) expect(p.checked.length).toBeGreaterThan(0);
    expect(report.properties.security.notes.join('')).toContain('不对运维方保密');
    expect(report.document).toMatchObject({ reference: '第五届职代会〔2026〕2号' });
    expect(Object.keys(unzipSync(good)).sort()).toEqual([
      'archive/chain.json',
      'election-records/poll-election.json',
      'election-records/poll-evaluation.json',
      'election-records/poll-motion.json',
      'keys.json',
      'manifest.json',
      'minutes.json',
      'minutes.pdf',
      'signatures.json',
    ]);
  });

  it('is deterministic for the same input', () => {
    expect(sha256Hex(buildBundle(input))).toBe(sha256Hex(good));
  });

  it.each<[string, () => Uint8Array, string, string]>([
    [
      'a changed byte of the minutes (manifest left alone)',
      () =>
        tamper(
          good,
          (f) =>
            (f['minutes.json'] = strToU8(
              new TextDecoder().decode(f['minutes.json']).replace('病假', '事假'),
            )),
        ),
      'FILE_HASH_MISMATCH',
      'integrity',
    ],
    [
      'changed minutes with a recomputed manifest: the signatures no longer hold',
      () =>
        tamper(
          good,
          (f) =>
            (f['minutes.json'] = strToU8(
              new TextDecoder().decode(f['minutes.json']).replace('病假', '事假'),
            )),
          true,
        ),
      'FILE_HASH_MISMATCH', // manifest.documentHash still names the signed document
      'integrity',
    ],
    [
      'a removed chair signature',
      () =>
        tamper(
          good,
          (f) =>
            (f['signatures.json'] = canonicalBytes(
              json(f['signatures.json']).filter((s: { role: string }) => s.role !== 'chair'),
            )),
          true,
        ),
      'MISSING_SIGNATURE',
      'authenticity',
    ],
    [
      'a signature by a key not registered (a forger signing as the secretary)',
      () =>
        tamper(
          good,
          (f) => {
            const forger = generateSigningKey('ed25519', seededRng('forger'));
            const sigs = json(f['signatures.json']);
            sigs[sigs.length - 2] = signMinutes(
              forger,
              sample.document,
              'secretary',
              '王芳',
              '2026-03-21T02:10:00.000Z',
            );
            f['signatures.json'] = canonicalBytes(sigs);
          },
          true,
        ),
      'FINGERPRINT_MISMATCH',
      'authenticity',
    ],
    [
      'an election record whose result was changed',
      () =>
        tamper(
          good,
          (f) => {
            const r = json(f['election-records/poll-motion.json']);
            r.record.result.counts[0][0] += 1;
            f['election-records/poll-motion.json'] = strToU8(JSON.stringify(r));
          },
          true,
        ),
      'ELECTION_RECORD_FAILED',
      'authenticity',
    ],
    [
      'a removed archive entry',
      () =>
        tamper(
          good,
          (f) =>
            (f['archive/chain.json'] = canonicalBytes(
              json(f['archive/chain.json']).filter((e: ArchiveEntry) => e.seq !== 3),
            )),
          true,
        ),
      'SEQUENCE_GAP',
      'integrity',
    ],
    [
      'an edited archive entry',
      () =>
        tamper(
          good,
          (f) => {
            const chain = json(f['archive/chain.json']) as ArchiveEntry[];
            chain[0] = { ...chain[0]!, title: '改过' };
            chain[0] = { ...chain[0], hash: entryHash(chain[0]) };
            f['archive/chain.json'] = canonicalBytes(chain);
          },
          true,
        ),
      'BROKEN_LINK',
      'integrity',
    ],
    [
      'a PDF whose minutes.json is not marked as its source (PDF/A-3 AFRelationship)',
      () =>
        tamper(
          good,
          (f) => {
            const pdf = Buffer.from(f['minutes.pdf']!)
              .toString('latin1')
              .replace('/AFRelationship /Source', '/AFRelationship /Sourcf');
            f['minutes.pdf'] = new Uint8Array(Buffer.from(pdf, 'latin1'));
          },
          true,
        ),
      'PDF_MISMATCH',
      'usability',
    ],
    [
      'a private key left in the bundle',
      () =>
        tamper(
          good,
          (f) => {
            const keys = json(f['keys.json']);
            keys[0].privateKey = 'aa'.repeat(32);
            f['keys.json'] = canonicalBytes(keys);
          },
          true,
        ),
      'SECRET_LEAKED',
      'security',
    ],
    [
      'a file outside the bundle',
      () => tamper(good, (f) => (f['../evil.json'] = strToU8('{}'))),
      'BAD_BUNDLE',
      'security',
    ],
    ['not a zip at all', () => strToU8('%PDF-1.7 not a zip'), 'BAD_BUNDLE', 'security'],
  ])('fails for %s', (_, make, code, property) => {
    const report = verifyBundle(make());
    expect(report.ok).toBe(false);
    expect(report.firstFailure?.code).toBe(code);
    expect(report.properties[property as keyof typeof report.properties].ok).toBe(false);
  });

  it('a PDF whose embedded minutes differ is caught even with a consistent manifest', () => {
    const bad = tamper(
      good,
      (f) => {
        const pdf = Buffer.from(f['minutes.pdf']!);
        const text = pdf.toString('latin1');
        const at = text.indexOf('/Type /EmbeddedFile');
        const streamAt = text.indexOf('stream', at) + 'stream\n'.length;
        pdf[streamAt + 20]! ^= 0xff; // corrupt the compressed JSON
        f['minutes.pdf'] = new Uint8Array(pdf);
      },
      true,
    );
    expect(verifyBundle(bad).firstFailure?.code).toBe('PDF_MISMATCH');
  });
});

describe('verify-bundle in a fresh process', () => {
  const dir = mkdtempSync(join(tmpdir(), 'minutes-bundle-'));
  const run = (file: string) =>
    spawnSync(
      process.execPath,
      ['--import', 'tsx', join(root, 'libs/minutes/src/cli/verify-bundle.ts'), file],
      {
        cwd: root,
        encoding: 'utf8',
        env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '' }, // no database, nothing else
        timeout: 120_000,
      },
    );

  it('verifies the good bundle (exit 0) and names the first failure of a tampered one (exit 1)', () => {
    writeFileSync(join(dir, 'good.zip'), good);
    const ok = run(join(dir, 'good.zip'));
    expect(ok.stderr).toBe('');
    expect(ok.status).toBe(0);
    for (const p of ['✓ 真实性', '✓ 完整性', '✓ 可用性', '✓ 安全性', '验证通过'])
      expect(ok.stdout).toContain(p);

    const bad = tamper(
      good,
      (f) => (f['signatures.json'] = canonicalBytes(json(f['signatures.json']).slice(0, -1))),
      true,
    );
    writeFileSync(join(dir, 'bad.zip'), bad);
    const failed = run(join(dir, 'bad.zip'));
    expect(failed.status).toBe(1);
    expect(failed.stdout).toContain('✗ 真实性');
    expect(failed.stdout).toContain('验证未通过：MISSING_SIGNATURE');
    expect(failed.stdout).toContain('缺少会议主持人（执行主席）对会议记录的签名');

    expect(run(join(dir, 'missing.zip')).status).toBe(2);
  }, 180_000);
});
