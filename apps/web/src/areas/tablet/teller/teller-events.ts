import { live, onReconnect, onTellerEvent } from '../live.js';

/**
 * How often the teller's page reads the api by itself, and only while its socket is down (events
 * sent meanwhile are lost): with the socket up it waits for `ceremony:progress` and
 * `decryption:requested` instead of polling.
 */
export const FALLBACK_MS = 10_000;

/**
 * Resolves at this ceremony's next `ceremony:progress`, at a reconnection, or, while the socket
 * is down, after FALLBACK_MS; also (checked at the same pace) once `stopped` holds. Call it before
 * reading the ceremony, so that an event arriving during the read is not missed.
 */
export function ceremonyChanged(id: string, stopped: () => boolean): Promise<void> {
  return new Promise((resolve) => {
    const offs = [
      onTellerEvent('ceremony:progress', (e) => e.id === id && done()),
      onReconnect(() => done()),
    ];
    const timer = setInterval(() => (!live.connected || stopped()) && done(), FALLBACK_MS);
    function done() {
      offs.forEach((off) => off());
      clearInterval(timer);
      resolve();
    }
  });
}
