import { describe, expect, it } from '@jest/globals';
import type { Incident } from '@libs/contracts/src/index.js';
import { ApiError } from '@web/shared/api.js';
import type { AppSocket } from '@web/shared/socket.js';
import { followIncidents } from './hall-incidents.js';

/** A socket that is connected, and can "reconnect" on demand. */
function fakeSocket() {
  const handlers = new Map<string, ((...args: unknown[]) => void)[]>();
  const socket = {
    connected: true,
    on(event: string, fn: (...args: unknown[]) => void) {
      handlers.set(event, [...(handlers.get(event) ?? []), fn]);
      return socket;
    },
    off: () => socket,
  };
  const fire = (event: string, ...args: unknown[]) =>
    (handlers.get(event) ?? []).forEach((fn) => fn(...args));
  return { socket: socket as unknown as AppSocket, reconnect: () => fire('connect') };
}

const approved: Incident = {
  id: 'a',
  sessionId: 's',
  kind: 'login_code_reissue',
  status: 'approved',
  delegateId: 'd',
  delegateName: '张三',
  employeeNumber: 'E1001',
  reason: '平板遗失',
  requestedBy: { id: 'u1', displayName: '李四' },
  requestedAt: '2026-12-05T01:30:00.000Z',
  decidedBy: { id: 'u2', displayName: '王五' },
  decidedAt: '2026-12-05T01:32:00.000Z',
  approver: { delegateId: 'd2', name: '王五', role: 'presidium' },
  decidedVia: 'tablet',
  codeIssuedAt: '2026-12-05T01:33:00.000Z',
};

/** Resolves once `check` holds, checked after each turn of the event loop; fails after 1 s. */
async function until(check: () => boolean) {
  const deadline = Date.now() + 1000;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('condition not met in 1 s');
    await new Promise((r) => setImmediate(r));
  }
}

describe("the projector's incident line", () => {
  it('says the list could not be read, and reads it again on the next connection', async () => {
    const { socket, reconnect } = fakeSocket();
    const answers: (() => Promise<Incident[]>)[] = [
      () => Promise.reject(new ApiError(503, 'SERVICE_UNAVAILABLE', '服务暂不可用')),
      () => Promise.resolve([approved]),
    ];
    const lines: string[] = [];
    let problem: string | null = null;
    followIncidents(
      socket,
      's',
      (line) => lines.push(line),
      (text) => (problem = text),
      () => answers.shift()!(),
    );
    await until(() => problem !== null);
    expect(problem).toBe('会议异常事项未能读取（服务暂不可用），重新连接后再读');
    expect(lines).toEqual([]);

    reconnect();
    await until(() => lines.length > 0);
    expect(problem).toBeNull();
    expect(lines[0]).toContain('张三');
    expect(answers).toEqual([]);
  });
});
