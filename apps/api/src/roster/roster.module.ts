import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { PresenceModule } from '../attendance/presence.module.js';
import { AuthModule } from '../auth/auth.module.js';
import { CongressModule } from '../congress/congress.module.js';
import { CodeReissuesController } from './code-reissues.controller.js';
import { CompositionController } from './composition.controller.js';
import { CompositionService } from './composition.service.js';
import { Delegate } from './delegate.entity.js';
import { DelegateCard } from './delegate-card.entity.js';
import { DelegateCardsController } from './delegate-cards.controller.js';
import { DelegateCardsService } from './delegate-cards.service.js';
import { DelegateChange } from './delegate-change.entity.js';
import { DelegateStatusChange } from './delegate-status-change.entity.js';
import { DelegatesController } from './delegates.controller.js';
import { DelegatesService } from './delegates.service.js';
import { DelegationGroup } from './delegation-group.entity.js';
import { GroupsController } from './groups.controller.js';
import { GroupsService } from './groups.service.js';
import { LoginCode } from './login-code.entity.js';
import { LoginCodeBatch } from './login-code-batch.entity.js';
import { LoginCodesController } from './login-codes.controller.js';
import { LoginCodesService } from './login-codes.service.js';
import { RosterFilesController } from './roster-files.controller.js';
import { RosterFilesService } from './roster-files.service.js';
import { RosterImportService } from './roster-import.service.js';
import { RosterParser } from './roster-parser.js';
import { SeatChangesService } from './seat-changes.service.js';
import { SeatsService } from './seats.service.js';
import { SessionIncident } from './session-incident.entity.js';
import { SessionIncidentsService } from './session-incidents.service.js';

/**
 * 代表名册: terms' seats, their groups and status history, and tablet log-in codes. Other
 * modules ask SeatsService (who holds which seat, who may vote) and GroupsService (names).
 */
@Module({
  imports: [
    TypeOrmModule.forFeature([
      Delegate,
      DelegateCard,
      DelegateStatusChange,
      DelegateChange,
      DelegationGroup,
      LoginCode,
      LoginCodeBatch,
      SessionIncident,
    ]),
    AuthModule,
    CongressModule,
    // Who is checked in at a live session: a new code for such a seat needs a second person.
    PresenceModule,
  ],
  controllers: [
    GroupsController,
    DelegatesController,
    LoginCodesController,
    CompositionController,
    RosterFilesController,
    CodeReissuesController,
    DelegateCardsController,
  ],
  providers: [
    GroupsService,
    DelegatesService,
    SeatsService,
    SeatChangesService,
    LoginCodesService,
    CompositionService,
    RosterImportService,
    RosterParser,
    RosterFilesService,
    SessionIncidentsService,
    DelegateCardsService,
  ],
  // SessionIncidentsService.forSession: the 会议异常事项 the minutes list.
  // DelegateCardsService.seatOf: the seat a 代表证 scanned at the door names (attendance);
  // RosterParser: the employee import of 厂务公开 reads the same spreadsheets.
  exports: [
    SeatsService,
    GroupsService,
    SessionIncidentsService,
    DelegateCardsService,
    RosterParser,
  ],
})
export class RosterModule {}
