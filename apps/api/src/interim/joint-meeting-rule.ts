import { AgendaItemKind } from '../agenda/index.js';

/**
 * What a joint meeting (联席会议) of the group heads and the special committees' heads may
 * handle between sessions (docs/rules.md, "Between sessions"). 企业民主管理规定 (2012) and the
 * provincial 职代会条例 keep some powers for the full congress: electing and recalling
 * (选举/罢免), the democratic evaluation of leaders (民主评议), and approving plans that touch
 * employees' vital interests or the collective contract (审议通过). The app's choice: items of
 * those kinds are refused at a joint meeting; reports and deliberations are allowed as they
 * are; a decision is allowed but stands only until the next session confirms it
 * (须提请下次职代会确认).
 */
export const RESERVED_FOR_CONGRESS: ReadonlySet<AgendaItemKind> = new Set([
  AgendaItemKind.Elect,
  AgendaItemKind.Evaluate,
  AgendaItemKind.Approve,
]);

export type JointMeetingVerdict =
  { allowed: false } | { allowed: true; needsConfirmation: boolean };

export function jointMeetingMay(kind: AgendaItemKind): JointMeetingVerdict {
  if (RESERVED_FOR_CONGRESS.has(kind)) return { allowed: false };
  return { allowed: true, needsConfirmation: kind === AgendaItemKind.Decide };
}
