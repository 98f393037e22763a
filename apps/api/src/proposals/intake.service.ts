import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { CongressSession } from '../congress/congress-session.entity.js';
import { type CongressSettings, effectiveSettings } from '../congress/congress-settings.js';
import { SessionsService } from '../congress/sessions.service.js';
import { TermsService } from '../congress/terms.service.js';
import { type IntakeWindow, intakeWindow, isWindowOpen } from './proposal-days.js';
import { ProposalKind } from './proposal.enums.js';
import type { Proposal } from './proposal.entity.js';
import { ProposalStore } from './proposal-store.js';

export interface Placement {
  kind: ProposalKind;
  sessionId: string | null;
  cosignersRequired: number;
}

export interface IntakeState {
  open: boolean;
  /** The session taking proposals now, or else the next planned one. */
  session: CongressSession | null;
  window: IntakeWindow | null;
  cosignersRequired: number;
}

/**
 * Where a proposal goes when it is tabled: a session's intake window is open ⇒ a proposal of
 * that session; otherwise (late, or between sessions) ⇒ a suggestion (意见建议), filed under
 * the next planned session so it is reported there.
 */
@Injectable()
export class IntakeService {
  constructor(
    private readonly store: ProposalStore,
    private readonly terms: TermsService,
    private readonly sessions: SessionsService,
  ) {}

  async state(termId: string, m?: EntityManager): Promise<IntakeState> {
    const term = await this.terms.get(termId, m);
    const now = this.store.now();
    // Sessions whose intake window may still matter: not yet over.
    const sessions = await this.sessions.upcoming(termId, m);
    for (const session of sessions) {
      const settings = effectiveSettings(term.settings, session.settings);
      const window = intakeWindow(session.startsAt, settings.proposalWindow);
      if (isWindowOpen(window, now)) {
        return { open: true, session, window, cosignersRequired: settings.coSignersRequired };
      }
    }
    const next = sessions.find((s) => s.startsAt > now) ?? null;
    const settings = effectiveSettings(term.settings, next?.settings);
    return {
      open: false,
      session: next,
      window: next ? intakeWindow(next.startsAt, settings.proposalWindow) : null,
      cosignersRequired: settings.coSignersRequired,
    };
  }

  async placement(m: EntityManager, termId: string): Promise<Placement> {
    const s = await this.state(termId, m);
    return s.open
      ? {
          kind: ProposalKind.Proposal,
          sessionId: s.session!.id,
          cosignersRequired: s.cosignersRequired,
        }
      : { kind: ProposalKind.Suggestion, sessionId: s.session?.id ?? null, cosignersRequired: 0 };
  }

  /** The settings in force for a proposal: its session's, or its term's between sessions. */
  async settingsOf(m: EntityManager, p: Proposal): Promise<CongressSettings> {
    const term = await this.terms.get(p.termId, m);
    const session = p.sessionId ? await this.sessions.get(p.sessionId, m) : null;
    return effectiveSettings(term.settings, session?.settings);
  }
}
