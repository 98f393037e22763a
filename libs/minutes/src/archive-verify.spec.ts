import { describe, expect, it } from '@jest/globals';
import { entryHash, nextEntry, type ArchiveEntry } from './archive.js';
import { verifyArchive, type ArchiveExport, type ArchiveRecord } from './archive-verify.js';
import { archivedFile, type OpennessRecordsContent } from './archived-file.js';
import { utf8 } from './bytes.js';
import { generateSigningKey } from './custody.js';
import { canonicalJson, hashJson } from './jcs.js';
import { signMinutes } from './signatures.js';
import { seededRng, signedSample } from './testing.js';

const sample = signedSample();

/** The sample's chain with its contents: a publication, the minutes, three election records. */
function archive(): ArchiveExport {
  const s = structuredClone(sample);
  const contents = new Map<number, string>([
    [1, canonicalJson({ publication: 1 })],
    [2, canonicalJson(s.document)],
  ]);
  s.electionRecords.forEach((r, i) => contents.set(3 + i, JSON.stringify(r)));
  return {
    format: 'congress-archive',
    version: 1,
    exportedAt: '2026-04-01T00:00:00.000Z',
    entries: s.chain.map((entry): ArchiveRecord => ({
      entry,
      content: contents.get(entry.seq)!,
      signatures: entry.kind === 'minutes' ? s.signatures : null,
    })),
  };
}

const rehash = (e: ArchiveEntry) => ({ ...e, hash: entryHash(e) });

describe('verifyArchive', () => {
  it('verifies a whole archive: chain, contents, signatures, election records, links', () => {
    const report = verifyArchive(archive());
    expect(report.firstFailure).toBeNull();
    expect(report.ok).toBe(true);
    expect(report.entries).toBe(5);
    expect(report.head).toEqual({ seq: 5, hash: sample.chain[4]!.hash });
    for (const p of Object.values(report.properties)) expect(p.ok).toBe(true);
    expect(report.properties.security.notes.join()).toContain('不对运维方保密');
    expect(verifyArchive(archive(), { head: sample.chain[4]!.hash }).ok).toBe(true);
  });

  it('names the entry whose content was changed by one byte', () => {
    const a = archive();
    a.entries[1]!.content = a.entries[1]!.content!.replace('"present":7', '"present":8');
    const report = verifyArchive(a);
    expect(report.ok).toBe(false);
    expect(report.firstFailure).toMatchObject({ code: 'ENTRY_HASH_MISMATCH', seq: 2 });
    expect(report.properties.integrity.ok).toBe(false);
  });

  it('names an edited entry, and the next one when the edit was re-hashed', () => {
    const a = archive();
    a.entries[0]!.entry.title = '改过的标题';
    expect(verifyArchive(a).firstFailure).toMatchObject({ code: 'ENTRY_HASH_MISMATCH', seq: 1 });
    a.entries[0]!.entry = rehash(a.entries[0]!.entry);
    expect(verifyArchive(a).firstFailure).toMatchObject({ code: 'BROKEN_LINK', seq: 2 });
  });

  it('catches a rewritten last entry only against the head recorded before', () => {
    const a = archive();
    const last = a.entries[4]!;
    last.entry = rehash({ ...last.entry, title: '另一份' });
    expect(verifyArchive(a).ok).toBe(true);
    expect(verifyArchive(a, { head: sample.chain[4]!.hash }).firstFailure).toMatchObject({
      code: 'BROKEN_LINK',
    });
  });

  it('refuses missing and forged signatures', () => {
    const a = archive();
    a.entries[1]!.signatures = a.entries[1]!.signatures!.filter((s) => s.role !== 'chair');
    expect(verifyArchive(a).firstFailure).toMatchObject({ code: 'MISSING_SIGNATURE', seq: 2 });
    const b = archive();
    const other = generateSigningKey('ed25519', seededRng('someone else'));
    const forged = signMinutes(other, sample.document, 'chair', '李明', '2026-03-21T03:00:00.000Z');
    const sigs = b.entries[1]!.signatures!;
    sigs[sigs.length - 1] = { ...forged, publicKey: sigs.at(-1)!.publicKey };
    expect(verifyArchive(b).firstFailure?.code).toMatch(/BAD_ENCODING|FINGERPRINT_MISMATCH/);
  });

  it('checks each election record against the tally of its minutes, and that none is missing', () => {
    const a = archive();
    const rec = JSON.parse(a.entries[2]!.content!);
    rec.record.result.counts[0][0] += 1;
    a.entries[2]!.content = JSON.stringify(rec);
    a.entries[2]!.entry = rehash({ ...a.entries[2]!.entry, contentHash: hashJson(rec) });
    // The re-hashed entry breaks the link to the next one first; keep only up to it.
    a.entries = a.entries.slice(0, 3);
    expect(verifyArchive(a).firstFailure).toMatchObject({
      code: 'ELECTION_RECORD_FAILED',
      seq: 3,
    });
    const b = archive();
    b.entries = b.entries.slice(0, 2);
    expect(verifyArchive(b).firstFailure).toMatchObject({ code: 'MISSING_FILE', seq: 2 });
  });

  it('checks that a correction names the entry it corrects', () => {
    const a = archive();
    const e = nextEntry(a.entries.at(-1)!.entry, {
      kind: 'correction',
      title: '更正',
      contentHash: a.entries[1]!.entry.contentHash,
      createdAt: '2026-03-22T00:00:00.000Z',
      links: { corrects: 2 },
    });
    a.entries.push({ entry: e, content: a.entries[1]!.content, signatures: sample.signatures });
    // The document says it corrects nothing: the link and the content disagree.
    expect(verifyArchive(a).firstFailure).toMatchObject({ code: 'BAD_LINK', seq: 6 });
  });

  it("reads back a year's 厂务公开记录表 kept as a file, and names one whose bytes do not match", () => {
    const withFile = (content: OpennessRecordsContent) => {
      const a = archive();
      const entry = nextEntry(a.entries.at(-1)!.entry, {
        kind: 'openness_records',
        title: '2026 年度厂务公开记录表',
        contentHash: hashJson(content),
        createdAt: '2026-12-31T08:00:00.000Z',
      });
      a.entries.push({ entry, content: canonicalJson(content), signatures: null });
      return a;
    };
    const file = archivedFile('厂务公开记录表-2026.pdf', 'application/pdf', utf8('%PDF-1.7 …'));
    const content: OpennessRecordsContent = {
      format: 'openness-records',
      version: 1,
      year: 2026,
      items: 1,
      recordsSha256: 'ab'.repeat(32),
      file,
    };
    expect(verifyArchive(withFile(content)).firstFailure).toBeNull();
    // The content hash covers the JSON; the file's own SHA-256 covers the bytes inside it.
    const swapped = { ...content, file: { ...file, base64: file.base64.replace('JV', 'JW') } };
    expect(verifyArchive(withFile(swapped)).firstFailure).toMatchObject({
      code: 'FILE_HASH_MISMATCH',
      seq: 6,
    });
    const notPdf = archivedFile('x.pdf', 'application/pdf', utf8('plain text'));
    expect(verifyArchive(withFile({ ...content, file: notPdf })).firstFailure).toMatchObject({
      code: 'PDF_MISMATCH',
      seq: 6,
    });
  });

  it('finds a secret where only public data may be, and refuses what is not an export', () => {
    const a = archive();
    const leaked = { publication: 1, privateKey: 'ab'.repeat(32) };
    a.entries[0]!.content = canonicalJson(leaked);
    a.entries = [
      {
        ...a.entries[0]!,
        entry: nextEntry(null, { ...a.entries[0]!.entry, contentHash: hashJson(leaked) }),
      },
    ];
    expect(verifyArchive(a).firstFailure).toMatchObject({ code: 'SECRET_LEAKED', seq: 1 });
    const bad = verifyArchive({ format: 'zip' });
    expect(bad.ok).toBe(false);
    expect(bad.firstFailure?.code).toBe('BAD_BUNDLE');
    expect(bad.properties.authenticity.ok).toBe(false);
  });
});
