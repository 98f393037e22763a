import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { entryHash, GENESIS_HASH, nextEntry, verifyChain, type ArchiveEntry } from './archive.js';
import { hashJson } from './jcs.js';

function chain(n: number): ArchiveEntry[] {
  const out: ArchiveEntry[] = [];
  for (let i = 0; i < n; i++)
    out.push(
      nextEntry(out.at(-1) ?? null, {
        kind: i === 3 ? 'correction' : 'minutes',
        title: `第 ${i + 1} 份记录`,
        contentHash: hashJson({ i }),
        createdAt: new Date(Date.UTC(2026, 0, 1 + i)).toISOString(),
        links: i === 3 ? { corrects: 2 } : {},
      }),
    );
  return out;
}

const rehash = (e: ArchiveEntry): ArchiveEntry => ({ ...e, hash: entryHash(e) });

describe('archive chain', () => {
  it('links each entry to the one before, from the genesis hash', () => {
    const c = chain(6);
    expect(c[0]!.previousHash).toBe(GENESIS_HASH);
    expect(c.slice(1).every((e, i) => e.previousHash === c[i]!.hash)).toBe(true);
    expect(verifyChain(c)).toEqual({ ok: true, checked: 6, head: c[5]!.hash, firstFailure: null });
  });

  it('verifies a segment from its anchor', () => {
    const c = chain(6);
    expect(verifyChain(c.slice(2), { anchor: c[1]!.hash }).ok).toBe(true);
    expect(verifyChain(c.slice(2), { anchor: c[0]!.hash }).firstFailure).toMatchObject({
      code: 'BROKEN_LINK',
      seq: 3,
    });
  });

  it('catches an edited entry (its own hash no longer matches)', () => {
    const c = chain(6);
    c[2] = { ...c[2]!, title: '改过的标题' };
    expect(verifyChain(c).firstFailure).toMatchObject({
      index: 2,
      seq: 3,
      code: 'ENTRY_HASH_MISMATCH',
    });
  });

  it('catches an edited entry whose hash was recomputed (the next link breaks)', () => {
    const c = chain(6);
    c[2] = rehash({ ...c[2]!, contentHash: hashJson('forged') });
    expect(verifyChain(c).firstFailure).toMatchObject({ index: 3, seq: 4, code: 'BROKEN_LINK' });
  });

  it('catches a removed entry', () => {
    const c = chain(6);
    c.splice(3, 1);
    expect(verifyChain(c).firstFailure).toMatchObject({ index: 3, seq: 5, code: 'SEQUENCE_GAP' });
  });

  it('catches a removed entry even when the later seqs were renumbered and rehashed', () => {
    const c = chain(6);
    c.splice(3, 1);
    for (let i = 3; i < c.length; i++) c[i] = rehash({ ...c[i]!, seq: i + 1, links: {} });
    expect(verifyChain(c).firstFailure).toMatchObject({ index: 3, code: 'BROKEN_LINK' });
  });

  it('catches reordered entries', () => {
    const c = chain(6);
    [c[1], c[2]] = [c[2]!, c[1]!];
    expect(verifyChain(c).firstFailure).toMatchObject({ index: 1, seq: 3, code: 'SEQUENCE_GAP' });
  });

  it('catches a rewritten or removed last entry only against the head recorded before', () => {
    const c = chain(4);
    const rewritten = [...c.slice(0, 3), rehash({ ...c[3]!, title: '改写' })];
    expect(verifyChain(rewritten).ok).toBe(true); // nothing after it to notice
    expect(verifyChain(rewritten, { head: c[3]!.hash }).firstFailure).toMatchObject({
      index: 3,
      code: 'BROKEN_LINK',
    });
    expect(verifyChain(c.slice(0, 3), { head: c[3]!.hash }).firstFailure).toMatchObject({
      index: 2,
      code: 'BROKEN_LINK',
    });
  });

  it('refuses a correction that points forward, and times going back', () => {
    const c = chain(3);
    expect(() =>
      nextEntry(c[2]!, {
        kind: 'correction',
        title: 'x',
        contentHash: hashJson(1),
        createdAt: '2026-02-01T00:00:00.000Z',
        links: {},
      }),
    ).toThrow(expect.objectContaining({ code: 'BAD_LINK' }));
    const forward = rehash({ ...c[2]!, links: { corrects: 3 } });
    expect(verifyChain([c[0]!, c[1]!, forward]).firstFailure).toMatchObject({ code: 'BAD_LINK' });
    const back = [
      ...c,
      rehash({ ...chain(4)[3]!, createdAt: '2025-01-01T00:00:00.000Z', previousHash: c[2]!.hash }),
    ];
    expect(verifyChain(back).firstFailure).toMatchObject({ index: 3, code: 'TIME_REVERSED' });
  });

  it('refuses malformed entries with a reason, never a crash', () => {
    const c = chain(2);
    for (const bad of [
      null,
      { ...c[1]!, seq: 0 },
      { ...c[1]!, hash: 'xyz' },
      { ...c[1]!, extra: 1 },
      { ...c[1]!, kind: 'memo' },
    ])
      expect(verifyChain([c[0]!, bad as ArchiveEntry]).firstFailure).toMatchObject({
        index: 1,
        code: 'BAD_ENCODING',
      });
  });

  it('property: any single edit of any field of any entry is caught at that entry or the next', () => {
    const c = chain(8);
    fc.assert(
      fc.property(
        fc.nat(7),
        fc.constantFrom('title', 'contentHash', 'createdAt', 'kind', 'seq'),
        fc.boolean(),
        (i, field, recompute) => {
          const copy = c.map((e) => ({ ...e }));
          const e = copy[i]!;
          const edited = {
            ...e,
            title: field === 'title' ? `${e.title}!` : e.title,
            contentHash: field === 'contentHash' ? hashJson('x') : e.contentHash,
            createdAt: field === 'createdAt' ? '2026-06-01T00:00:00.000Z' : e.createdAt,
            kind: field === 'kind' ? (e.kind === 'minutes' ? 'tally' : 'minutes') : e.kind,
            seq: field === 'seq' ? e.seq + 10 : e.seq,
          } as ArchiveEntry;
          copy[i] = recompute ? rehash(edited) : edited;
          const report = verifyChain(copy, { head: c.at(-1)!.hash });
          expect(report.ok).toBe(false);
          expect([i, i + 1]).toContain(report.firstFailure!.index);
        },
      ),
    );
  });
});
