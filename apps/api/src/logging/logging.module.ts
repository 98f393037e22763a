import {
  type DynamicModule,
  Global,
  Inject,
  Injectable,
  Module,
  type OnApplicationShutdown,
} from '@nestjs/common';
import type { Logger } from 'pino';
import type { AppConfig } from '../config/app-config.js';
import { createRootLogger } from './logger-options.js';

/** Injection token of the process's pino logger. */
export const ROOT_LOGGER = Symbol('ROOT_LOGGER');

/** One line when the api has stopped, so an operator sees it went down cleanly. */
@Injectable()
class ShutdownLog implements OnApplicationShutdown {
  constructor(@Inject(ROOT_LOGGER) private readonly logger: Logger) {}

  onApplicationShutdown(signal?: string): void {
    this.logger.info({ signal }, 'api stopped');
  }
}

@Global()
@Module({})
export class LoggingModule {
  static register(config: AppConfig): DynamicModule {
    return {
      module: LoggingModule,
      providers: [{ provide: ROOT_LOGGER, useValue: createRootLogger(config) }, ShutdownLog],
      exports: [ROOT_LOGGER],
    };
  }
}
