import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig } from '../config/app-config.js';
import { dataSourceOptions } from './data-source-options.js';

@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (c: AppConfig) => {
        if (!c.databaseUrl) throw new Error('databaseUrl must be resolved before the app starts');
        return {
          ...dataSourceOptions(c.databaseUrl, c.dbPoolSize, c.logLevel !== 'silent'),
          retryAttempts: 3,
          retryDelay: 1000,
        };
      },
    }),
  ],
})
export class DatabaseModule {}
