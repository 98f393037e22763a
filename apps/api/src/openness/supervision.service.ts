import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Between, In, Repository } from 'typeorm';
import type { AuthContext } from '../auth/auth-context.js';
import { Clock } from '../common/clock.js';
import { daysBetween, shanghaiDay } from '../common/time.js';
import { DepartmentsService } from '../departments/departments.service.js';
import { NotificationsService } from '../notifications/index.js';
import { Role } from '../users/role.enum.js';
import { OpennessCheck } from './check.entity.js';
import { OpennessItem } from './item.entity.js';
import { ItemStore } from './item-store.js';
import { OpennessMeasure } from './measure.entity.js';
import { OpennessNotice } from './notice.entity.js';
import { OpinionKind } from './openness.enums.js';
import { OpennessErrorCode, OpennessException } from './openness.exception.js';
import { OpennessOpinion } from './opinion.entity.js';
import { PlanService } from './plan.service.js';
import { type CheckPeriod, type Finding, runCheck } from './supervision-check.js';
import { FINDING_KIND_LABELS } from '../common/contracts.js';

/**
 * 监督检查小组: runs a check of a period over the records (the pure rule `runCheck`), keeps it
 * with its findings, and sends notices (通报) of them to the departments concerned, one per
 * check and department (a unique row), each to the department's users' inboxes.
 */
@Injectable()
export class SupervisionService {
  constructor(
    @InjectRepository(OpennessCheck) private readonly checks: Repository<OpennessCheck>,
    @InjectRepository(OpennessNotice) private readonly notices: Repository<OpennessNotice>,
    @InjectRepository(OpennessOpinion) private readonly opinions: Repository<OpennessOpinion>,
    @InjectRepository(OpennessMeasure) private readonly measures: Repository<OpennessMeasure>,
    @InjectRepository(OpennessItem) private readonly items: Repository<OpennessItem>,
    private readonly plan: PlanService,
    private readonly store: ItemStore,
    private readonly departments: DepartmentsService,
    private readonly notifications: NotificationsService,
    private readonly clock: Clock,
  ) {}

  async run(auth: AuthContext, period: CheckPeriod): Promise<OpennessCheck> {
    const now = this.clock.now();
    if (
      period.to < period.from ||
      period.to > shanghaiDay(now) ||
      daysBetween(period.from, period.to) > 366
    )
      throw new OpennessException(OpennessErrorCode.CheckPeriod, { field: 'to' });
    const findings = runCheck(period, await this.records(period), now);
    return this.checks.save(
      this.checks.create({
        periodFrom: period.from,
        periodTo: period.to,
        runBy: auth.userId,
        runAt: now,
        findings,
      }),
    );
  }

  list(): Promise<OpennessCheck[]> {
    return this.checks.find({ order: { runAt: 'DESC' } });
  }

  async get(id: string): Promise<OpennessCheck> {
    const check = await this.checks.findOneBy({ id });
    if (!check) throw new OpennessException(OpennessErrorCode.CheckNotFound);
    return check;
  }

  /**
   * 通报: one notice per department with findings, to its users' inboxes. Sending again sends
   * only to departments not yet notified of this check (none, normally); returns the check's
   * notices.
   */
  async sendNotices(auth: AuthContext, checkId: string): Promise<OpennessNotice[]> {
    const check = await this.get(checkId);
    const byDepartment = new Map<string, Finding[]>();
    for (const f of check.findings.findings)
      byDepartment.set(f.departmentId, [...(byDepartment.get(f.departmentId) ?? []), f]);
    const now = this.clock.now();
    for (const [departmentId, findings] of byDepartment) {
      const users = await this.departments.users(departmentId);
      const push = await this.notices.manager.transaction(async (m) => {
        const inserted = (await m
          .createQueryBuilder()
          .insert()
          .into(OpennessNotice)
          .values({
            checkId,
            departmentId,
            body: noticeBody(check, findings),
            findings,
            sentBy: auth.userId,
            sentAt: now,
          })
          .orIgnore()
          .returning(['id'])
          .execute()) as { raw: { id: string }[] };
        // Already notified of this check (a second press, or another process).
        if (inserted.raw.length === 0) return null;
        return this.notifications.notify(
          users.map((u) => u.id),
          'openness.notice',
          `厂务公开监督检查通报（${check.periodFrom} 至 ${check.periodTo}）：本部门 ${findings.length} 项问题`,
          {
            noticeId: inserted.raw[0]!.id,
            checkId,
            findings: [...new Set(findings.map((f) => f.kind))],
          },
          m,
        );
      });
      push?.();
    }
    return this.notices.find({ where: { checkId }, order: { sentAt: 'ASC' } });
  }

  /** The notices a caller reads: staff and the group every one, a department its own. */
  async noticesFor(auth: AuthContext): Promise<OpennessNotice[]> {
    const where =
      auth.role === Role.Department ? { departmentId: await this.store.departmentOf(auth) } : {};
    return this.notices.find({ where, order: { sentAt: 'DESC' } });
  }

  /** What the rule reads: plan lines, questions and measures that may fall in the period. */
  private async records(period: CheckPeriod) {
    const years = [Number(period.from.slice(0, 4)), Number(period.to.slice(0, 4))];
    const lines = [];
    for (let y = years[0]!; y <= years[1]!; y++) lines.push(...(await this.plan.dashboard(y)));
    const questions = await this.opinions.findBy({
      kind: OpinionKind.Question,
      receivedOn: Between(period.from, period.to),
    });
    const measures = await this.measures.findBy({ dueOn: Between(period.from, period.to) });
    const itemIds = [...new Set([...questions, ...measures].map((r) => r.itemId))];
    const items = new Map(
      (itemIds.length ? await this.items.findBy({ id: In(itemIds) }) : []).map((i) => [i.id, i]),
    );
    return {
      lines: lines.map((l) => ({
        id: l.entry.id,
        year: l.entry.year,
        month: l.entry.month,
        title: l.entry.title,
        departmentId: l.entry.departmentId,
        publishedAt: l.publishedAt,
      })),
      questions: questions.map((q) => ({
        id: q.id,
        itemId: q.itemId,
        itemTitle: items.get(q.itemId)!.title,
        departmentId: items.get(q.itemId)!.departmentId,
        receivedOn: q.receivedOn,
        answeredAt: q.answeredAt,
      })),
      measures: measures.map((m) => ({
        id: m.id,
        itemId: m.itemId,
        itemTitle: items.get(m.itemId)!.title,
        description: m.description,
        departmentId: m.departmentId,
        dueOn: m.dueOn,
        doneAt: m.doneAt,
      })),
    };
  }
}

/** The notice's text: the period, then one line per finding. */
function noticeBody(check: OpennessCheck, findings: Finding[]): string {
  const lines = findings.map(
    (f, i) => `${i + 1}. 【${FINDING_KIND_LABELS[f.kind]}】${f.subject}：${f.detail}`,
  );
  return [
    `厂务公开监督检查小组对 ${check.periodFrom} 至 ${check.periodTo} 的厂务公开工作进行了检查，发现本部门存在以下问题，请及时整改：`,
    ...lines,
  ].join('\n');
}
