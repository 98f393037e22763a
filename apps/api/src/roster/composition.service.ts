import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { CongressErrorCode, CongressException } from '../congress/congress.exception.js';
import { effectiveSettings } from '../congress/congress-settings.js';
import { SessionsService } from '../congress/sessions.service.js';
import { TermsService } from '../congress/terms.service.js';
import { composeReport, CompositionError, type CompositionReport } from './composition/index.js';
import { Delegate } from './delegate.entity.js';
import { RosterErrorCode, RosterException } from './roster.exception.js';
import { Gender } from './roster.enums.js';

export interface TermComposition {
  sessionId: string;
  sessionName: string;
  report: CompositionReport;
}

/** The composition report of a term's roster against the workforce figures of one of its sessions. */
@Injectable()
export class CompositionService {
  constructor(
    @InjectRepository(Delegate) private readonly delegates: Repository<Delegate>,
    private readonly terms: TermsService,
    private readonly sessions: SessionsService,
  ) {}

  async report(termId: string, sessionId?: string): Promise<TermComposition> {
    const term = await this.terms.get(termId);
    const session = await this.sessions.latestOfTerm(termId, sessionId);
    if (!session) {
      throw new CongressException(CongressErrorCode.SessionNotFound, {
        reason: '职工人数等构成数据记在会议上：请先为本届新建一次会议',
      });
    }
    const settings = effectiveSettings(term.settings, session.settings);
    // Only voting delegates need a gender; the report leaves attendees out anyway.
    const delegates = (await this.delegates.find({ where: { termId } })).map((d) => ({
      ...d,
      gender: d.gender ?? Gender.Male,
    }));
    try {
      const report = composeReport({
        formulaId: settings.sizeFormula,
        workforce: {
          employees: session.employees,
          women: session.women,
          dispatched: session.dispatched,
        },
        delegates,
      });
      return { sessionId: session.id, sessionName: session.name, report };
    } catch (e) {
      if (e instanceof CompositionError)
        throw new RosterException(RosterErrorCode.CompositionInput, e.details, e.message);
      throw e;
    }
  }
}
