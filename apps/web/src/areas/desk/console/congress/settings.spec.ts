import { describe, expect, it } from '@jest/globals';
import {
  overriddenKeys,
  sessionSettingsBody,
  settingsDraft,
  settingText,
  termSettingsBody,
} from './settings.js';

// docs/rules.md, "Settings": defaults ← the term's settings ← the session's settings.
describe('congress settings in the console', () => {
  it('fills what the answer lacks with the defaults of docs/rules.md', () => {
    const draft = settingsDraft({ quorum: { numerator: 3, denominator: 4 } });
    expect(draft.quorum).toEqual({ numerator: 3, denominator: 4 });
    expect(draft.majority).toEqual({ base: 'all', numerator: 1, denominator: 2 });
    expect(draft.publication).toEqual({ withinDays: 3, keepDays: 15 });
    expect(settingsDraft(null).proposalHandlingDays).toBe(20);
  });

  it('copies the api’s answer even when it is a reactive proxy', () => {
    // As Vue's reactive(): each object read from it is a proxy too.
    const answer = new Proxy({ quorum: new Proxy({ numerator: 3, denominator: 5 }, {}) }, {});
    expect(settingsDraft(answer).quorum).toEqual({ numerator: 3, denominator: 5 });
  });

  it('sends the session’s overridden rules, and null for the others so they follow the term', () => {
    const draft = settingsDraft({});
    draft.proposalHandlingDays = 15;
    const overridden = overriddenKeys({ proposalHandlingDays: 10 });
    expect(overridden.proposalHandlingDays).toBe(true);
    expect(overridden.quorum).toBe(false);
    const body = sessionSettingsBody(draft, overridden);
    expect(body.proposalHandlingDays).toBe(15);
    expect(body.quorum).toBeNull();
    // The size formula is the term's (the roster's), never a session's.
    expect('sizeFormula' in body).toBe(false);
  });

  it('sends every rule of the term', () => {
    expect(Object.keys(termSettingsBody(settingsDraft({})))).toHaveLength(8);
  });

  it('says a rule in words', () => {
    const s = settingsDraft({ majority: { base: 'present' } });
    expect(settingText('quorum', s)).toBe('出席不少于全体代表的 2/3');
    expect(settingText('majority', s)).toBe('赞成超过出席代表的 1/2');
    expect(settingText('proposalWindow', s)).toBe('会前 30 天开始，会前 1 天截止');
  });
});
