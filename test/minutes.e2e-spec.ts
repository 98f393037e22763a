import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync, zipSync } from 'fflate';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import {
  ballotShape,
  encryptBallot,
  marks,
  type ElectionKey,
  type PollSpec,
} from '../libs/ballot/src/index.js';
import {
  documentHash,
  generateSigningKey,
  publicPart,
  signMinutes,
  signTally,
  talliesOf,
  verifyBundle,
  type MinutesDocument,
  type MinutesSignature,
  type SigningKey,
} from '../libs/minutes/src/index.js';
import { bearer, userWithRole } from './utils/actors.js';
import { liveSession, type LiveSession } from './utils/live-session.js';
import { binary, connected, createTestApp, type TestApp } from './utils/test-app.js';
import { databaseUrl } from './setup/test-database.js';

const ROOT = join(import.meta.dirname, '..');
// A fresh process with no database and nothing else in its environment.
const run = (args: string[]) =>
  spawnSync(args[0]!, args.slice(1), {
    cwd: ROOT,
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '' },
    timeout: 300_000,
  });

async function pdfText(bytes: Buffer): Promise<string> {
  const doc = await getDocument({ data: new Uint8Array(bytes), verbosity: 0 }).promise;
  try {
    let text = '';
    for (let p = 1; p <= doc.numPages; p++) {
      const content = await (await doc.getPage(p)).getTextContent();
      text += content.items.map((i) => ('str' in i ? i.str : '')).join('');
    }
    return text;
  } finally {
    await doc.destroy();
  }
}

describe('minutes: draft from the record, signatures checked, archived in a chain, verified offline', () => {
  let t: TestApp;
  let staff: string;
  let secretary: string;
  let live: LiveSession;
  let minutesId: string;
  let doc: MinutesDocument;
  const dir = mkdtempSync(join(tmpdir(), 'minutes-e2e-'));
  const keys: Record<'secretary' | 'chair' | 'teller', SigningKey> = {
    secretary: generateSigningKey('ed25519'),
    chair: generateSigningKey('sm2-sm3'),
    teller: generateSigningKey('ed25519'),
  };
  const token = (i: number) => live.tokens.get(live.roster.delegates[i]!.id)!;
  const now = () => new Date().toISOString();

  beforeAll(async () => {
    t = await createTestApp();
    staff = await userWithRole(t, 'staff');
    secretary = await userWithRole(t, 'secretary');
    // 6 delegates, 5 present; 代表1 is on the presidium, 代表2 a teller.
    live = await liveSession(t, staff, 6, 5, [
      { kind: 'report', title: '工会工作报告' },
      { kind: 'approve', title: '审议通过《集体合同（草案）》' },
      { kind: 'decide', title: '程序事项' },
    ]);
    const [d1, d2] = live.roster.delegates;
    for (const [d, flags] of [
      [d1!, { presidium: true }],
      [d2!, { teller: true }],
    ] as const)
      await t.http().patch(`/api/delegates/${d.id}`).set(bearer(staff)).send(flags).expect(200);

    // A secret vote (4 for, 1 against) and an open one.
    const secret = await t
      .http()
      .post('/api/polls')
      .set(bearer(staff))
      .send({ itemId: live.items['审议通过《集体合同（草案）》'], keyMode: 'custodian' })
      .expect(201);
    for (const [i, choice] of [0, 0, 0, 0, 1].entries()) {
      const s = t.socket(token(i));
      await connected(s);
      await s.emitWithAck('session:join', { sessionId: live.sessionId });
      const state = await s.emitWithAck('poll:state', { sessionId: live.sessionId });
      const p = (
        state.open as { id: string; pollSpec: PollSpec; electionKey: ElectionKey; voter: string }[]
      ).find((x) => x.id === secret.body.id)!;
      const ballot = encryptBallot({
        key: p.electionKey,
        shape: ballotShape(p.pollSpec),
        voter: p.voter,
        choices: [marks(3, choice)],
      }).ballot;
      expect((await s.emitWithAck('poll:cast', { pollId: p.id, ballot })).ok).toBe(true);
      s.disconnect();
    }
    await t.http().post(`/api/polls/${secret.body.id}/close`).set(bearer(staff)).expect(200);
    const open = await t
      .http()
      .post('/api/polls')
      .set(bearer(staff))
      .send({ itemId: live.items['程序事项'], secret: false })
      .expect(201);
    for (const i of [0, 1, 2, 3]) {
      const s = t.socket(token(i));
      await connected(s);
      await s.emitWithAck('session:join', { sessionId: live.sessionId });
      expect(
        (await s.emitWithAck('poll:cast', { pollId: open.body.id, choice: [[1, 0, 0]] })).ok,
      ).toBe(true);
      s.disconnect();
    }
    await t.http().post(`/api/polls/${open.body.id}/close`).set(bearer(staff)).expect(200);
    // 代表5 lost the tablet: a new log-in code, asked by staff, approved by the presidium member
    // 代表1 on the tablet, then issued by staff.
    const asked = await t
      .http()
      .post(`/api/sessions/${live.sessionId}/code-reissues`)
      .set(bearer(staff))
      .send({ delegateId: live.roster.delegates[4]!.id, reason: '平板遗失' })
      .expect(201);
    await t
      .http()
      .post(`/api/code-reissues/${asked.body.id}/approve`)
      .set(bearer(token(0)))
      .expect(200);
    await t.http().post(`/api/code-reissues/${asked.body.id}/issue`).set(bearer(staff)).expect(200);
    await t
      .http()
      .post(`/api/sessions/${live.sessionId}/status`)
      .set(bearer(staff))
      .send({ to: 'closed' })
      .expect(200);
  }, 300_000);
  afterAll(() => t.close());

  const sign = (sig: MinutesSignature, who: string) =>
    t.http().post(`/api/minutes/${minutesId}/signatures`).set(bearer(who)).send(sig);

  it('the secretary starts the minutes: a draft assembled from the record', async () => {
    await t.http().post(`/api/sessions/${live.sessionId}/minutes`).set(bearer(staff)).expect(403);
    await t
      .http()
      .post(`/api/sessions/${live.sessionId}/minutes`)
      .set(bearer(token(0)))
      .expect(403);
    const res = await t
      .http()
      .post(`/api/sessions/${live.sessionId}/minutes`)
      .set(bearer(secretary))
      .expect(201);
    minutesId = res.body.id;
    expect(res.body).toMatchObject({ status: 'draft', recorderName: 'secretary' });
    expect(res.body.retention).toContain('永久保存');
    const draft = res.body.document as MinutesDocument;
    expect(draft.attendance).toMatchObject({ total: 6, present: 5, notCheckedIn: 1 });
    expect(draft.attendance.quorum.met).toBe(true);
    expect(draft.tellers).toEqual([{ name: '代表2', title: '监票人', chief: false }]);
    expect(res.body.tellersNote).toBeNull();
    const [motion, open] = talliesOf(draft).map((x) => x.tally);
    expect(motion).toMatchObject({
      issued: 5,
      cast: 5,
      counts: { kind: 'motion', for: 4, against: 1 },
      outcome: '通过',
      method: { secret: true, keyMode: 'custodian', custodianWarning: '不对运维方保密' },
    });
    expect(open!.method).toMatchObject({ secret: false, keyFingerprint: null });
    expect(draft.circulation[0]).toMatchObject({ number: 1, late: false, recipients: 6 });
    // The code re-issued mid-session is a line of 会议中的其他情况, with who approved it (批准人:
    // the presidium member, with the role).
    expect(draft.incidents).toEqual([
      {
        at: expect.any(String),
        kind: 'login_code_reissued',
        description: expect.stringMatching(/^代表代表5（工号 .+）的登录码在会中重新签发.*平板遗失/),
        approvedBy: '代表1（主席团成员）',
      },
    ]);
    // No chair yet: what finalising would refuse is listed.
    expect(res.body.problems.map((p: { field: string }) => p.field)).toContain('chairs');
    await t
      .http()
      .post(`/api/sessions/${live.sessionId}/minutes`)
      .set(bearer(secretary))
      .expect(409);
  });

  it('chairs are presidium members; the secretary writes the text and finalises', async () => {
    const [d1, d2] = live.roster.delegates;
    const notPresidium = await t
      .http()
      .put(`/api/sessions/${live.sessionId}/chairs`)
      .set(bearer(staff))
      .send({ delegateIds: [d2!.id] })
      .expect(400);
    expect(notPresidium.body.code).toBe('MINUTES_NOT_PRESIDIUM');
    await t
      .http()
      .put(`/api/sessions/${live.sessionId}/chairs`)
      .set(bearer(staff))
      .send({ delegateIds: [d1!.id] })
      .expect(200);

    const itemId = live.items['审议通过《集体合同（草案）》']!;
    const text = {
      reference: '第五届职代会〔2026〕2号',
      items: [
        {
          itemId,
          discussion: '代表们认为草案条款清楚，建议增加带薪休假条款。',
          groupOpinions: [{ group: '第一代表团', text: '同意提交表决。' }],
        },
      ],
      resolutions: [
        {
          number: '决议一',
          title: '关于集体合同的决议',
          text: '通过《集体合同（草案）》。',
          itemId,
        },
      ],
      narrative: [{ heading: '开幕', text: '会议由执行主席主持。' }],
    };
    const put = (who: string, body: object) =>
      t.http().put(`/api/minutes/${minutesId}/draft`).set(bearer(who)).send(body);
    await put(token(0), text).expect(403);
    const bad = await put(secretary, { ...text, items: [{ itemId: 'x' }] }).expect(400);
    expect(bad.body.code).toBe('VALIDATION_FAILED');
    const unknown = await put(secretary, {
      ...text,
      resolutions: [{ ...text.resolutions[0], itemId: '00000000-0000-4000-8000-000000000000' }],
    }).expect(400);
    expect(unknown.body.code).toBe('MINUTES_UNKNOWN_ITEM');
    const saved = await put(secretary, text).expect(200);
    expect(saved.body.editsVersion).toBe(2);
    expect(saved.body.problems).toEqual([]);

    const before = await t
      .http()
      .get(`/api/public/sessions/${live.sessionId}/resolutions`)
      .expect(200);
    expect(before.body).toMatchObject({ published: false, resolutions: [] });
    const fin = await t
      .http()
      .post(`/api/minutes/${minutesId}/finalise`)
      .set(bearer(secretary))
      .expect(200);
    expect(fin.body.status).toBe('final');
    doc = fin.body.document;
    expect(doc.reference).toBe('第五届职代会〔2026〕2号');
    expect(doc.chairs).toEqual([{ name: '代表1', title: '执行主席' }]);
    expect(documentHash(doc)).toBe(fin.body.documentHash);
    expect(fin.body.signing).toMatchObject({
      documentHash: fin.body.documentHash,
      complete: false,
    });
    await put(secretary, text).expect(409);
  });

  it('tells each signer what to sign and as whom; the board publishes the resolutions once finalised', async () => {
    const tasks = (who: string) => t.http().get('/api/signing/tasks').set(bearer(who)).expect(200);
    expect((await tasks(token(0))).body).toMatchObject([
      {
        id: minutesId,
        status: 'final',
        pending: true,
        signAs: [{ role: 'chair', name: '代表1' }],
      },
    ]);
    expect((await tasks(token(1))).body[0].signAs).toEqual([
      { role: 'teller', roleLabel: '监票人', name: '代表2' },
    ]);
    expect((await tasks(secretary)).body[0].signAs[0]).toMatchObject({ role: 'secretary' });
    expect((await tasks(token(2))).body).toEqual([]);
    await t.http().get('/api/signing/tasks').set(bearer(staff)).expect(403);

    const board = await t
      .http()
      .get(`/api/public/sessions/${live.sessionId}/resolutions`)
      .expect(200);
    expect(board.body).toMatchObject({
      published: true,
      reference: '第五届职代会〔2026〕2号',
      archived: false,
      isCorrection: false,
      resolutions: [
        {
          number: '决议一',
          title: '关于集体合同的决议',
          itemTitle: '审议通过《集体合同（草案）》',
        },
      ],
    });
    expect(Date.parse(board.body.publishedAt)).toBe(Date.parse(doc.finalisedAt));
    await t
      .http()
      .get('/api/public/sessions/00000000-0000-4000-8000-000000000000/resolutions')
      .expect(404);
  });

  it('registers public keys only; a signature that does not verify is refused; roles are checked', async () => {
    const register = (who: string, k: SigningKey) =>
      t
        .http()
        .post('/api/signer-keys')
        .set(bearer(who))
        .send({ algorithm: k.algorithm, publicKey: k.publicKey });
    await register(staff, keys.secretary).expect(403);
    const bad = await t
      .http()
      .post('/api/signer-keys')
      .set(bearer(secretary))
      .send({ algorithm: 'ed25519', publicKey: 'ab'.repeat(31) })
      .expect(400);
    expect(bad.body.code).toBe('MINUTES_KEY_INVALID');
    const reg = await register(secretary, keys.secretary).expect(201);
    expect(reg.body.fingerprint).toBe(keys.secretary.fingerprint);
    await register(token(0), keys.chair).expect(201);
    await register(token(1), keys.teller).expect(201);
    expect((await register(token(3), keys.teller).expect(409)).body.code).toBe('MINUTES_KEY_TAKEN');

    // A delegate who is neither chair nor teller reads nothing and exports nothing.
    await t
      .http()
      .get(`/api/minutes/${minutesId}`)
      .set(bearer(token(3)))
      .expect(403);
    await t
      .http()
      .get(`/api/minutes/${minutesId}`)
      .set(bearer(token(0)))
      .expect(200);
    await t
      .http()
      .get(`/api/minutes/${minutesId}/export/minutes.pdf`)
      .set(bearer(token(0)))
      .expect(403);

    // Made with another key but claiming the chair's registered one: refused with a code.
    const forged = {
      ...signMinutes(generateSigningKey('sm2-sm3'), doc, 'chair', '代表1', now()),
      ...{ publicKey: keys.chair.publicKey, keyFingerprint: keys.chair.fingerprint },
    };
    const refused = await sign(forged, token(0)).expect(400);
    expect(refused.body.code).toBe('MINUTES_BAD_SIGNATURE');
    // A key nobody registered, the wrong role, the wrong name.
    const unregistered = generateSigningKey('ed25519');
    expect(
      (await sign(signMinutes(unregistered, doc, 'chair', '代表1', now()), token(0)).expect(400))
        .body.code,
    ).toBe('MINUTES_KEY_NOT_REGISTERED');
    await sign(signMinutes(keys.chair, doc, 'secretary', 'secretary', now()), token(0)).expect(403);
    expect(
      (await sign(signMinutes(keys.chair, doc, 'chair', '代表9', now()), token(0)).expect(400)).body
        .code,
    ).toBe('MINUTES_WRONG_SIGNER_NAME');
    // Over something else than the frozen document.
    const other = { ...doc, title: '另一份记录' };
    expect(
      (await sign(signMinutes(keys.chair, other, 'chair', '代表1', now()), token(0)).expect(400))
        .body.code,
    ).toBe('MINUTES_BAD_SIGNATURE');
    expect(publicPart(keys.chair)).not.toHaveProperty('privateKey');
  });

  it('the secretary, the chair and the teller sign; complete, the minutes are archived', async () => {
    await sign(signMinutes(keys.secretary, doc, 'secretary', 'secretary', now()), secretary).expect(
      200,
    );
    const chair = await sign(
      signMinutes(keys.chair, doc, 'chair', '代表1', now()),
      token(0),
    ).expect(200);
    expect(chair.body.status).toBe('final');
    expect(chair.body.signing.missing).toHaveLength(2); // one per tally, by a teller
    const pending = async (who: string) =>
      (await t.http().get('/api/signing/tasks').set(bearer(who)).expect(200)).body[0].pending;
    // The chair has signed; the teller, who signs each tally, still owes theirs.
    expect(await pending(token(0))).toBe(false);
    expect(await pending(token(1))).toBe(true);
    await sign(signMinutes(keys.chair, doc, 'chair', '代表1', now()), token(0)).expect(409);
    let last;
    for (const { tally } of talliesOf(doc))
      last = await sign(signTally(keys.teller, tally, '代表2', now()), token(1)).expect(200);
    expect(last!.body).toMatchObject({ status: 'archived', archiveSeq: 1 });
    expect(last!.body.signing.complete).toBe(true);

    const archive = await t.http().get('/api/archive').set(bearer(staff)).expect(200);
    expect(archive.body.retention).toContain('永久保存');
    expect(archive.body.entries.map((e: { kind: string }) => e.kind)).toEqual([
      'minutes',
      'election_record',
    ]);
    expect(archive.body.entries[1]).toMatchObject({
      partOf: 1,
      previousHash: archive.body.entries[0].hash,
    });
    await t
      .http()
      .get('/api/archive')
      .set(bearer(token(0)))
      .expect(403);
    const status = await t.http().get('/api/archive/status').set(bearer(secretary)).expect(200);
    expect(status.body).toMatchObject({ ok: true, entries: 2, firstFailure: null });
    expect(status.body.properties.map((p: { label: string }) => p.label)).toEqual([
      '真实性',
      '完整性',
      '可用性',
      '安全性',
    ]);
  });

  it('a correction is a new entry linked to the one it corrects', async () => {
    const corr = await t
      .http()
      .post(`/api/minutes/${minutesId}/corrections`)
      .set(bearer(secretary))
      .send({ reason: '决议文字有误' })
      .expect(201);
    const id = corr.body.id as string;
    expect(corr.body).toMatchObject({ status: 'draft', correctsId: minutesId });
    await t
      .http()
      .post(`/api/minutes/${minutesId}/corrections`)
      .set(bearer(secretary))
      .send({ reason: '再次更正' })
      .expect(409);
    const fin = await t
      .http()
      .post(`/api/minutes/${id}/finalise`)
      .set(bearer(secretary))
      .expect(200);
    const fixed = fin.body.document as MinutesDocument;
    expect(fixed.corrects).toEqual({ seq: 1, reason: '决议文字有误' });
    const at = (who: string, s: MinutesSignature) =>
      t.http().post(`/api/minutes/${id}/signatures`).set(bearer(who)).send(s).expect(200);
    await at(secretary, signMinutes(keys.secretary, fixed, 'secretary', 'secretary', now()));
    await at(token(0), signMinutes(keys.chair, fixed, 'chair', '代表1', now()));
    let last;
    for (const { tally } of talliesOf(fixed))
      last = await at(token(1), signTally(keys.teller, tally, '代表2', now()));
    expect(last!.body).toMatchObject({ status: 'archived', archiveSeq: 3 });
    const archive = await t.http().get('/api/archive').set(bearer(staff)).expect(200);
    expect(archive.body.entries[2]).toMatchObject({ seq: 3, kind: 'correction', corrects: 1 });
  });

  it('exports PDF (Chinese text extracts back), DOCX and the canonical JSON', async () => {
    const get = (what: string) =>
      t
        .http()
        .get(`/api/minutes/${minutesId}/export/${what}`)
        .set(bearer(secretary))
        .buffer(true)
        .parse(binary)
        .expect(200);
    const pdf = await get('minutes.pdf');
    expect(pdf.headers['content-type']).toContain('application/pdf');
    const text = await pdfText(pdf.body as Buffer);
    for (const s of [
      '第五届职代会〔2026〕2号',
      '审议通过《集体合同（草案）》',
      '不对运维方保密',
      '关于集体合同的决议',
      '会议中的其他情况',
      '的登录码在会中重新签发',
      '批准人：代表1（主席团成员）',
    ])
      expect(text).toContain(s);
    const docx = (await get('minutes.docx')).body as Buffer;
    expect(Object.keys(unzipSync(new Uint8Array(docx)))).toContain('word/document.xml');
    const json = (await get('minutes.json')).body as Buffer;
    expect(documentHash(JSON.parse(json.toString('utf8')))).toBe(documentHash(doc));
  });

  it('the bundle verifies in a fresh process with no database; a changed byte fails', async () => {
    const res = await t
      .http()
      .get(`/api/minutes/${minutesId}/export/bundle.zip`)
      .set(bearer(secretary))
      .buffer(true)
      .parse(binary)
      .expect(200);
    const good = join(dir, 'bundle.zip');
    writeFileSync(good, res.body as Buffer);
    const ok = run(['npm', 'run', '--silent', 'verify-bundle', '--', good]);
    expect(ok.stderr).toBe('');
    expect(ok.stdout).toContain('验证通过');
    expect(ok.status).toBe(0);

    const files = unzipSync(new Uint8Array(res.body as Buffer));
    const minutes = files['minutes.json']!;
    const i = Buffer.from(minutes).indexOf(Buffer.from('"present":5'));
    minutes[i + 10] = '4'.charCodeAt(0);
    const bad = join(dir, 'changed.zip');
    writeFileSync(bad, zipSync(files));
    const failed = run([process.execPath, 'dist/libs/minutes/src/cli/verify-bundle.js', bad]);
    expect(failed.status).toBe(1);
    expect(failed.stdout).toContain('验证未通过');
    expect(verifyBundle(zipSync(files)).ok).toBe(false);
  }, 300_000);

  it('the archive verifies offline; a chain edited by a superuser bypassing the trigger is caught', async () => {
    const exported = await t.http().get('/api/archive/export').set(bearer(staff)).expect(200);
    const file = join(dir, 'archive.json');
    writeFileSync(file, JSON.stringify(exported.body));
    const ok = run(['npm', 'run', '--silent', 'verify-archive', '--', file]);
    expect(ok.stdout).toContain('验证通过');
    expect(ok.status).toBe(0);

    // The database itself refuses an edit, a delete and a truncate.
    await expect(t.sql(`UPDATE archive_entries SET title = 'x' WHERE seq = 1`)).rejects.toThrow();
    await expect(t.sql(`DELETE FROM archive_entries WHERE seq = 3`)).rejects.toThrow();
    await expect(t.sql(`TRUNCATE archive_entries`)).rejects.toThrow();
    // A superuser switching the triggers off gets through; the chain shows it.
    await t.sql(
      `SET session_replication_role = replica;
       UPDATE archive_entries SET title = '第五届职工代表大会第二次会议记录（改）' WHERE seq = 2;
       SET session_replication_role = origin;`,
    );
    const caught = run([
      process.execPath,
      'dist/libs/minutes/src/cli/verify-archive.js',
      '--database-url',
      databaseUrl(t.database),
    ]);
    expect(caught.status).toBe(1);
    expect(caught.stdout).toContain('ENTRY_HASH_MISMATCH');
    expect(caught.stdout).toContain('第 2 号条目');
    const status = await t.http().get('/api/archive/status').set(bearer(staff)).expect(200);
    expect(status.body).toMatchObject({ ok: false, firstFailure: { seq: 2 } });
  }, 300_000);
});
