import { marks } from '../../libs/ballot/src/index.js';
import { bearer, type Api } from '../utils/actors.js';
import { castSecret } from '../utils/ballots.js';
import { liveSession } from '../utils/live-session.js';
import { connected, type TabletSocket, type TestApp } from '../utils/test-app.js';

export const RATED_WORK = '本年度厂务公开工作';
export const RATING_TITLE = '厂务公开工作满意度测评';

/**
 * 满意度测评 as the product runs it: a session with an `evaluate` item whose one subject is
 * 本年度厂务公开工作 on the satisfaction scale, one secret ballot per delegate on the tablets
 * (`grades`: 0 满意, 1 基本满意, 2 不满意), closed with its result released at once; and a
 * motion (程序事项) closed with no votes, a poll that is not a rating.
 */
export async function ratingPolls(
  t: Api & { socket(token: string): TabletSocket; app?: TestApp['app'] },
  staff: string,
  grades: number[],
): Promise<{ ratingPoll: string; motionPoll: string }> {
  const live = await liveSession(t, staff, grades.length, grades.length, [
    {
      kind: 'evaluate',
      title: RATING_TITLE,
      vote: { scale: 'satisfaction', persons: [{ name: RATED_WORK }] },
    },
    { kind: 'decide', title: '程序事项' },
  ]);
  const tablets: TabletSocket[] = [];
  for (const d of live.roster.delegates) {
    const s = t.socket(live.tokens.get(d.id)!);
    await connected(s);
    await s.emitWithAck('session:join', { sessionId: live.sessionId });
    tablets.push(s);
  }
  const open = async (title: string) => {
    const res = await t
      .http()
      .post('/api/polls')
      .set(bearer(staff))
      .send({ itemId: live.items[title], keyMode: 'custodian' })
      .expect(201);
    return res.body.id as string;
  };
  try {
    const ratingPoll = await open(RATING_TITLE);
    for (const [i, grade] of grades.entries())
      await castSecret(tablets[i]!, live.sessionId, ratingPoll, [marks(3, grade)]);
    await t.http().post(`/api/polls/${ratingPoll}/close`).set(bearer(staff)).expect(200);
    const motionPoll = await open('程序事项');
    await t.http().post(`/api/polls/${motionPoll}/close`).set(bearer(staff)).expect(200);
    return { ratingPoll, motionPoll };
  } finally {
    for (const s of tablets) s.disconnect();
  }
}
