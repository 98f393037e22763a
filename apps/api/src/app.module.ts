import { type DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { AgendaModule } from './agenda/agenda.module.js';
import { AttendanceModule } from './attendance/attendance.module.js';
import { BallotsModule } from './ballots/ballots.module.js';
import { AuditModule } from './audit/audit.module.js';
import { AuthModule } from './auth/auth.module.js';
import { CommonModule } from './common/common.module.js';
import { AllExceptionsFilter } from './common/errors/all-exceptions.filter.js';
import { AppConfig } from './config/app-config.js';
import { ConfigModule } from './config/config.module.js';
import { CongressModule } from './congress/congress.module.js';
import { DatabaseModule } from './database/database.module.js';
import { DepartmentsModule } from './departments/departments.module.js';
import { HealthModule } from './health/health.module.js';
import { InterimModule } from './interim/interim.module.js';
import { AssessmentModule } from './assessment/assessment.module.js';
import { LoggingModule } from './logging/logging.module.js';
import { MinutesModule } from './minutes/minutes.module.js';
import { OpennessModule } from './openness/openness.module.js';
import { NotificationsModule } from './notifications/notifications.module.js';
import { ProposalsModule } from './proposals/proposals.module.js';
import { RealtimeModule } from './realtime/realtime.module.js';
import { RosterModule } from './roster/roster.module.js';
import { UsersModule } from './users/users.module.js';

@Module({})
export class AppModule {
  /** The app for one validated configuration (main.ts and every end-to-end test build it so). */
  static register(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.register(config),
        CommonModule,
        LoggingModule.register(config),
        DatabaseModule,
        AuditModule,
        AuthModule,
        UsersModule,
        HealthModule,
        RealtimeModule,
        NotificationsModule,
        CongressModule,
        RosterModule,
        DepartmentsModule,
        AgendaModule,
        ProposalsModule,
        AttendanceModule,
        BallotsModule,
        MinutesModule,
        OpennessModule,
        InterimModule,
        AssessmentModule,
      ],
      providers: [{ provide: APP_FILTER, useClass: AllExceptionsFilter }],
    };
  }
}
