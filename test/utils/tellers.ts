import { expect } from '@jest/globals';
import {
  ceremonyRound1,
  ceremonyRound2,
  decryptRecordAsTeller,
  finalizeKey,
  type PartialDecryption,
  type PreparedClose,
  receiveShares,
  type Round1Message,
  type Round2Message,
  type TellerSecret,
} from '../../libs/ballot/src/index.js';
import { type Api, bearer, userWithRole } from './actors.js';

/** A teller's device in a test: its account's token and, after the ceremony, its secret. */
export interface TellerDevice {
  token: string;
  userId: string;
  index: number;
  secret?: TellerSecret;
}

/** `n` teller accounts (secretaries here; any role may be a teller), logged in. */
export async function tellerAccounts(
  t: Api,
  n: number,
  prefix = 'teller',
): Promise<TellerDevice[]> {
  const out: TellerDevice[] = [];
  for (let i = 1; i <= n; i++) {
    const token = await userWithRole(t, 'secretary', `${prefix}${i}`);
    const me = await t.http().get('/api/auth/me').set(bearer(token)).expect(200);
    out.push({ token, userId: me.body.id as string, index: i });
  }
  return out;
}

/** The given delegates' tablet accounts as tellers (tellers are usually delegates). */
export async function delegatesAsTellers(t: Api, tokens: string[]): Promise<TellerDevice[]> {
  const out: TellerDevice[] = [];
  for (const [i, token] of tokens.entries()) {
    const me = await t.http().get('/api/auth/me').set(bearer(token)).expect(200);
    out.push({ token, userId: me.body.id as string, index: i + 1 });
  }
  return out;
}

export async function startCeremony(
  t: Api,
  staff: string,
  sessionId: string,
  tellers: TellerDevice[],
  threshold = 2,
): Promise<{ id: string; ceremonyId: string }> {
  const res = await t
    .http()
    .post(`/api/sessions/${sessionId}/ceremonies`)
    .set(bearer(staff))
    .send({ tellers: tellers.map((d) => d.userId), threshold })
    .expect(201);
  return { id: res.body.id, ceremonyId: res.body.ceremonyId };
}

/**
 * Every teller's device runs the ceremony through the api (libs/ballot on the device, the server
 * relays): round 1, round 2, shares checked, acknowledgement. Returns the short fingerprint.
 */
export async function runCeremony(
  t: Api,
  staff: string,
  sessionId: string,
  tellers: TellerDevice[],
  threshold = 2,
): Promise<{ id: string; shortFingerprint: string }> {
  const { id, ceremonyId } = await startCeremony(t, staff, sessionId, tellers, threshold);
  return completeCeremony(t, { id, ceremonyId, threshold }, tellers);
}

/** The tellers' devices run the rounds of a ceremony staff started (here or on the console). */
export async function completeCeremony(
  t: Api,
  c: { id: string; ceremonyId: string; threshold: number },
  tellers: TellerDevice[],
): Promise<{ id: string; shortFingerprint: string }> {
  const { id, ceremonyId, threshold } = c;
  const params = { ceremonyId, threshold, tellers: tellers.length };
  const post = (d: TellerDevice, path: string, message: object) =>
    t.http().post(`/api/ceremonies/${id}/${path}`).set(bearer(d.token)).send({ message });
  const r1 = tellers.map((d) => ceremonyRound1({ ...params, index: d.index }));
  for (const [i, d] of tellers.entries()) await post(d, 'round1', r1[i]!.message).expect(201);
  const all = async () =>
    (await t.http().get(`/api/ceremonies/${id}`).set(bearer(tellers[0]!.token))).body;
  const round1 = (await all()).messages.round1 as Round1Message[];
  for (const [i, d] of tellers.entries())
    await post(d, 'round2', ceremonyRound2(r1[i]!.state, round1).message).expect(201);
  const round2 = (await all()).messages.round2 as Round2Message[];
  let last: { status: string; shortFingerprint: string } | undefined;
  for (const [i, d] of tellers.entries()) {
    const received = receiveShares(r1[i]!.state, round1, round2);
    expect(received.complaints).toEqual([]);
    const { secret, ack } = finalizeKey(r1[i]!.state, round1, received);
    d.secret = secret;
    last = (await post(d, 'acks', ack).expect(201)).body;
  }
  expect(last!.status).toBe('ready');
  return { id, shortFingerprint: last!.shortFingerprint };
}

/** A teller's device answers a close: fetches the prepared record, re-sums it, decrypts. */
export async function answerClose(
  t: Api,
  pollId: string,
  d: TellerDevice,
): Promise<{ status: number; body: Record<string, unknown> }> {
  const partial = await partialFor(t, pollId, d);
  const res = await t
    .http()
    .post(`/api/polls/${pollId}/partials`)
    .set(bearer(d.token))
    .send({ partial });
  return { status: res.status, body: res.body };
}

export async function partialFor(
  t: Api,
  pollId: string,
  d: TellerDevice,
): Promise<PartialDecryption> {
  const input = await t
    .http()
    .get(`/api/polls/${pollId}/decryption/input`)
    .set(bearer(d.token))
    .expect(200);
  return decryptRecordAsTeller(input.body as PreparedClose['record'], d.secret!).partial;
}
