import { createHash } from 'node:crypto';
import { canonicalJson } from '../common/canonical-json.js';
import type { AgendaItemKind } from './agenda.enums.js';
import type { VoteSpec } from './vote-spec.js';

export interface SnapshotDocument {
  id: string;
  filename: string;
  contentType: string;
  size: number;
  sha256: string;
}

export interface SnapshotItem {
  id: string;
  position: number;
  kind: AgendaItemKind;
  title: string;
  description: string;
  presenter: string | null;
  voteSpec: VoteSpec | null;
  proposalIds: string[];
  documents: SnapshotDocument[];
  /** SHA-256 of this item's canonical form (what "changed" compares). */
  contentHash: string;
  /** True when the item is new or differs from the previous version. */
  changed: boolean;
  /** When its current content was first circulated (the item's 7-day clock). */
  circulatedAt: string;
}

export interface AgendaSnapshot {
  sessionId: string;
  number: number;
  items: SnapshotItem[];
}

export const sha256Hex = (text: string | Buffer) => createHash('sha256').update(text).digest('hex');

type ItemContent = Omit<SnapshotItem, 'contentHash' | 'changed' | 'circulatedAt'>;

/** The hash of an item's content: text, vote, carried proposals and its documents' hashes. */
export function itemContentHash(item: ItemContent): string {
  const { position: _position, ...content } = item;
  return sha256Hex(
    canonicalJson({ ...content, documents: content.documents.map((d) => [d.filename, d.sha256]) }),
  );
}

/** The version hash: over the session, the number and every item's content hash in order. */
export function versionHash(sessionId: string, number: number, items: SnapshotItem[]): string {
  return sha256Hex(
    canonicalJson({
      sessionId,
      number,
      items: items.map((i) => [i.position, i.id, i.contentHash]),
    }),
  );
}
