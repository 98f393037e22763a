/**
 * Whether an error means PostgreSQL is away (restarting, refusing connections, a connection cut
 * mid-query) rather than that the request was wrong: the client then gets 503 and tries again,
 * instead of a 500 that reads like a bug. Connection failures come from the driver (Node socket
 * codes, pg's own messages) or as SQLSTATE class 08 and the 57P0x shutdown codes, sometimes
 * wrapped in TypeORM's QueryFailedError (`driverError`).
 */
const SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND']);
const SHUTDOWN_STATES = new Set(['57P01', '57P02', '57P03']);
const DRIVER_MESSAGES =
  /Connection terminated|not currently accepting connections|timeout exceeded when trying to connect|Client has encountered a connection error|Connection is not established/i;

export function isDatabaseUnavailable(error: unknown): boolean {
  for (const e of [error, (error as { driverError?: unknown } | null)?.driverError]) {
    if (!e || typeof e !== 'object') continue;
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && (SOCKET_CODES.has(code) || SHUTDOWN_STATES.has(code)))
      return true;
    if (typeof code === 'string' && /^08[0-9A-Z]{3}$/.test(code)) return true;
    const message = (e as { message?: unknown }).message;
    if (typeof message === 'string' && DRIVER_MESSAGES.test(message)) return true;
  }
  return false;
}
