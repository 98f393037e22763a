import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ADMIN_PASSWORD, createTestApp, type TestApp } from './utils/test-app.js';

describe('audit log', () => {
  let t: TestApp;
  let admin: string;
  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.login('admin', ADMIN_PASSWORD);
  });
  afterAll(() => t.close());

  it('records who did what to which target, readable by admins, newest first', async () => {
    const created = await t
      .http()
      .post('/api/users')
      .set('authorization', `Bearer ${admin}`)
      .send({
        username: 'staff.audit',
        displayName: '审计',
        role: 'staff',
        password: 'initial-pass-1',
      })
      .expect(201);
    await t
      .http()
      .patch(`/api/users/${created.body.id}`)
      .set('authorization', `Bearer ${admin}`)
      .send({ displayName: '审计员' })
      .expect(200);
    const res = await t
      .http()
      .get('/api/audit?limit=5')
      .set('authorization', `Bearer ${admin}`)
      .expect(200);
    expect(res.body[0]).toMatchObject({
      actorUsername: 'admin',
      action: 'users.update',
      target: `id=${created.body.id}`,
    });
    expect(res.body[1]).toMatchObject({ action: 'users.create' });
    expect(JSON.stringify(res.body)).not.toContain('initial-pass-1');
  });

  it('is append-only in the database itself', async () => {
    await expect(t.sql(`UPDATE audit_log SET action = 'x'`)).rejects.toThrow(/append-only/);
    await expect(t.sql(`DELETE FROM audit_log`)).rejects.toThrow(/append-only/);
    await expect(t.sql(`TRUNCATE audit_log`)).rejects.toThrow(/append-only/);
  });

  it('refuses a bad query with the field named', async () => {
    const res = await t.http().get('/api/audit?limit=0').set('authorization', `Bearer ${admin}`);
    expect(res.status).toBe(400);
    expect(res.body.details[0].field).toBe('limit');
  });
});
