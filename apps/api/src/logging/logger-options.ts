import type { IncomingMessage, ServerResponse } from 'node:http';
import { pino, type Logger } from 'pino';
import type { Options as HttpOptions } from 'pino-http';
import type { AppConfig } from '../config/app-config.js';

/** Never logged: credentials in headers or bodies. Bodies are not logged at all (ballots, passwords). */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
  '*.password',
  '*.currentPassword',
  '*.newPassword',
  '*.accessToken',
  '*.token',
];

/**
 * The process's one pino logger: JSON lines on stdout, credentials redacted. Written
 * synchronously, so that lines keep their order with the console banner and the last lines
 * before a crash are not lost in a buffer.
 */
export function createRootLogger(config: AppConfig): Logger {
  const options = {
    level: config.logLevel,
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
  };
  return config.logPretty
    ? pino({ ...options, transport: { target: 'pino-pretty' } })
    : pino(options, pino.destination({ fd: 1, sync: true }));
}

/** One line per request: method, path (no query string, no body), status, time. */
export function httpLogOptions(logger: Logger): HttpOptions<IncomingMessage, ServerResponse> {
  return {
    logger,
    autoLogging: { ignore: (req) => (req.url ?? '').startsWith('/health') },
    // Only method and path: query strings and bodies may carry personal data.
    serializers: {
      req: (req: { id: unknown; method: string; url: string }) => ({
        id: req.id,
        method: req.method,
        url: req.url.split('?')[0],
      }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
    },
  };
}
