import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module.js';
import { CongressModule } from '../congress/congress.module.js';
import { CompositionController } from './composition.controller.js';
import { CompositionService } from './composition.service.js';
import { DelegatesController } from './delegates.controller.js';
import { DelegatesService } from './delegates.service.js';
import { GroupsController } from './groups.controller.js';
import { GroupsService } from './groups.service.js';
import { RosterFilesController } from './roster-files.controller.js';
import { RosterFilesService } from './roster-files.service.js';
import { RosterImportService } from './roster-import.service.js';
import { LoginCodesController } from './login-codes.controller.js';
import { LoginCodesService } from './login-codes.service.js';

@Module({
  imports: [AuthModule, CongressModule],
  controllers: [
    GroupsController,
    DelegatesController,
    LoginCodesController,
    CompositionController,
    RosterFilesController,
  ],
  providers: [
    GroupsService,
    DelegatesService,
    LoginCodesService,
    CompositionService,
    RosterImportService,
    RosterFilesService,
  ],
  exports: [DelegatesService],
})
export class RosterModule {}
