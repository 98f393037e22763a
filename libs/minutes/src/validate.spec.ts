import { describe, expect, it } from '@jest/globals';
import { sampleMinutes } from './testing.js';
import { validateMinutes } from './validate.js';
import type { MinutesDocument } from './model.js';

const { document } = sampleMinutes();
const broken = (edit: (d: MinutesDocument) => void) => {
  const d = structuredClone(document);
  edit(d);
  return validateMinutes(d);
};

describe('validateMinutes', () => {
  it('accepts the sample', () => {
    expect(validateMinutes(document)).toEqual([]);
  });

  it('refuses what is not a document', () => {
    expect(validateMinutes(null)).toEqual([{ field: '$', message: '应为对象' }]);
    expect(validateMinutes({}).length).toBeGreaterThan(10);
  });

  it.each<[string, (d: MinutesDocument) => void, string, string]>([
    [
      'attendance that does not add up',
      (d) => (d.attendance.present = 8),
      'attendance',
      '应等于代表总数',
    ],
    [
      'a quorum flag against the numbers',
      (d) => (d.attendance.quorum.met = false),
      'attendance.quorum.met',
      '不符',
    ],
    ['a local time', (d) => (d.session.startsAt = '2026-03-20 09:30'), 'session.startsAt', 'UTC'],
    ['an empty place', (d) => (d.session.place = ' '), 'session.place', '不能为空'],
    [
      'counts that do not add up to the ballots cast',
      (d) => (d.agenda[1]!.tallies[0]!.cast = 6),
      'agenda[1].tallies[0].counts',
      '收回票数',
    ],
    [
      'a custodian poll without the warning',
      (d) => (d.agenda[3]!.tallies[0]!.method.custodianWarning = null),
      'agenda[3].tallies[0].method.custodianWarning',
      '不对运维方保密',
    ],
    [
      'a secret poll without key fingerprint',
      (d) => (d.agenda[1]!.tallies[0]!.method.keyFingerprint = null),
      'agenda[1].tallies[0].method.keyFingerprint',
      '密钥指纹',
    ],
    [
      'a vote on a report',
      (d) => d.agenda[0]!.tallies.push(d.agenda[1]!.tallies[0]!),
      'agenda[0].tallies',
      '不表决',
    ],
    [
      'agenda positions out of order',
      (d) => (d.agenda[2]!.position = 7),
      'agenda[2].position',
      '应为 3',
    ],
    [
      'a resolution of an unknown item',
      (d) => (d.resolutions[0]!.itemId = 'item-9'),
      'resolutions[0].itemId',
      '不存在',
    ],
    ['two chief tellers', (d) => (d.tellers[1]!.chief = true), 'tellers', '只能有一名'],
    [
      'an evaluation row of the wrong length',
      (d) => {
        const c = d.agenda[3]!.tallies[0]!.counts;
        if (c.kind === 'evaluation') c.persons[0]!.counts.push(1);
      },
      'agenda[3].tallies[0].counts.persons[0].counts',
      '3 个等次',
    ],
    [
      'negative counts',
      (d) => {
        const c = d.agenda[1]!.tallies[0]!.counts;
        if (c.kind === 'motion') c.against = -1;
      },
      'agenda[1].tallies[0].counts.against',
      '非负整数',
    ],
    [
      'a motion without passed',
      (d) => (d.agenda[1]!.tallies[0]!.passed = null),
      'agenda[1].tallies[0].passed',
      '是否通过',
    ],
    ['an unknown field', (d) => Object.assign(d, { extra: 1 }), 'extra', '未知字段'],
    [
      'more receipts than recipients',
      (d) => (d.circulation[0]!.receipts = 11),
      'circulation[0].receipts',
      '不能多于',
    ],
  ])('names %s', (_, edit, field, message) => {
    const errors = broken(edit);
    expect(errors).toContainEqual({ field, message: expect.stringContaining(message) });
  });
});
