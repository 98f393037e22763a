import type { INestApplication } from '@nestjs/common';
import { SwaggerModule } from '@nestjs/swagger';
import { type Application, json } from 'express';
import helmet from 'helmet';
import type { Logger } from 'pino';
import { pinoHttp } from 'pino-http';
import { createValidationPipe } from './common/validation.js';
import { AppConfig } from './config/app-config.js';
import { httpLogOptions } from './logging/logger-options.js';
import { ROOT_LOGGER } from './logging/logging.module.js';
import { NestPinoLogger, requestLogger } from './logging/nest-logger.js';
import { createOpenApiDocument } from './openapi/openapi-document.js';
import { SocketAuthAdapter } from './realtime/socket-auth.adapter.js';
import { defaultWebDir, serveWebApp } from './web/web-app.js';

/**
 * helmet's strict defaults, loosened only where the web app needs it. Scripts, workers and
 * connections (fetch, and socket.io's websocket: CSP 3 'self' covers ws/wss to the same host)
 * stay same-origin; styles allow inline because Vant, Element Plus and the API docs page set
 * them; Vant's icon font is a data: URI; images may be data: or blob: (previews made in the
 * page). No upgrade-insecure-requests: in a hall the server is often reached over plain http
 * on the local network, where that directive would send every request to a missing https.
 */
const CONTENT_SECURITY_POLICY = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'style-src': ["'self'", "'unsafe-inline'"],
  'font-src': ["'self'", 'data:'],
  'img-src': ["'self'", 'data:', 'blob:'],
  'connect-src': ["'self'"],
  'worker-src': ["'self'"],
  'upgrade-insecure-requests': null,
};

/** Every route under `/api`, except the health probes. The OpenAPI generator sets it too. */
export function setGlobalPrefix(app: INestApplication): INestApplication {
  return app.setGlobalPrefix('api', { exclude: ['health', 'health/ready'] });
}

/** Everything main.ts and the end-to-end tests both need on an app before it listens. */
export function configureApp(app: INestApplication): INestApplication {
  const logger = app.get<Logger>(ROOT_LOGGER);
  app.useLogger(new NestPinoLogger(logger));
  app.use(pinoHttp(httpLogOptions(logger)));
  // Logs written while serving a request carry its id.
  app.use((req: { log: Logger }, _res: unknown, next: () => void) =>
    requestLogger.run(req.log, next),
  );
  setGlobalPrefix(app);
  // A teller's slip batch holds one 64-hex key per slip (up to 100,000: ~6.7 MB of JSON): only
  // this route takes more than the default 100 kB body. Parsed here first, the global parser
  // then leaves the body alone. Wrapped: Nest skips its own JSON parser when it finds a
  // middleware named `jsonParser` already registered.
  const slipBatchBody = json({ limit: '8mb' });
  app.use('/api/sessions/:sessionId/slip-batches', (req: never, res: never, next: never) =>
    slipBatchBody(req, res, next),
  );
  app.useGlobalPipes(createValidationPipe());
  app.use(helmet({ contentSecurityPolicy: { directives: CONTENT_SECURITY_POLICY } }));
  const config = app.get(AppConfig);
  // Behind the TLS proxy every connection comes from the proxy: only when the operator names it
  // does the client's address come from X-Forwarded-For (req.ip: log-in limits, audit log).
  if (config.trustProxy !== undefined)
    (app.getHttpAdapter().getInstance() as Application).set('trust proxy', config.trustProxy);
  serveWebApp(app, config.webDir ?? defaultWebDir());
  app.useWebSocketAdapter(new SocketAuthAdapter(app, config.databaseUrl));
  SwaggerModule.setup('api/docs', app, () => createOpenApiDocument(app), {
    jsonDocumentUrl: 'api/docs-json',
  });
  return app;
}
