import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CongressErrorCode, CongressException } from '../congress/congress.exception.js';
import { CongressSession } from '../congress/congress-session.entity.js';
import { effectiveSettings } from '../congress/congress-settings.js';
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
    @InjectDataSource() private readonly db: DataSource,
    private readonly terms: TermsService,
  ) {}

  async report(termId: string, sessionId?: string): Promise<TermComposition> {
    const term = await this.terms.get(termId);
    const session = await this.db.getRepository(CongressSession).findOne({
      where: sessionId ? { id: sessionId, termId } : { termId },
      order: { startsAt: 'DESC' },
    });
    if (!session) {
      throw new CongressException(CongressErrorCode.SessionNotFound, {
        reason: 'the workforce figures come from a session of the term: create one first',
      });
    }
    const settings = effectiveSettings(term.settings, session.settings);
    // Only voting delegates need a gender; the report leaves attendees out anyway.
    const delegates = (await this.db.getRepository(Delegate).find({ where: { termId } })).map(
      (d) => ({
        ...d,
        gender: d.gender ?? Gender.Male,
      }),
    );
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
