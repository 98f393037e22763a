import { type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AppModule } from '../app.module.js';
import { setGlobalPrefix } from '../app.setup.js';
import { loadConfig } from '../config/app-config.js';

/**
 * The whole app in Nest's preview mode: every module and controller is scanned, no provider is
 * instantiated, so nothing connects to a database or opens a port. Enough for the OpenAPI
 * document, which is built from the controllers' metadata only.
 */
export async function createPreviewApp(): Promise<INestApplication> {
  const config = loadConfig({ LOG_LEVEL: 'silent' });
  const app = await NestFactory.create(AppModule.register(config), {
    preview: true,
    logger: false,
    abortOnError: false,
  });
  return setGlobalPrefix(app);
}
