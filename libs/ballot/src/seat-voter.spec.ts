import { createHash } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import { seatVoter } from './seat-voter.js';

const poll = '6b8c5709-aee5-44ce-9056-3ea29f37c86d';
const seat = '0f4b2b0e-2f47-4c1e-9a43-1b8e2f7c9d10';

describe("a seat's voter credential", () => {
  it('is the first 16 bytes of SHA-256 of the tagged poll and seat (fixed answer)', () => {
    const expected = createHash('sha256')
      .update(`congress-voter-v1|${poll}|${seat}`)
      .digest('hex')
      .slice(0, 32);
    expect(seatVoter(poll, seat)).toBe(expected);
    // Written out, as the api has issued it since the first release (its ballots carry it).
    expect(seatVoter(poll, seat)).toBe('e3eeb7c4f1b8eb2b168569f27e5b6428');
  });

  it('differs from poll to poll and from seat to seat', () => {
    const other = '1f4b2b0e-2f47-4c1e-9a43-1b8e2f7c9d10';
    expect(seatVoter(poll, other)).not.toBe(seatVoter(poll, seat));
    expect(seatVoter(other, seat)).not.toBe(seatVoter(poll, seat));
  });
});
