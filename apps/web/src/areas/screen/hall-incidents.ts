import type { Incident } from '@libs/contracts/src/index.js';
import { apiOf, unwrap } from '@web/shared/api.js';
import { hallLine } from '@web/shared/incidents.js';
import { type AppSocket, onEveryConnect } from '@web/shared/socket.js';

/**
 * The projector's incident line: the latest approved 会中补发登录码 of this session, in the words
 * the hall may see (`hallLine`). The projector logs in as staff or secretary, whose sockets get
 * every `incident` event (role rooms); events of other sessions are dropped. After each
 * (re)connection the list is read again over HTTP, so a decision made while the projector was
 * offline still shows.
 */
export function followIncidents(
  socket: AppSocket,
  sessionId: string,
  show: (line: string) => void,
): void {
  let latest: Incident | null = null;
  const take = (i: Incident) => {
    if (i.sessionId !== sessionId || hallLine(i) === null) return;
    if (latest && (latest.decidedAt ?? '') > (i.decidedAt ?? '')) return;
    latest = i;
    show(hallLine(i)!);
  };
  socket.on('incident', take);
  onEveryConnect(socket, () => {
    unwrap(
      apiOf('screen').GET('/api/sessions/{sessionId}/incidents', {
        params: { path: { sessionId } },
      }),
    )
      .then((list) => (list as unknown as Incident[]).forEach(take))
      // The line is a courtesy: the hall view reports the room's own refusals.
      .catch(() => undefined);
  });
}
