import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Socket as NetSocket } from 'node:net';
import type { Server } from 'socket.io';
import type { Incident } from '../libs/contracts/src/index.js';
import { RealtimeService } from '../apps/api/src/realtime/realtime.service.js';
import { SOCKET_BACKLOG_LIMIT } from '../apps/api/src/realtime/socket-backlog.js';
import { userWithRole } from './utils/actors.js';
import { waitFor } from './utils/events.js';
import { connected, createTestApp, type TabletSocket, type TestApp } from './utils/test-app.js';

/** The engine.io websocket under a websocket-only socket.io client. */
const wsOf = (s: TabletSocket) =>
  (
    s.io.engine.transport as unknown as {
      ws: { _socket: NetSocket; send(data: string): void };
    }
  ).ws;

/** A broadcast of ~8 KB (an incident with a long reason), numbered. */
const big = (n: number): Incident => ({
  id: String(n),
  sessionId: 'storm',
  kind: 'login_code_reissue',
  status: 'requested',
  delegateId: 'd',
  delegateName: '代表',
  employeeNumber: 'E1000',
  reason: '平板遗失'.repeat(2_000),
  requestedBy: { id: 'u', displayName: 'staff' },
  requestedAt: new Date(0).toISOString(),
  decidedBy: null,
  decidedAt: null,
  approver: null,
  decidedVia: null,
  codeIssuedAt: null,
});

/**
 * Fault: a client that never reads its socket. It connects with a staff token (so every staff
 * broadcast is for it), then stops reading its TCP connection but keeps writing engine.io pongs
 * blindly, which socket.io's heartbeat alone would accept forever. Thousands of broadcasts
 * follow. The server's queue for it stays under the per-socket backlog limit and it is dropped;
 * another staff socket receives every broadcast and is answered at once throughout.
 */
describe('fault: a client that never reads its socket', () => {
  let t: TestApp;
  let staff: string;
  let io: Server;

  beforeAll(async () => {
    t = await createTestApp();
    staff = await userWithRole(t, 'staff');
    io = (t.app.get(RealtimeService) as unknown as { server: Server }).server;
  });
  afterAll(() => t.close());

  it('drops the stuck socket with its queue bounded; another socket keeps receiving', async () => {
    const stuck = t.socket(staff);
    const tablet = t.socket(staff);
    await Promise.all([connected(stuck), connected(tablet)]);
    const stuckId = stuck.id!;
    const server = () => io.of('/').sockets.get(stuckId);
    expect(server()).toBeDefined();

    // Stops reading; answers the heartbeat anyway (engine.io's pong is the frame "3").
    const ws = wsOf(stuck);
    ws._socket.pause();
    const pong = setInterval(() => ws.send('3'), 200);
    // The other tablet: every broadcast, in order (counted, not kept: 32 MB).
    let last = 0;
    let outOfOrder = 0;
    tablet.on('incident', (i: Incident) => {
      if (Number(i.id) !== last + 1) outOfOrder += 1;
      last = Number(i.id);
    });
    const realtime = t.app.get(RealtimeService);

    // 4,000 broadcasts of ~8 KB (32 MB) to every staff socket, 50 at a time; the other tablet
    // has each batch within the limit before the next one goes out.
    const TOTAL = 4_000;
    let maxQueued = 0;
    try {
      for (let n = 1; n <= TOTAL; n++) {
        realtime.toRoles(['staff'], 'incident', big(n));
        const conn = server()?.conn as unknown as { writeBuffer?: unknown[] } | undefined;
        maxQueued = Math.max(maxQueued, conn?.writeBuffer?.length ?? 0);
        if (n % 50 === 0) {
          await waitFor(async () => last >= n, 10_000, `the other tablet received ${n}`);
          // And its requests are answered at once, in the middle of the storm.
          if (n % 1_000 === 0)
            expect(await tablet.timeout(5_000).emitWithAck('ping')).toMatchObject({
              role: 'staff',
            });
        }
      }
      expect([last, outOfOrder]).toEqual([TOTAL, 0]);
      // The stuck socket is gone from the server, and while it was there its queue stayed bounded.
      await waitFor(async () => server() === undefined, 10_000, 'the stuck socket dropped');
      expect(maxQueued).toBeGreaterThan(0);
      expect(maxQueued).toBeLessThanOrEqual(SOCKET_BACKLOG_LIMIT.packets + 1);
      expect(tablet.connected).toBe(true);
    } finally {
      clearInterval(pong);
    }
  }, 300_000);
});
