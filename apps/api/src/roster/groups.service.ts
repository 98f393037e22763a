import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { type EntityManager, In, Repository } from 'typeorm';
import { TermsService } from '../congress/terms.service.js';
import { Delegate } from './delegate.entity.js';
import { DelegationGroup } from './delegation-group.entity.js';
import type { CreateGroupDto, UpdateGroupDto } from './dto/group.dto.js';
import { RosterErrorCode, RosterException } from './roster.exception.js';
import { SERVING_VOTER, servingVoterSql } from './seat-rules.js';

@Injectable()
export class GroupsService {
  constructor(
    @InjectRepository(DelegationGroup) private readonly groups: Repository<DelegationGroup>,
    @InjectRepository(Delegate) private readonly delegates: Repository<Delegate>,
    private readonly terms: TermsService,
  ) {}

  async list(termId: string): Promise<{ group: DelegationGroup; serving: number }[]> {
    await this.terms.get(termId);
    const groups = await this.groups.find({
      where: { termId },
      order: { sortOrder: 'ASC', name: 'ASC' },
    });
    const counts: { group_id: string; n: string }[] = await this.delegates.query(
      `SELECT d.group_id, count(*) AS n FROM delegates d
        WHERE d.term_id = $1 AND ${servingVoterSql('d')} GROUP BY d.group_id`,
      [termId],
    );
    const byGroup = new Map(counts.map((c) => [c.group_id, Number(c.n)]));
    return groups.map((group) => ({ group, serving: byGroup.get(group.id) ?? 0 }));
  }

  /** The groups among these ids (for the names other modules show). */
  byIds(ids: string[], m: EntityManager = this.groups.manager): Promise<DelegationGroup[]> {
    return ids.length ? m.findBy(DelegationGroup, { id: In(ids) }) : Promise.resolve([]);
  }

  async get(id: string): Promise<DelegationGroup> {
    const group = await this.groups.findOneBy({ id });
    if (!group) throw new RosterException(RosterErrorCode.GroupNotFound);
    return group;
  }

  async create(termId: string, dto: CreateGroupDto): Promise<DelegationGroup> {
    await this.terms.get(termId);
    if (await this.groups.existsBy({ termId, name: dto.name }))
      throw new RosterException(RosterErrorCode.GroupNameTaken);
    return this.groups.save(
      this.groups.create({ termId, name: dto.name, sortOrder: dto.sortOrder ?? 0 }),
    );
  }

  async update(id: string, dto: UpdateGroupDto): Promise<DelegationGroup> {
    const group = await this.get(id);
    if (dto.name !== undefined && dto.name !== group.name) {
      if (await this.groups.existsBy({ termId: group.termId, name: dto.name })) {
        throw new RosterException(RosterErrorCode.GroupNameTaken);
      }
      group.name = dto.name;
    }
    if (dto.sortOrder !== undefined) group.sortOrder = dto.sortOrder;
    if (dto.headDelegateId !== undefined) {
      if (dto.headDelegateId !== null) {
        const head = await this.delegates.findOneBy({
          id: dto.headDelegateId,
          groupId: group.id,
          ...SERVING_VOTER,
        });
        if (!head) throw new RosterException(RosterErrorCode.HeadNotInGroup);
      }
      group.headDelegateId = dto.headDelegateId;
    }
    return this.groups.save(group);
  }
}
