import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { Logger } from 'pino';
import { AppModule } from './app.module.js';
import { configureApp } from './app.setup.js';
import { reachableUrls } from './common/addresses.js';
import { type AppConfig, ConfigError, loadConfig } from './config/app-config.js';
import type { RunningPostgres } from './database/embedded-postgres.js';
import { ROOT_LOGGER } from './logging/logging.module.js';
import { startBanner } from './startup/banner.js';
import {
  type ExposedGc,
  reducingCollection,
  startIdleCollector,
} from './startup/idle-collector.js';
import { stopOnSignal } from './startup/stop-on-signal.js';
import { AdminBootstrapService } from './users/admin-bootstrap.service.js';

async function bootstrap(): Promise<void> {
  let config: AppConfig;
  try {
    config = loadConfig(process.env);
  } catch (e) {
    if (e instanceof ConfigError) {
      console.error(e.message);
      process.exit(1);
    }
    throw e;
  }

  let embedded: RunningPostgres | undefined;
  if (!config.databaseUrl) {
    process.stdout.write(`starting the embedded PostgreSQL (data in ${config.dataDir}) …\n`);
    // Loaded only here: the embedded-postgres package hooks SIGINT/SIGTERM when it is imported
    // and ends the process at once, before the app (with DATABASE_URL) could close cleanly.
    const { startEmbeddedPostgres } = await import('./database/embedded-postgres.js');
    embedded = await startEmbeddedPostgres({
      dataDir: config.dataDir,
      port: config.embeddedPgPort,
    });
    config = { ...config, databaseUrl: embedded.url };
  }

  const app = configureApp(
    await NestFactory.create(AppModule.register(config), { bufferLogs: true }),
  );
  const logger = app.get<Logger>(ROOT_LOGGER);
  if (embedded) {
    // embedded-postgres handles SIGINT/SIGTERM: it closes the app first, then the database.
    embedded.setBeforeStop(() => app.close());
    embedded.setAfterStop(() => logger.info('embedded PostgreSQL stopped'));
  } else {
    stopOnSignal(() => app.close(), logger);
  }
  await app.listen(config.port, config.host);
  // V8's collector, exposed by `--expose-gc` (API_NODE_FLAGS); without it V8 alone decides when.
  const gc = (globalThis as { gc?: ExposedGc }).gc;
  if (gc)
    startIdleCollector(reducingCollection(gc), (c) =>
      logger.debug(
        { grownMb: mb(c.grownBytes), pauseMs: Math.round(c.pauseMs), liveMb: mb(c.afterBytes) },
        'old generation collected while idle',
      ),
    );
  logger.info({ port: config.port, host: config.host, idleCollection: !!gc }, 'api listening');
  process.stdout.write(
    startBanner({
      urls: reachableUrls(config),
      adminPassword: app.get(AdminBootstrapService).takeOneTimePassword(),
      embeddedDataDir: embedded ? config.dataDir : undefined,
    }) + '\n',
  );
}

const mb = (bytes: number) => Math.round(bytes / 2 ** 20);

bootstrap().catch((e: unknown) => {
  console.error('start failed:', e instanceof Error ? e.message : e);
  process.exit(1);
});
