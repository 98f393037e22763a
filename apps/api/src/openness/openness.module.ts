import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthModule } from '../auth/auth.module.js';
import { BallotsModule } from '../ballots/index.js';
import { MinutesModule } from '../minutes/index.js';
import { ProposalsModule } from '../proposals/index.js';
import { DepartmentsModule } from '../departments/departments.module.js';
import { RosterModule } from '../roster/index.js';
import { EmployeeImportService } from './employee-import.service.js';
import { OpennessAttachment } from './attachment.entity.js';
import { OpennessBoardController, PublicOpennessController } from './board.controller.js';
import { BoardService } from './board.service.js';
import { DraftingService } from './drafting.service.js';
import { OpennessEmployee } from './employee.entity.js';
import { OpennessItem } from './item.entity.js';
import { ItemStore } from './item-store.js';
import { OpennessItemsController } from './items.controller.js';
import { OpennessMeasure } from './measure.entity.js';
import { OpennessViews } from './openness-views.js';
import { OpennessOpinion } from './opinion.entity.js';
import { OpinionsService } from './opinions.service.js';
import { OpennessPlanEntry } from './plan-entry.entity.js';
import { PlanService } from './plan.service.js';
import { OpennessReviewController } from './review.controller.js';
import { RecordsService } from './records.service.js';
import { ReviewService } from './review.service.js';
import { OpennessCheck } from './check.entity.js';
import { OpennessNotice } from './notice.entity.js';
import { OpennessReminder } from './reminder.entity.js';
import { OpennessSupervisionController } from './supervision.controller.js';
import { SupervisionService } from './supervision.service.js';
import { RemindersTimer } from './reminders-timer.service.js';
import { RemindersService } from './reminders.service.js';
import { OpennessSatisfaction } from './satisfaction.entity.js';
import { SatisfactionService } from './satisfaction.service.js';
import { SummaryService } from './summary.service.js';
import { OpennessUnit } from './unit.entity.js';
import { OpennessSetupController } from './units.controller.js';
import { UnitsService } from './units.service.js';
import { OpennessYearController, PublicSatisfactionController } from './year.controller.js';

/**
 * 厂务公开 (open management): units and employees, the annual plan, publication items through
 * their five steps (提出、审查、公开、评议、整改), the board and its opinion box.
 */
@Module({
  imports: [
    TypeOrmModule.forFeature([
      OpennessUnit,
      OpennessEmployee,
      OpennessPlanEntry,
      OpennessItem,
      OpennessAttachment,
      OpennessOpinion,
      OpennessMeasure,
      OpennessReminder,
      OpennessCheck,
      OpennessNotice,
      OpennessSatisfaction,
    ]),
    AuthModule,
    DepartmentsModule,
    RosterModule,
    MinutesModule,
    BallotsModule,
    ProposalsModule,
  ],
  controllers: [
    OpennessSetupController,
    OpennessItemsController,
    OpennessReviewController,
    OpennessBoardController,
    PublicOpennessController,
    OpennessSupervisionController,
    OpennessYearController,
    PublicSatisfactionController,
  ],
  providers: [
    UnitsService,
    ItemStore,
    DraftingService,
    ReviewService,
    BoardService,
    OpinionsService,
    PlanService,
    OpennessViews,
    EmployeeImportService,
    RemindersService,
    RemindersTimer,
    SupervisionService,
    RecordsService,
    SatisfactionService,
    SummaryService,
  ],
  // The quality self-assessment asks for the plan's and the satisfaction rating's figures.
  exports: [PlanService, SatisfactionService],
})
export class OpennessModule {}
