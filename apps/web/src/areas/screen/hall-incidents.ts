import type { Incident } from '@libs/contracts/src/index.js';
import { apiOf, unwrap } from '@web/shared/api.js';
import { hallLine } from '@web/shared/incidents.js';
import { type AppSocket, onEveryConnect } from '@web/shared/socket.js';

/** The session's incidents over HTTP (what a (re)connection reads). */
async function sessionIncidents(sessionId: string): Promise<Incident[]> {
  const list = await unwrap(
    apiOf('screen').GET('/api/sessions/{sessionId}/incidents', {
      params: { path: { sessionId } },
    }),
  );
  return list as unknown as Incident[];
}

/** What the hall's screen says when the list could not be read (it is read again on reconnect). */
export function incidentsProblem(e: unknown): string {
  const why = e instanceof Error ? e.message : String(e); // ApiError: the api's Chinese message
  return `会议异常事项未能读取（${why}），重新连接后再读`;
}

/**
 * The projector's incident line: the latest issued 会中补发登录码 of this session, in the words
 * the hall may see (`hallLine`). The projector logs in as staff or secretary, whose sockets get
 * every `incident` event (role rooms); events of other sessions are dropped. After each
 * (re)connection the list is read again over HTTP, so a decision made while the projector was
 * offline still shows; when that read fails, `problem` says so until the next read succeeds.
 */
export function followIncidents(
  socket: AppSocket,
  sessionId: string,
  show: (line: string) => void,
  problem: (text: string | null) => void,
  load: (sessionId: string) => Promise<Incident[]> = sessionIncidents,
): void {
  let latest: Incident | null = null;
  const take = (i: Incident) => {
    if (i.sessionId !== sessionId || hallLine(i) === null) return;
    if (latest && (latest.codeIssuedAt ?? '') > (i.codeIssuedAt ?? '')) return;
    latest = i;
    show(hallLine(i)!);
  };
  socket.on('incident', take);
  onEveryConnect(socket, () => {
    load(sessionId).then(
      (list) => {
        problem(null);
        list.forEach(take);
      },
      (e: unknown) => problem(incidentsProblem(e)),
    );
  });
}
