import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Between, In, IsNull, Not, Repository } from 'typeorm';
import { Clock } from '../common/clock.js';
import { shanghaiDay } from '../common/time.js';
import { DepartmentsService } from '../departments/departments.service.js';
import type { CreatePlanEntryDto } from './dto/openness.dto.js';
import { OpennessItem } from './item.entity.js';
import { PlanState } from './openness.enums.js';
import { OpennessErrorCode, OpennessException } from './openness.exception.js';
import { planState } from './openness-rules.js';
import { OpennessPlanEntry } from './plan-entry.entity.js';
import { UnitsService } from './units.service.js';

export interface PlanLine {
  entry: OpennessPlanEntry;
  state: PlanState;
  /** The first publication of an item fulfilling this line, if any. */
  publishedAt: Date | null;
  itemIds: string[];
}

/** 年度公开计划: lines by month and unit, and the dashboard of what was published on time. */
@Injectable()
export class PlanService {
  constructor(
    @InjectRepository(OpennessPlanEntry) private readonly entries: Repository<OpennessPlanEntry>,
    @InjectRepository(OpennessItem) private readonly items: Repository<OpennessItem>,
    private readonly units: UnitsService,
    private readonly departments: DepartmentsService,
    private readonly clock: Clock,
  ) {}

  async create(dto: CreatePlanEntryDto): Promise<OpennessPlanEntry> {
    await this.units.get(dto.unitId);
    if (!(await this.departments.byIds([dto.departmentId])).length)
      throw new OpennessException(OpennessErrorCode.DepartmentNotFound, { field: 'departmentId' });
    return this.entries.save(this.entries.create({ ...dto }));
  }

  /** The year's lines, each with its state now (pure rule: openness-rules.ts planState). */
  async dashboard(year: number): Promise<PlanLine[]> {
    const entries = await this.entries.find({
      where: { year },
      order: { month: 'ASC', createdAt: 'ASC' },
    });
    const items = entries.length
      ? await this.items.find({
          where: { planEntryId: In(entries.map((e) => e.id)) },
          order: { publishedAt: 'ASC' },
        })
      : [];
    const now = this.clock.now();
    return entries.map((entry) => {
      const mine = items.filter((i) => i.planEntryId === entry.id);
      const publishedAt = mine.find((i) => i.publishedAt)?.publishedAt ?? null;
      return {
        entry,
        state: planState(entry, publishedAt, now),
        publishedAt,
        itemIds: mine.map((i) => i.id),
      };
    });
  }

  /**
   * 到期未公开 for the board: the lines of these units whose month is over with nothing
   * published, in this year (Asia/Shanghai) and the one before, so December's gaps still show in
   * January.
   */
  async dueUnpublished(unitIds: string[]): Promise<PlanLine[]> {
    if (unitIds.length === 0) return [];
    const year = Number(shanghaiDay(this.clock.now()).slice(0, 4));
    const lines = [...(await this.dashboard(year - 1)), ...(await this.dashboard(year))];
    const readable = new Set(unitIds);
    return lines.filter((l) => l.state === PlanState.Missing && readable.has(l.entry.unitId));
  }

  async entry(id: string): Promise<OpennessPlanEntry | null> {
    return this.entries.findOneBy({ id });
  }

  /** Items published for a year (by the first day on the board), for the records list. */
  publishedIn(year: number): Promise<OpennessItem[]> {
    return this.items.find({
      where: { publishedAt: Not(IsNull()), publishFrom: Between(`${year}-01-01`, `${year}-12-31`) },
      order: { publishedAt: 'ASC' },
    });
  }
}
