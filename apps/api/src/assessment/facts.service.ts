import { Injectable } from '@nestjs/common';
import { CirculationService } from '../agenda/index.js';
import { shanghaiDay } from '../common/time.js';
import { SessionsService, SessionStatus } from '../congress/index.js';
import { JointMeetingsService, ToursService } from '../interim/index.js';
import { PlanService, PlanState, SatisfactionService } from '../openness/index.js';
import { ReportingService } from '../proposals/index.js';
import type { AssessmentFacts } from './assessment-rule.js';

const HELD = new Set([SessionStatus.InSession, SessionStatus.Closed, SessionStatus.Archived]);

/**
 * The figures of a term's year for the automatic criteria, each asked of the module that owns it
 * (its service, never its tables).
 */
@Injectable()
export class FactsService {
  constructor(
    private readonly sessions: SessionsService,
    private readonly circulation: CirculationService,
    private readonly proposals: ReportingService,
    private readonly joint: JointMeetingsService,
    private readonly tours: ToursService,
    private readonly plan: PlanService,
    private readonly satisfaction: SatisfactionService,
  ) {}

  async gather(termId: string, year: number): Promise<AssessmentFacts> {
    const ofYear = (await this.sessions.listForTerm(termId)).filter((s) =>
      shanghaiDay(s.startsAt).startsWith(`${year}-`),
    );
    const [sessions, handling, jointDecisions, findings, lines, rating] = await Promise.all([
      Promise.all(
        ofYear.map(async (s) => {
          // The first circulation is the one the 7-day rule is about; later versions are changes.
          const first = (await this.circulation.versions(s.id)).find((v) => v.number === 1);
          return {
            name: s.name,
            startsAt: s.startsAt,
            held: HELD.has(s.status),
            circulation: first
              ? { daysBefore: first.daysBefore, requiredDays: first.requiredDays }
              : null,
          };
        }),
      ),
      this.proposals.yearHandling(year),
      this.joint.decisionsOfYear(termId, year),
      this.tours.findingsOfYear(termId, year),
      this.plan.dashboard(year),
      this.satisfaction.ofYear(year),
    ]);
    const count = (state: PlanState) => lines.filter((l) => l.state === state).length;
    return {
      year,
      sessions,
      proposals: { accepted: handling.accepted, answered: handling.answered },
      jointDecisions,
      findings,
      plan: {
        onTime: count(PlanState.OnTime),
        late: count(PlanState.Late),
        missing: count(PlanState.Missing),
        notDue: count(PlanState.NotDue),
      },
      satisfaction: rating ? { pollTitle: rating.poll.title } : null,
    };
  }
}
