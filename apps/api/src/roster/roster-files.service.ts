import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { TermsService } from '../congress/terms.service.js';
import { Delegate } from './delegate.entity.js';
import { DelegationGroup } from './delegation-group.entity.js';
import type { ExportFormat } from '../common/dto/export-format.dto.js';
import { buildRosterCsv, buildRosterExport, buildRosterTemplate } from './import/index.js';

@Injectable()
export class RosterFilesService {
  constructor(
    @InjectRepository(Delegate) private readonly delegates: Repository<Delegate>,
    @InjectRepository(DelegationGroup) private readonly groups: Repository<DelegationGroup>,
    private readonly terms: TermsService,
  ) {}

  async template(termId: string): Promise<Buffer> {
    await this.terms.get(termId);
    const groups = await this.groups.find({ where: { termId }, order: { sortOrder: 'ASC' } });
    return buildRosterTemplate({ groups: groups.map((g) => g.name) });
  }

  async export(termId: string, format: ExportFormat = 'xlsx'): Promise<Buffer> {
    const term = await this.terms.get(termId);
    const groups = await this.groups.findBy({ termId });
    const groupName = new Map(groups.map((g) => [g.id, g.name]));
    const heads = new Set(groups.map((g) => g.headDelegateId));
    const delegates = await this.delegates.find({
      where: { termId },
      order: { kind: 'DESC', employeeNumber: 'ASC' },
    });
    const rows = delegates.map((d) => ({
      name: d.name,
      employeeNumber: d.employeeNumber,
      gender: d.gender,
      groupName: d.groupId ? (groupName.get(d.groupId) ?? null) : null,
      unit: d.unit,
      category: d.category,
      dispatched: d.dispatched,
      kind: d.kind,
      presidium: d.presidium,
      teller: d.teller,
      groupHead: heads.has(d.id),
      phone: d.phone,
      note: d.note,
      status: d.status,
      termStart: term.startsOn,
      termEnd: term.endsOn,
    }));
    return format === 'csv'
      ? buildRosterCsv(rows)
      : buildRosterExport(rows, `${term.name}代表名册`);
  }
}
