import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AgendaModule } from '../agenda/agenda.module.js';
import { AttendanceModule } from '../attendance/attendance.module.js';
import { BallotsModule } from '../ballots/ballots.module.js';
import { CongressModule } from '../congress/congress.module.js';
import { ProposalsModule } from '../proposals/proposals.module.js';
import { RosterModule } from '../roster/roster.module.js';
import { ArchiveController } from './archive.controller.js';
import { ArchiveEntryRow } from './archive-entry.entity.js';
import { ArchiveService } from './archive.service.js';
import { ChairsService } from './chairs.service.js';
import { ExportsService } from './exports.service.js';
import { MinutesController } from './minutes.controller.js';
import { Minutes } from './minutes.entity.js';
import { MinutesDraft } from './minutes-draft.entity.js';
import { MinutesService } from './minutes.service.js';
import { PublicResolutionsController } from './public-resolutions.controller.js';
import { MinutesSignatureRow } from './minutes-signature.entity.js';
import { RecordAssembler } from './record-assembler.js';
import { SessionChair } from './session-chair.entity.js';
import { SignerKey } from './signer-key.entity.js';
import { SigningController } from './signing.controller.js';
import { SigningService } from './signing.service.js';

@Module({
  imports: [
    TypeOrmModule.forFeature([
      Minutes,
      MinutesDraft,
      MinutesSignatureRow,
      SignerKey,
      SessionChair,
      ArchiveEntryRow,
    ]),
    CongressModule,
    RosterModule,
    AgendaModule,
    AttendanceModule,
    BallotsModule,
    ProposalsModule,
  ],
  controllers: [
    MinutesController,
    SigningController,
    ArchiveController,
    PublicResolutionsController,
  ],
  providers: [
    RecordAssembler,
    MinutesService,
    ChairsService,
    SigningService,
    ExportsService,
    ArchiveService,
  ],
  exports: [ArchiveService],
})
export class MinutesModule {}
