import type { Logger } from 'pino';

/**
 * With an external PostgreSQL (DATABASE_URL): on Ctrl+C (SIGINT) or SIGTERM, closes the app —
 * sockets, timers and the database pool, whose close TypeORM's own shutdown hook does — then
 * says the pool is closed, and ends with the signal, as Nest's `enableShutdownHooks` would. The
 * embedded PostgreSQL has its own order (embedded-postgres.ts) and its own line.
 */
export function stopOnSignal(close: () => Promise<void>, logger: Logger): void {
  const stop = (signal: NodeJS.Signals) => {
    close().then(
      () => {
        logger.info({ signal }, 'database connections closed');
        // This listener is gone (`once`): the signal now ends the process as it normally does.
        process.kill(process.pid, signal);
      },
      (e: unknown) => {
        logger.error({ err: e, signal }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, stop);
}
