import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { CongressErrorCode, CongressException } from '../congress/congress.exception.js';
import type { CongressSession } from '../congress/congress-session.entity.js';
import { effectiveSettings } from '../congress/congress-settings.js';
import { SessionsService } from '../congress/sessions.service.js';
import { TermsService } from '../congress/terms.service.js';
import {
  effectiveWorkforce,
  ownWorkforce,
  type Workforce,
  type WorkforceSource,
} from '../congress/workforce.js';
import {
  COMPOSITION_ERROR_TEXT,
  composeReport,
  CompositionError,
  type CompositionReport,
} from './composition/index.js';
import { Delegate } from './delegate.entity.js';
import { RosterErrorCode, RosterException } from './roster.exception.js';
import { Gender } from './roster.enums.js';

export interface TermComposition {
  /** The session whose settings (and own figures, if any) were used; null: the term's. */
  sessionId: string | null;
  sessionName: string | null;
  /** The figures measured against; null when none are filled in (the report says so). */
  workforce: Workforce | null;
  workforceFrom: WorkforceSource | null;
  report: CompositionReport;
}

/**
 * The composition report of a term's roster against the workforce figures: the term's own
 * (so it works before any session exists), or a given session's, which may override them.
 */
@Injectable()
export class CompositionService {
  constructor(
    @InjectRepository(Delegate) private readonly delegates: Repository<Delegate>,
    private readonly terms: TermsService,
    private readonly sessions: SessionsService,
  ) {}

  async report(termId: string, sessionId?: string): Promise<TermComposition> {
    const term = await this.terms.get(termId);
    let session: CongressSession | null = null;
    if (sessionId) {
      session = await this.sessions.latestOfTerm(termId, sessionId);
      if (!session) throw new CongressException(CongressErrorCode.SessionNotFound);
    } else if (!ownWorkforce(term)) {
      // A term without figures of its own: a session that has them still answers.
      const withFigures = (await this.sessions.listForTerm(termId)).filter(ownWorkforce);
      session = withFigures.at(-1) ?? null;
    }
    const figures = effectiveWorkforce(term, session);
    const settings = effectiveSettings(term.settings, session?.settings);
    // Only voting delegates need a gender; the report leaves attendees out anyway.
    const delegates = (await this.delegates.find({ where: { termId } })).map((d) => ({
      ...d,
      gender: d.gender ?? Gender.Male,
    }));
    try {
      const report = composeReport({
        formulaId: settings.sizeFormula,
        // No figures yet: the size and share rules say "not filled in" (warnings).
        workforce: figures?.workforce ?? { employees: 0, women: 0, dispatched: 0 },
        delegates,
      });
      return {
        sessionId: session?.id ?? null,
        sessionName: session?.name ?? null,
        workforce: figures?.workforce ?? null,
        workforceFrom: figures?.from ?? null,
        report,
      };
    } catch (e) {
      // The pure code's message is English (for logs and its specs): people read the table's.
      if (e instanceof CompositionError)
        throw new RosterException(
          RosterErrorCode.CompositionInput,
          { check: e.code, ...e.details },
          COMPOSITION_ERROR_TEXT[e.code],
        );
      throw e;
    }
  }
}
