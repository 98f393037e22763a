import { expect } from '@jest/globals';
import { Clock } from '../../apps/api/src/common/clock.js';
import {
  bearer,
  createRoster,
  delegateTokens,
  departmentUser,
  userWithRole,
} from '../utils/actors.js';
import type { TestApp } from '../utils/test-app.js';

/** 2026-11-20 10:00 in Shanghai: inside the intake window of a session on 2026-12-05. */
export const NOW = new Date('2026-11-20T02:00:00Z');
export const TODAY = '2026-11-20';
/** Today + the default 20 handling days. */
export const DEFAULT_DUE = '2026-12-10';

export interface Person {
  id: string;
  token: string;
  name: string;
}

/** A term with delegates logged in on their tablets, a session, two departments. */
export interface World {
  t: TestApp;
  staff: string;
  termId: string;
  sessionId: string;
  groupIds: string[];
  d: Person[];
  hr: { departmentId: string; token: string };
  logistics: { departmentId: string; token: string };
}

export async function createWorld(t: TestApp, delegates = 8): Promise<World> {
  t.app.get(Clock).fix(null);
  const staff = await userWithRole(t, 'staff');
  const roster = await createRoster(t, staff, delegates);
  const ids = roster.delegates.map((x) => x.id);
  const tokens = await delegateTokens(t, staff, roster.termId, ids);
  const session = await t
    .http()
    .post(`/api/terms/${roster.termId}/sessions`)
    .set(bearer(staff))
    .send({
      name: '第五届职代会第二次会议',
      startsAt: '2026-12-05 09:00',
      place: '三楼大会议室',
      employees: 1200,
      women: 400,
      dispatched: 60,
    })
    .expect(201);
  const hr = await departmentUser(t, staff, '人力资源部', 'hr.clerk');
  const logistics = await departmentUser(t, staff, '后勤保障部', 'logistics.clerk');
  t.app.get(Clock).fix(NOW);
  return {
    t,
    staff,
    termId: roster.termId,
    sessionId: session.body.id,
    groupIds: roster.groupIds,
    d: ids.map((id, i) => ({ id, token: tokens.get(id)!, name: `代表${i + 1}` })),
    hr,
    logistics,
  };
}

export const setClock = (t: TestApp, at: Date | null) => t.app.get(Clock).fix(at);

export const content = (subject: string) => ({
  subject,
  reasons: '夜班职工下班后没有公共交通，只能步行或自费打车。',
  measures: '建议开通夜班职工班车，每晚零点和两点各发一班。',
  category: 'welfare',
});

/** Tables a proposal from `proposer` (no draft) and returns the response body. */
export async function table(w: World, proposer: Person, subject: string, extra: object = {}) {
  const res = await w.t
    .http()
    .post('/api/proposals')
    .set(bearer(proposer.token))
    .send({ ...content(subject), termId: w.termId, ...extra });
  expect(res.status).toBe(201);
  return res.body as { id: string; status: string; kind: string; sessionId: string | null };
}

export function cosign(w: World, who: Person, id: string) {
  return w.t.http().post(`/api/proposals/${id}/cosignature`).set(bearer(who.token));
}

/** A proposal that reached the committee: tabled and co-signed by two others. */
export async function submitted(
  w: World,
  proposer: Person,
  cosigners: Person[],
  subject: string,
  extra: object = {},
) {
  const p = await table(w, proposer, subject, extra);
  for (const c of cosigners) expect((await cosign(w, c, p.id)).status).toBe(200);
  return p.id;
}

export function staffPost(w: World, path: string, body: object = {}) {
  return w.t.http().post(`/api/${path}`).set(bearer(w.staff)).send(body);
}

export function answer(
  w: World,
  token: string,
  assignmentId: string,
  body = '已研究落实，具体如下。',
  attachmentIds?: string[],
) {
  return w.t
    .http()
    .post(`/api/proposal-assignments/${assignmentId}/answer`)
    .set(bearer(token))
    .send({ body, ...(attachmentIds ? { attachmentIds } : {}) });
}

export async function inbox(t: TestApp, token: string) {
  const res = await t.http().get('/api/notifications').set(bearer(token)).expect(200);
  return res.body as { kind: string; title: string; data: { proposalId?: string } }[];
}

export const kindsFor = async (t: TestApp, token: string, proposalId: string) =>
  (await inbox(t, token)).filter((n) => n.data.proposalId === proposalId).map((n) => n.kind);

/** A tiny but real PDF header: enough for the type check, which reads the bytes. */
export const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

/** Reads a binary body (XLSX, attachments) as a Buffer. */
export function binary(
  res: NodeJS.ReadableStream,
  done: (err: Error | null, body: Buffer) => void,
) {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => done(null, Buffer.concat(chunks)));
}
