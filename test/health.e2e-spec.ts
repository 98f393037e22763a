import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readFile } from 'node:fs/promises';
import { createTestApp, type TestApp } from './utils/test-app.js';

describe('health and API docs', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('answers liveness without a token', async () => {
    const res = await t.http().get('/health');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok' });
  });

  it('answers readiness with the database up', async () => {
    const res = await t.http().get('/health/ready');
    expect(res.status).toBe(200);
    expect(res.body.info.database.status).toBe('up');
  });

  it('serves the OpenAPI JSON and UI', async () => {
    const json = await t.http().get('/api/docs-json');
    expect(json.status).toBe(200);
    expect(json.body.paths['/api/auth/login']).toBeDefined();
    // The running app documents itself exactly as the committed web client was generated
    // (from the app in preview mode, without a database).
    const committed = JSON.parse(await readFile('apps/web/src/api/openapi.json', 'utf8'));
    expect(json.body).toEqual(committed);
    expect((await t.http().get('/api/docs')).status).toBe(200);
  });

  it('answers an unknown route with the common error body', async () => {
    const res = await t.http().get('/api/nothing-here').set('authorization', 'Bearer x');
    expect([401, 404]).toContain(res.status);
    expect(Object.keys(res.body).sort()).toEqual(['code', 'message', 'statusCode']);
  });

  it('sets security headers (helmet)', async () => {
    const res = await t.http().get('/health');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });
});
