import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthModule } from '../auth/auth.module.js';
import { CongressModule } from '../congress/congress.module.js';
import { DepartmentsModule } from '../departments/departments.module.js';
import { RosterModule } from '../roster/roster.module.js';
import { AttachmentsService } from './attachments.service.js';
import { HandlingController } from './handling.controller.js';
import { HandlingService } from './handling.service.js';
import { IntakeService } from './intake.service.js';
import { Proposal } from './proposal.entity.js';
import { ProposalAnswer } from './proposal-answer.entity.js';
import { ProposalAssignment } from './proposal-assignment.entity.js';
import { ProposalAttachment } from './proposal-attachment.entity.js';
import { ProposalCosignature } from './proposal-cosignature.entity.js';
import { ProposalCounter } from './proposal-counter.entity.js';
import { ProposalEvent } from './proposal-event.entity.js';
import { ProposalFile } from './proposal-file.entity.js';
import { ProposalFilesService } from './proposal-files.service.js';
import { ProposalFollow } from './proposal-follow.entity.js';
import { FilesController } from './files.controller.js';
import { FollowsService } from './follows.service.js';
import { ProposalReadsService } from './proposal-reads.service.js';
import { ProposalStore } from './proposal-store.js';
import { ProposalViews } from './proposal-views.js';
import { ProposalsController } from './proposals.controller.js';
import { PublicProposalsController } from './public-proposals.controller.js';
import { PublicationService } from './publication.service.js';
import { ReportingController } from './reporting.controller.js';
import { ReportingService } from './reporting.service.js';
import { ReviewController } from './review.controller.js';
import { ReviewService } from './review.service.js';
import { TablingController } from './tabling.controller.js';
import { TablingService } from './tabling.service.js';

/** 提案: tabling and co-signing, committee review, handling by departments, publication. */
@Module({
  imports: [
    TypeOrmModule.forFeature([
      Proposal,
      ProposalCounter,
      ProposalCosignature,
      ProposalAssignment,
      ProposalAnswer,
      ProposalAttachment,
      ProposalEvent,
      ProposalFile,
      ProposalFollow,
    ]),
    AuthModule,
    CongressModule,
    DepartmentsModule,
    RosterModule,
  ],
  controllers: [
    ProposalsController,
    TablingController,
    FilesController,
    ReviewController,
    HandlingController,
    ReportingController,
    PublicProposalsController,
  ],
  providers: [
    ProposalStore,
    ProposalViews,
    IntakeService,
    ProposalReadsService,
    TablingService,
    ReviewService,
    HandlingService,
    AttachmentsService,
    ProposalFilesService,
    FollowsService,
    PublicationService,
    ReportingService,
  ],
  exports: [ReportingService],
})
export class ProposalsModule {}
