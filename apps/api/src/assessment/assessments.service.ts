import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { type EntityManager, Repository } from 'typeorm';
import { Clock } from '../common/clock.js';
import { TermsService } from '../congress/index.js';
import { AssessmentEntry } from './assessment-entry.entity.js';
import { Assessment } from './assessment.entity.js';
import { AssessmentErrorCode, AssessmentException } from './assessment.exception.js';
import { autoVerdicts } from './assessment-rule.js';
import { CRITERIA, criterionByCode } from './criteria.js';
import type { JudgeCriterionDto } from './dto/assessment.dto.js';
import { AssessmentResponse, CriterionResponse } from './dto/assessment.responses.js';
import { FactsService } from './facts.service.js';
import { AssessmentStatus } from './verdict.js';

/**
 * 职代会质量评估: a term's yearly checklist (criteria.ts), its automatic verdicts gathered from
 * the owning modules (facts.service.ts, judged by assessment-rule.ts), staff's verdicts and
 * overrides, completion that freezes a version, and corrections as new versions.
 */
@Injectable()
export class AssessmentsService {
  constructor(
    @InjectRepository(Assessment) private readonly assessments: Repository<Assessment>,
    @InjectRepository(AssessmentEntry) private readonly entries: Repository<AssessmentEntry>,
    private readonly terms: TermsService,
    private readonly facts: FactsService,
    private readonly clock: Clock,
  ) {}

  async list(termId: string): Promise<AssessmentResponse[]> {
    await this.terms.get(termId);
    const all = await this.assessments.find({
      where: { termId },
      order: { year: 'DESC', version: 'DESC' },
    });
    return Promise.all(all.map((a) => this.view(a)));
  }

  async detail(id: string): Promise<AssessmentResponse> {
    return this.view(await this.get(id));
  }

  /** The year's first version, with the automatic verdicts filled in. */
  async create(termId: string, year: number, by: string): Promise<AssessmentResponse> {
    await this.terms.get(termId);
    if (await this.assessments.existsBy({ termId, year }))
      throw new AssessmentException(AssessmentErrorCode.Exists, { year });
    const saved = await this.assessments.manager.transaction(async (m) => {
      const a = await m.save(
        m.create(Assessment, {
          termId,
          year,
          version: 1,
          createdBy: by,
          factsAt: this.clock.now(),
        }),
      );
      await m.save(
        CRITERIA.map((c) => m.create(AssessmentEntry, { assessmentId: a.id, code: c.code })),
      );
      await this.fill(a, m);
      return a;
    });
    return this.detail(saved.id);
  }

  /** Gathers the figures again and replaces the automatic verdicts of an open version. */
  async refresh(id: string): Promise<AssessmentResponse> {
    const a = await this.open(id);
    await this.assessments.manager.transaction((m) => this.fill(a, m));
    return this.detail(id);
  }

  /**
   * Staff's verdict on one criterion. A criterion judged by hand needs a note; changing an
   * automatic verdict needs a reason, kept beside the automatic verdict (which stays).
   */
  async judge(
    id: string,
    code: string,
    dto: JudgeCriterionDto,
    by: string,
  ): Promise<AssessmentResponse> {
    await this.open(id);
    const criterion = criterionByCode(code);
    const entry = await this.entries.findOneBy({ assessmentId: id, code });
    if (!criterion || !entry) throw new AssessmentException(AssessmentErrorCode.CriterionNotFound);
    const overrides = criterion.auto && dto.verdict !== entry.autoVerdict;
    if (overrides && !dto.reason)
      throw new AssessmentException(AssessmentErrorCode.ReasonRequired, { field: 'reason' });
    if (!criterion.auto && !dto.note)
      throw new AssessmentException(AssessmentErrorCode.NoteRequired, { field: 'note' });
    entry.staffVerdict = dto.verdict;
    entry.note = dto.note ?? null;
    entry.overrideReason = overrides ? dto.reason! : null;
    entry.judgedBy = by;
    entry.judgedAt = this.clock.now();
    await this.entries.save(entry);
    return this.detail(id);
  }

  /** 完成评估: every criterion has a verdict; the version is frozen from now on. */
  async complete(id: string, by: string): Promise<AssessmentResponse> {
    const a = await this.open(id);
    const view = await this.view(a);
    const unjudged = view.criteria.filter((c) => c.verdict === null).map((c) => c.code);
    if (unjudged.length)
      throw new AssessmentException(AssessmentErrorCode.Unjudged, { codes: unjudged });
    a.status = AssessmentStatus.Completed;
    a.completedAt = this.clock.now();
    a.completedBy = by;
    await this.assessments.save(a);
    return this.detail(id);
  }

  /**
   * A correction of the latest completed version: a new open version carrying the staff's
   * verdicts, notes and reasons, with the automatic verdicts gathered afresh.
   */
  async revise(id: string, by: string): Promise<AssessmentResponse> {
    const old = await this.get(id);
    if (old.status !== AssessmentStatus.Completed)
      throw new AssessmentException(AssessmentErrorCode.NotCompleted);
    if (await this.isSuperseded(old)) throw new AssessmentException(AssessmentErrorCode.Superseded);
    const carried = await this.entries.findBy({ assessmentId: id });
    const saved = await this.assessments.manager.transaction(async (m) => {
      const a = await m.save(
        m.create(Assessment, {
          termId: old.termId,
          year: old.year,
          version: old.version + 1,
          supersedesId: old.id,
          createdBy: by,
          factsAt: this.clock.now(),
        }),
      );
      await m.save(
        carried.map((e) =>
          m.create(AssessmentEntry, {
            assessmentId: a.id,
            code: e.code,
            staffVerdict: e.staffVerdict,
            note: e.note,
            overrideReason: e.overrideReason,
            judgedBy: e.judgedBy,
            judgedAt: e.judgedAt,
          }),
        ),
      );
      await this.fill(a, m);
      return a;
    });
    return this.detail(saved.id);
  }

  async get(id: string): Promise<Assessment> {
    const a = await this.assessments.findOneBy({ id });
    if (!a) throw new AssessmentException(AssessmentErrorCode.NotFound);
    return a;
  }

  private async open(id: string): Promise<Assessment> {
    const a = await this.get(id);
    if (a.status !== AssessmentStatus.Open)
      throw new AssessmentException(AssessmentErrorCode.Completed);
    return a;
  }

  private isSuperseded(a: Assessment): Promise<boolean> {
    return this.assessments.existsBy({ supersedesId: a.id });
  }

  /** The automatic criteria's verdicts and evidence from the figures as they are now. */
  private async fill(a: Assessment, m: EntityManager): Promise<void> {
    const now = this.clock.now();
    const verdicts = autoVerdicts(await this.facts.gather(a.termId, a.year), now);
    for (const [code, v] of Object.entries(verdicts))
      await m.update(
        AssessmentEntry,
        { assessmentId: a.id, code },
        { autoVerdict: v.verdict, autoEvidence: v.evidence },
      );
    await m.update(Assessment, { id: a.id }, { factsAt: now });
    a.factsAt = now;
  }

  private async view(a: Assessment): Promise<AssessmentResponse> {
    const [entries, superseded] = await Promise.all([
      this.entries.findBy({ assessmentId: a.id }),
      this.isSuperseded(a),
    ]);
    const byCode = new Map(entries.map((e) => [e.code, e]));
    return AssessmentResponse.of(
      a,
      CRITERIA.map((c) => CriterionResponse.of(c, byCode.get(c.code))),
      superseded,
    );
  }
}
