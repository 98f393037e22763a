import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ADMIN_PASSWORD, connected, createTestApp, type TestApp } from './utils/test-app.js';

describe('socket.io handshake with the HTTP tokens', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('connects with a valid token and answers ping', async () => {
    const token = await t.login('admin', ADMIN_PASSWORD);
    const socket = t.socket(token);
    await connected(socket);
    const pong = await socket.emitWithAck('ping');
    expect(pong).toMatchObject({ role: 'admin', userId: expect.any(String) });
    socket.disconnect();
  });

  it('refuses a handshake without a token, with a code', async () => {
    const socket = t.socket('');
    const err = await connected(socket).catch((e: Error & { data?: { code?: string } }) => e);
    expect((err as { data?: { code?: string } }).data?.code).toBe('AUTH_UNAUTHENTICATED');
  });

  it('refuses a revoked token at the handshake', async () => {
    const token = await t.login('admin', ADMIN_PASSWORD);
    await t.http().post('/api/auth/logout').set('authorization', `Bearer ${token}`).expect(204);
    const err = await connected(t.socket(token)).catch(
      (e: Error & { data?: { code?: string } }) => e,
    );
    expect((err as { data?: { code?: string } }).data?.code).toBe('AUTH_UNAUTHENTICATED');
  });

  it('closes an open socket as soon as its token is revoked', async () => {
    const token = await t.login('admin', ADMIN_PASSWORD);
    const socket = t.socket(token);
    await connected(socket);
    const closed = new Promise<string>((resolve) =>
      socket.once('disconnect', (reason) => resolve(reason)),
    );
    await t.http().post('/api/auth/logout').set('authorization', `Bearer ${token}`).expect(204);
    expect(await closed).toBe('io server disconnect');
  });
});
