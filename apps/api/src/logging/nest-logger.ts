import { AsyncLocalStorage } from 'node:async_hooks';
import type { LoggerService } from '@nestjs/common';
import type { Logger as Pino, Level } from 'pino';

/** The request's child logger (with its request id), for logs written while serving it. */
export const requestLogger = new AsyncLocalStorage<Pino>();

/**
 * Nest's own start-up chatter (one line per module and per route: ~180 lines) is useful when
 * debugging, noise at `info`: these contexts log at `debug`.
 */
const QUIET_CONTEXTS = new Set([
  'InstanceLoader',
  'RoutesResolver',
  'RouterExplorer',
  'WebSocketsController',
  'NestFactory',
  'NestApplication',
]);

/**
 * Nest's LoggerService on pino. Nest calls `log(message, ...params, context)`: the context is
 * the last parameter when there is more than one; an object message becomes pino's merge object.
 */
export class NestPinoLogger implements LoggerService {
  constructor(private readonly root: Pino) {}

  verbose(message: unknown, ...params: unknown[]) {
    this.write('trace', message, params);
  }
  debug(message: unknown, ...params: unknown[]) {
    this.write('debug', message, params);
  }
  log(message: unknown, ...params: unknown[]) {
    this.write('info', message, params);
  }
  warn(message: unknown, ...params: unknown[]) {
    this.write('warn', message, params);
  }
  error(message: unknown, ...params: unknown[]) {
    this.write('error', message, params);
  }
  fatal(message: unknown, ...params: unknown[]) {
    this.write('fatal', message, params);
  }

  private write(level: Level, message: unknown, params: unknown[]): void {
    const context = params.length > 0 ? params[params.length - 1] : undefined;
    const rest = params.slice(0, -1);
    if (typeof context === 'string' && level === 'info' && QUIET_CONTEXTS.has(context)) {
      level = 'debug';
    }
    const logger = requestLogger.getStore() ?? this.root;
    if (!logger.isLevelEnabled(level)) return;
    const fields: Record<string, unknown> = context === undefined ? {} : { context };
    if (message instanceof Error) {
      logger[level]({ ...fields, err: message }, message.message);
    } else if (typeof message === 'object' && message !== null) {
      const text = rest.find((p): p is string => typeof p === 'string');
      logger[level]({ ...fields, ...message }, text);
    } else {
      // Nest's ExceptionHandler writes error(message, stack, context).
      const stack = level === 'error' ? rest.find((p) => typeof p === 'string') : undefined;
      logger[level](stack ? { ...fields, stack } : fields, String(message));
    }
  }
}
