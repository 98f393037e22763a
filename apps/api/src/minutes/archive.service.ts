import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { type EntityManager, Repository } from 'typeorm';
import { Clock } from '../common/clock.js';
import {
  ARCHIVE_EXPORT_FORMAT,
  canonicalJson,
  nextEntry,
  verifyArchive,
  type ArchiveEntry,
  type ArchiveExport,
  type ArchiveKind,
  type ArchiveLinks,
  type ArchiveRecord,
  type MinutesSignature,
} from '../common/minutes.js';
import { ArchiveEntryRow } from './archive-entry.entity.js';

/** The rule every archive answer states (records on employees' rights are kept permanently). */
export const RETENTION_RULE =
  '永久保存：职代会会议记录、选举和表决记录涉及职工权益，按国家档案局令第10号永久保存；' +
  '归档后不得修改或删除（数据库拒绝修改、删除和清空），更正以新的档案条目登记并链接到被更正的条目。';

export interface NewArchiveEntry {
  kind: ArchiveKind;
  title: string;
  contentHash: string;
  links?: ArchiveLinks;
  /** The archived content as text (canonical JSON, or an election record as libs/ballot writes it). */
  content: string;
  signatures: MinutesSignature[] | null;
}

// One chain for the whole installation: appends are serialised by this transaction-level lock.
const ARCHIVE_LOCK = 0x6172_6368; // "arch"

export const toEntry = (r: ArchiveEntryRow): ArchiveEntry => ({
  version: 1,
  seq: Number(r.seq),
  kind: r.kind,
  title: r.title,
  contentHash: r.contentHash,
  previousHash: r.previousHash,
  createdAt: r.createdAt.toISOString(),
  links: r.links,
  hash: r.hash,
});

const toRecord = (r: ArchiveEntryRow): ArchiveRecord => ({
  entry: toEntry(r),
  content: r.content,
  signatures: r.signatures === null ? null : (JSON.parse(r.signatures) as MinutesSignature[]),
});

/** The append-only archive: a hash chain in archive_entries (libs/minutes archive.ts). */
@Injectable()
export class ArchiveService {
  constructor(
    @InjectRepository(ArchiveEntryRow) private readonly rows: Repository<ArchiveEntryRow>,
    private readonly clock: Clock,
  ) {}

  /** Appends entries at the head, in order, inside the caller's transaction. */
  async append(m: EntityManager, items: NewArchiveEntry[]): Promise<ArchiveEntry[]> {
    await m.query('SELECT pg_advisory_xact_lock($1)', [ARCHIVE_LOCK]);
    const last = await m.findOne(ArchiveEntryRow, { where: {}, order: { seq: 'DESC' } });
    let head = last ? toEntry(last) : null;
    const appended: ArchiveEntry[] = [];
    for (const item of items) {
      // Times never go back along the chain, whatever the clock says.
      const now = this.clock.now();
      const at =
        head && Date.parse(head.createdAt) > now.getTime() ? head.createdAt : now.toISOString();
      const entry = nextEntry(head, { ...item, createdAt: at });
      await m.insert(ArchiveEntryRow, {
        seq: String(entry.seq),
        kind: entry.kind,
        title: entry.title,
        contentHash: entry.contentHash,
        previousHash: entry.previousHash,
        createdAt: new Date(entry.createdAt),
        links: entry.links,
        hash: entry.hash,
        content: item.content,
        signatures: item.signatures ? canonicalJson(item.signatures) : null,
      });
      appended.push(entry);
      head = entry;
    }
    return appended;
  }

  /**
   * Appends a new version of a record kept as a line of its own (a year's 厂务公开记录表), in one
   * transaction under the chain's lock: nothing when the newest entry of the line (`sameLine`)
   * already holds the same thing (`unchanged`), else the entry, linked to that one as the entry
   * it corrects. An archived entry is never edited.
   */
  async appendVersion(
    item: NewArchiveEntry,
    sameLine: (content: unknown) => boolean,
    unchanged: (content: unknown) => boolean,
  ): Promise<{ entry: ArchiveEntry; appended: boolean }> {
    return this.rows.manager.transaction(async (m) => {
      await m.query('SELECT pg_advisory_xact_lock($1)', [ARCHIVE_LOCK]);
      const rows = await m.find(ArchiveEntryRow, {
        where: { kind: item.kind },
        order: { seq: 'DESC' },
      });
      const previous = rows.find((r) => r.content !== null && sameLine(JSON.parse(r.content)));
      if (previous && unchanged(JSON.parse(previous.content!)))
        return { entry: toEntry(previous), appended: false };
      const links = previous ? { corrects: Number(previous.seq) } : {};
      const [entry] = await this.append(m, [{ ...item, links }]);
      return { entry: entry!, appended: true };
    });
  }

  async list(): Promise<ArchiveEntry[]> {
    return (await this.rows.find({ order: { seq: 'ASC' } })).map(toEntry);
  }

  /** Entries `from`..`to` (seq, inclusive): the segment an export bundle carries. */
  async segment(from: number, to: number): Promise<ArchiveEntry[]> {
    return (
      await this.rows
        .createQueryBuilder('e')
        .where('e.seq BETWEEN :from AND :to', { from, to })
        .orderBy('e.seq', 'ASC')
        .getMany()
    ).map(toEntry);
  }

  /** Election records archived as part of the minutes at `seq`. */
  async partsOf(seq: number): Promise<ArchiveRecord[]> {
    const rows = await this.rows
      .createQueryBuilder('e')
      .where(`(e.links->>'partOf')::bigint = :seq`, { seq })
      .orderBy('e.seq', 'ASC')
      .getMany();
    return rows.map(toRecord);
  }

  /** The whole archive with its contents, as `npm run verify-archive` reads it. */
  async export(): Promise<ArchiveExport> {
    const rows = await this.rows.find({ order: { seq: 'ASC' } });
    return {
      format: ARCHIVE_EXPORT_FORMAT,
      version: 1,
      exportedAt: this.clock.now().toISOString(),
      entries: rows.map(toRecord),
    };
  }

  /** The chain's head and the whole archive verified now, with the four properties. */
  async status() {
    const report = verifyArchive(await this.export());
    return { retention: RETENTION_RULE, report };
  }
}
