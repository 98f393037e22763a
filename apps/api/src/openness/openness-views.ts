import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { DepartmentsService } from '../departments/departments.service.js';
import { OpennessAttachment } from './attachment.entity.js';
import type { OpennessItem } from './item.entity.js';
import type { OpennessMeasure } from './measure.entity.js';
import type { OpennessOpinion } from './opinion.entity.js';
import { OpinionsService } from './opinions.service.js';
import { publicationDue } from './openness-rules.js';
import { PlanService } from './plan.service.js';
import type { OpennessUnit } from './unit.entity.js';
import { UnitsService } from './units.service.js';

/** An item with what its screens show beside it: names, files, opinions, measures, due day. */
export interface ItemBundle {
  item: OpennessItem;
  unit: OpennessUnit;
  departmentName: string;
  dueOn: string | null;
  attachments: OpennessAttachment[];
  opinions: OpennessOpinion[];
  measures: (OpennessMeasure & { departmentName: string })[];
}

@Injectable()
export class OpennessViews {
  constructor(
    @InjectRepository(OpennessAttachment) private readonly files: Repository<OpennessAttachment>,
    private readonly units: UnitsService,
    private readonly departments: DepartmentsService,
    private readonly opinions: OpinionsService,
    private readonly plan: PlanService,
  ) {}

  /** Bundles for a list (attachments, opinions and measures left empty: the detail has them). */
  async list(items: OpennessItem[]): Promise<ItemBundle[]> {
    const [units, names] = await Promise.all([
      this.units.names(),
      this.departmentNames(items.map((i) => i.departmentId)),
    ]);
    const plans = new Map<string, { year: number; month: number }>();
    for (const id of new Set(items.map((i) => i.planEntryId).filter((x) => x !== null))) {
      const entry = await this.plan.entry(id);
      if (entry) plans.set(id, entry);
    }
    return items.map((item) => ({
      item,
      unit: units.get(item.unitId)!,
      departmentName: names.get(item.departmentId) ?? '',
      dueOn: publicationDue({
        plan: item.planEntryId ? (plans.get(item.planEntryId) ?? null) : null,
        eventOn: item.eventOn,
        withinDays: item.withinDays,
      }),
      attachments: [],
      opinions: [],
      measures: [],
    }));
  }

  async one(item: OpennessItem): Promise<ItemBundle> {
    const [bundle] = await this.list([item]);
    const [attachments, opinions, measures] = await Promise.all([
      this.files.find({ where: { itemId: item.id }, order: { uploadedAt: 'ASC', id: 'ASC' } }),
      this.opinions.opinionsOf(item.id),
      this.opinions.measuresOf(item.id),
    ]);
    const names = await this.departmentNames(measures.map((m) => m.departmentId));
    return {
      ...bundle!,
      attachments,
      opinions,
      measures: measures.map((m) => ({ ...m, departmentName: names.get(m.departmentId) ?? '' })),
    };
  }

  async departmentNames(ids: string[]): Promise<Map<string, string>> {
    const found = await this.departments.byIds([...new Set(ids)]);
    return new Map(found.map((d) => [d.id, d.name]));
  }

  /** Only the files a published item froze (a published item cannot gain files, but be exact). */
  frozenFiles(bundle: ItemBundle): OpennessAttachment[] {
    const ids = new Set(bundle.item.content?.attachments.map((a) => a.id) ?? []);
    return bundle.attachments.filter((a) => ids.has(a.id));
  }
}
