import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import helmet from 'helmet';
import type { Logger } from 'pino';
import { pinoHttp } from 'pino-http';
import { createValidationPipe } from './common/validation.js';
import { AppConfig } from './config/app-config.js';
import { httpLogOptions } from './logging/logger-options.js';
import { ROOT_LOGGER } from './logging/logging.module.js';
import { NestPinoLogger, requestLogger } from './logging/nest-logger.js';
import { SocketAuthAdapter } from './realtime/socket-auth.adapter.js';

/** Everything main.ts and the end-to-end tests both need on an app before it listens. */
export function configureApp(app: INestApplication): INestApplication {
  const logger = app.get<Logger>(ROOT_LOGGER);
  app.useLogger(new NestPinoLogger(logger));
  app.use(pinoHttp(httpLogOptions(logger)));
  // Logs written while serving a request carry its id.
  app.use((req: { log: Logger }, _res: unknown, next: () => void) => requestLogger.run(req.log, next));
  app.setGlobalPrefix('api', { exclude: ['health', 'health/ready'] });
  app.useGlobalPipes(createValidationPipe());
  app.use(helmet());
  app.useWebSocketAdapter(new SocketAuthAdapter(app, app.get(AppConfig).databaseUrl));
  const openApi = new DocumentBuilder()
    .setTitle('职代会 Congress API')
    .setDescription(
      'Employee Representative Congress: rosters, proposals, circulation, ballots, minutes',
    )
    .setVersion('0.1.0')
    .addBearerAuth()
    .build();
  SwaggerModule.setup('api/docs', app, () => SwaggerModule.createDocument(app, openApi), {
    jsonDocumentUrl: 'api/docs-json',
  });
  return app;
}
