import { describe, expect, it } from '@jest/globals';
import { AgendaItemKind } from '../agenda/index.js';
import { jointMeetingMay, RESERVED_FOR_CONGRESS } from './joint-meeting-rule.js';

// 企业民主管理规定 (2012) and the provincial 职代会条例: electing/recalling, democratic evaluation
// and approving what touches employees' vital interests belong to the full congress.
describe('what a joint meeting (联席会议) may handle', () => {
  it.each([AgendaItemKind.Elect, AgendaItemKind.Evaluate, AgendaItemKind.Approve])(
    'refuses %s: reserved for the full congress',
    (kind) => {
      expect(jointMeetingMay(kind)).toEqual({ allowed: false });
    },
  );

  it('allows a report and a deliberation as they are', () => {
    expect(jointMeetingMay(AgendaItemKind.Report)).toEqual({
      allowed: true,
      needsConfirmation: false,
    });
    expect(jointMeetingMay(AgendaItemKind.Deliberate)).toEqual({
      allowed: true,
      needsConfirmation: false,
    });
  });

  it('allows a decision, to be confirmed by the next session', () => {
    expect(jointMeetingMay(AgendaItemKind.Decide)).toEqual({
      allowed: true,
      needsConfirmation: true,
    });
  });

  it('covers every kind: reserved or allowed, never both', () => {
    for (const kind of Object.values(AgendaItemKind))
      expect(jointMeetingMay(kind).allowed).toBe(!RESERVED_FOR_CONGRESS.has(kind));
  });
});
