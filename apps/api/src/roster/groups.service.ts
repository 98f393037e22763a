import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { TermsService } from '../congress/terms.service.js';
import { Delegate } from './delegate.entity.js';
import { DelegationGroup } from './delegation-group.entity.js';
import type { CreateGroupDto, UpdateGroupDto } from './dto/group.dto.js';
import { RosterErrorCode, RosterException } from './roster.exception.js';
import { DelegateStatus, RosterKind } from './roster.enums.js';

@Injectable()
export class GroupsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly terms: TermsService,
  ) {}

  async list(termId: string): Promise<{ group: DelegationGroup; serving: number }[]> {
    await this.terms.get(termId);
    const groups = await this.db
      .getRepository(DelegationGroup)
      .find({ where: { termId }, order: { sortOrder: 'ASC', name: 'ASC' } });
    const counts: { group_id: string; n: string }[] = await this.db.query(
      `SELECT group_id, count(*) AS n FROM delegates WHERE term_id = $1 AND status = $2 AND kind = $3 GROUP BY group_id`,
      [termId, DelegateStatus.Serving, RosterKind.Delegate],
    );
    const byGroup = new Map(counts.map((c) => [c.group_id, Number(c.n)]));
    return groups.map((group) => ({ group, serving: byGroup.get(group.id) ?? 0 }));
  }

  async get(id: string): Promise<DelegationGroup> {
    const group = await this.db.getRepository(DelegationGroup).findOneBy({ id });
    if (!group) throw new RosterException(RosterErrorCode.GroupNotFound);
    return group;
  }

  async create(termId: string, dto: CreateGroupDto): Promise<DelegationGroup> {
    await this.terms.get(termId);
    const repo = this.db.getRepository(DelegationGroup);
    if (await repo.existsBy({ termId, name: dto.name }))
      throw new RosterException(RosterErrorCode.GroupNameTaken);
    return repo.save(repo.create({ termId, name: dto.name, sortOrder: dto.sortOrder ?? 0 }));
  }

  async update(id: string, dto: UpdateGroupDto): Promise<DelegationGroup> {
    const group = await this.get(id);
    const repo = this.db.getRepository(DelegationGroup);
    if (dto.name !== undefined && dto.name !== group.name) {
      if (await repo.existsBy({ termId: group.termId, name: dto.name })) {
        throw new RosterException(RosterErrorCode.GroupNameTaken);
      }
      group.name = dto.name;
    }
    if (dto.sortOrder !== undefined) group.sortOrder = dto.sortOrder;
    if (dto.headDelegateId !== undefined) {
      if (dto.headDelegateId !== null) {
        const head = await this.db.getRepository(Delegate).findOneBy({
          id: dto.headDelegateId,
          groupId: group.id,
          status: DelegateStatus.Serving,
          kind: RosterKind.Delegate,
        });
        if (!head) throw new RosterException(RosterErrorCode.HeadNotInGroup);
      }
      group.headDelegateId = dto.headDelegateId;
    }
    return repo.save(group);
  }
}
