import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { AppModule } from './app.module.js';
import { configureApp } from './app.setup.js';
import { type AppConfig, ConfigError, loadConfig } from './config/app-config.js';
import { startEmbeddedPostgres, type RunningPostgres } from './database/embedded-postgres.js';

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
    embedded = await startEmbeddedPostgres({
      dataDir: config.dataDir,
      port: config.embeddedPgPort,
    });
    config = { ...config, databaseUrl: embedded.url };
  }

  const app = configureApp(
    await NestFactory.create(AppModule.register(config), { bufferLogs: true }),
  );
  if (embedded) {
    // embedded-postgres handles SIGINT/SIGTERM: it closes the app first, then the database.
    embedded.setBeforeStop(() => app.close());
  } else {
    app.enableShutdownHooks();
  }
  await app.listen(config.port, config.host);
  process.stdout.write(
    `congress api listening on http://${config.host}:${config.port} (docs: /api/docs)\n`,
  );
}

bootstrap().catch((e: unknown) => {
  console.error('start failed:', e instanceof Error ? e.message : e);
  process.exit(1);
});
