import { Injectable } from '@nestjs/common';
import { Clock } from '../common/clock.js';
import { ReportingService } from '../proposals/index.js';
import { PlanState } from './openness.enums.js';
import { PlanService } from './plan.service.js';
import { RecordsService } from './records.service.js';
import { SatisfactionService } from './satisfaction.service.js';
import { renderYearSummary } from './year-summary.js';

/** 厂务公开工作总结（草稿）: the year's figures gathered, the DOCX rendered (year-summary.ts). */
@Injectable()
export class SummaryService {
  constructor(
    private readonly records: RecordsService,
    private readonly plan: PlanService,
    private readonly satisfaction: SatisfactionService,
    private readonly proposals: ReportingService,
    private readonly clock: Clock,
  ) {}

  async docx(year: number): Promise<Buffer> {
    const [records, lines, rating, handling] = await Promise.all([
      this.records.records(year),
      this.plan.dashboard(year),
      this.satisfaction.ofYear(year),
      // The proposals module's own figures (its service, not its tables).
      this.proposals.yearHandling(year),
    ]);
    const count = (state: PlanState) => lines.filter((l) => l.state === state).length;
    return renderYearSummary({
      year,
      generatedAt: this.clock.now(),
      records,
      plan: {
        onTime: count(PlanState.OnTime),
        late: count(PlanState.Late),
        missing: count(PlanState.Missing),
        notDue: count(PlanState.NotDue),
        missingTitles: lines.filter((l) => l.state === PlanState.Missing).map((l) => l.entry.title),
      },
      satisfaction: rating ? { pollTitle: rating.poll.title, figures: rating.figures } : null,
      proposals: {
        accepted: handling.accepted,
        answered: handling.answered,
        percent: handling.handlingRate.percent,
      },
    });
  }
}
