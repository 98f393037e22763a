import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import type { PollView } from '../common/contracts.js';
import { Poll, PollStatus } from './poll.entity.js';
import { pollView } from './poll-view.js';

/** A poll's view as a tablet sees it (a held result hidden), with what `poll:state` sorts on. */
export interface KeptView {
  readonly view: PollView;
  readonly open: boolean;
  readonly decided: boolean;
  readonly withSlips: boolean;
}

// The polls of a few sessions: a view is a few KB.
const KEEP = 256;

/**
 * A session's poll views for `poll:state`, kept per version of the poll's row. When the hall's
 * Wi-Fi comes back, 2,000 tablets ask at once: each request read and built every poll of the
 * session again, garbage that (with the rest) set off a major collection in the first second of
 * the next casting (bench/README.md). The version is the row's `xmin`, which every
 * UPDATE changes: one query of ids and versions, then the full rows of the polls that changed only.
 * A view is labelled with the version read before its row, so it is never older than its label
 * (a newer row under an older label is only read again).
 */
@Injectable()
export class PollViews {
  private readonly kept = new Map<string, KeptView & { version: string }>();

  constructor(@InjectRepository(Poll) private readonly polls: Repository<Poll>) {}

  /** The session's polls in the order they opened. */
  async ofSession(sessionId: string): Promise<KeptView[]> {
    const rows: { id: string; version: string }[] = await this.polls.query(
      `SELECT id, xmin::text AS version FROM polls WHERE session_id = $1 ORDER BY opened_at, id`,
      [sessionId],
    );
    const stale = rows.filter((r) => this.kept.get(r.id)?.version !== r.version);
    // What this call read answers it even if keeping it pushed another of its polls out.
    const read = new Map<string, KeptView>();
    if (stale.length > 0) {
      const versions = new Map(stale.map((r) => [r.id, r.version]));
      for (const p of await this.polls.findBy({ id: In([...versions.keys()]) }))
        read.set(p.id, this.keep(p, versions.get(p.id)!));
    }
    // A poll deleted between the two queries (never: polls are kept) would simply be left out.
    return rows.flatMap((r) => read.get(r.id) ?? this.kept.get(r.id) ?? []);
  }

  private keep(p: Poll, version: string): KeptView {
    const kept = {
      version,
      view: Object.freeze(pollView(p)),
      open: p.status === PollStatus.Open,
      decided: p.result !== null,
      withSlips: p.withSlips,
    };
    this.kept.delete(p.id); // re-inserted last: the Map's order is the eviction order
    this.kept.set(p.id, kept);
    if (this.kept.size > KEEP) this.kept.delete(this.kept.keys().next().value!);
    return kept;
  }
}
