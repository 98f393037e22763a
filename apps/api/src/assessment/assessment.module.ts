import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AgendaModule } from '../agenda/index.js';
import { AuthModule } from '../auth/index.js';
import { CongressModule } from '../congress/index.js';
import { InterimModule } from '../interim/index.js';
import { OpennessModule } from '../openness/index.js';
import { ProposalsModule } from '../proposals/index.js';
import { AssessmentEntry } from './assessment-entry.entity.js';
import { Assessment } from './assessment.entity.js';
import { AssessmentsController } from './assessments.controller.js';
import { AssessmentsService } from './assessments.service.js';
import { FactsService } from './facts.service.js';

/** The congress's yearly quality self-assessment (职代会质量评估), docs/between-sessions.md. */
@Module({
  imports: [
    TypeOrmModule.forFeature([Assessment, AssessmentEntry]),
    AuthModule,
    AgendaModule,
    CongressModule,
    InterimModule,
    OpennessModule,
    ProposalsModule,
  ],
  controllers: [AssessmentsController],
  providers: [AssessmentsService, FactsService],
})
export class AssessmentModule {}
