import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { API_NODE_FLAGS } from '../apps/api/src/node-flags.js';
import { type ApiProcess, freePort, startApiProcess } from './utils/api-process.js';
import { createTestDatabase, dropTestDatabase } from './utils/test-app.js';
import { databaseUrl } from './setup/test-database.js';

/** The line the api logs once it listens, as JSON (pino). */
function listening(api: ApiProcess): { idleCollection?: boolean } {
  const line = api
    .output()
    .split('\n')
    .find((l) => l.includes('"api listening"'));
  if (!line) throw new Error(`no "api listening" line in:\n${api.output()}`);
  return JSON.parse(line) as { idleCollection?: boolean };
}

/**
 * The built api started as `npm start` and the image start it collects its old generation in
 * quiet moments (startup/idle-collector.ts, whose own spec covers when); started without the
 * flags, V8 alone decides and the api says so.
 */
describe('the idle collection, as npm start runs the api', () => {
  let database: string;
  const apis: ApiProcess[] = [];

  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    for (const api of apis) await api.kill('SIGTERM');
    await dropTestDatabase(database);
  });

  it('is on with the api node flags', async () => {
    const api = await startApiProcess(databaseUrl(database), await freePort(), {}, API_NODE_FLAGS);
    apis.push(api);
    expect(listening(api).idleCollection).toBe(true);
  });

  it('is off without them', async () => {
    const api = await startApiProcess(databaseUrl(database), await freePort());
    apis.push(api);
    expect(listening(api).idleCollection).toBe(false);
  });
});
