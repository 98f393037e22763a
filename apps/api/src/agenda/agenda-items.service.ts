import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { type EntityManager, IsNull, Repository } from 'typeorm';
import { Clock } from '../common/clock.js';
import type { FieldError } from '../common/errors/app.exception.js';
import { SessionStatus } from '../congress/session-status.js';
import { SessionsService } from '../congress/sessions.service.js';
import { AGENDA_KIND_LABELS, AgendaItemKind, VOTED_KINDS } from './agenda.enums.js';
import { AgendaErrorCode, AgendaException } from './agenda.exception.js';
import { AgendaDocument } from './agenda-document.entity.js';
import { AgendaItem } from './agenda-item.entity.js';
import type {
  CreateAgendaItemDto,
  UpdateAgendaItemDto,
  VoteSpecDto,
} from './dto/agenda-item.dto.js';
import { MOTION_OPTIONS, type VoteSpec } from './vote-spec.js';

/** Statuses in which the working agenda may still change (a late item needs presidium approval). */
const EDITABLE = new Set([
  SessionStatus.Draft,
  SessionStatus.Preparing,
  SessionStatus.Circulated,
  SessionStatus.InSession,
]);

@Injectable()
export class AgendaItemsService {
  constructor(
    @InjectRepository(AgendaItem) private readonly items: Repository<AgendaItem>,
    private readonly sessions: SessionsService,
    private readonly clock: Clock,
  ) {}

  /** The working agenda, in order, with each item's attached documents. */
  async list(sessionId: string, manager: EntityManager = this.items.manager) {
    await this.sessions.get(sessionId, manager);
    const items = await manager.find(AgendaItem, {
      where: { sessionId, withdrawn: false },
      order: { position: 'ASC' },
    });
    const docs = items.length
      ? await manager
          .createQueryBuilder(AgendaDocument, 'd')
          .where('d.item_id IN (:...ids) AND d.detached_at IS NULL', {
            ids: items.map((i) => i.id),
          })
          .orderBy('d.created_at')
          .getMany()
      : [];
    return items.map((item) => ({ item, documents: docs.filter((d) => d.itemId === item.id) }));
  }

  async get(id: string, manager: EntityManager = this.items.manager): Promise<AgendaItem> {
    const item = await manager.findOneBy(AgendaItem, { id, withdrawn: false });
    if (!item) throw new AgendaException(AgendaErrorCode.ItemNotFound);
    return item;
  }

  async create(sessionId: string, dto: CreateAgendaItemDto): Promise<AgendaItem> {
    return this.items.manager.transaction(async (m) => {
      await this.editableSession(sessionId, m);
      const count = await m.countBy(AgendaItem, { sessionId, withdrawn: false });
      const position = Math.min(dto.position ?? count + 1, count + 1);
      await m.query(
        `UPDATE agenda_items SET position = position + 1 WHERE session_id = $1 AND NOT withdrawn AND position >= $2`,
        [sessionId, position],
      );
      return m.save(
        AgendaItem,
        m.create(AgendaItem, {
          sessionId,
          position,
          kind: dto.kind,
          title: dto.title,
          description: dto.description ?? '',
          presenter: dto.presenter ?? null,
          voteSpec: voteSpecFor(dto.kind, dto.vote),
          proposalIds: dto.proposalIds ?? [],
        }),
      );
    });
  }

  async update(id: string, dto: UpdateAgendaItemDto): Promise<AgendaItem> {
    return this.items.manager.transaction(async (m) => {
      const item = await this.get(id, m);
      await this.editableSession(item.sessionId, m);
      const kind = dto.kind ?? item.kind;
      if (dto.kind !== undefined || dto.vote !== undefined) {
        item.voteSpec = voteSpecFor(kind, dto.vote ?? specToDto(item.voteSpec), item.voteSpec);
      }
      item.kind = kind;
      if (dto.title !== undefined) item.title = dto.title;
      if (dto.description !== undefined) item.description = dto.description;
      if (dto.presenter !== undefined) item.presenter = dto.presenter;
      if (dto.proposalIds !== undefined) item.proposalIds = dto.proposalIds;
      if (dto.position !== undefined && dto.position !== item.position)
        await this.move(m, item, dto.position);
      return m.save(AgendaItem, item);
    });
  }

  /** Takes an item off the working agenda; versions already circulated keep it. */
  async withdraw(id: string): Promise<void> {
    await this.items.manager.transaction(async (m) => {
      const item = await this.get(id, m);
      await this.editableSession(item.sessionId, m);
      await m.update(AgendaItem, { id }, { withdrawn: true });
      await m.query(
        `UPDATE agenda_items SET position = position - 1 WHERE session_id = $1 AND NOT withdrawn AND position > $2`,
        [item.sessionId, item.position],
      );
      await m.update(
        AgendaDocument,
        { itemId: id, detachedAt: IsNull() },
        { detachedAt: this.clock.now() },
      );
    });
  }

  private async move(m: EntityManager, item: AgendaItem, to: number): Promise<void> {
    const count = await m.countBy(AgendaItem, { sessionId: item.sessionId, withdrawn: false });
    const target = Math.min(Math.max(1, to), count);
    const [lo, hi, shift] =
      target < item.position ? [target, item.position - 1, 1] : [item.position + 1, target, -1];
    await m.query(
      `UPDATE agenda_items SET position = position + $4 WHERE session_id = $1 AND NOT withdrawn AND position BETWEEN $2 AND $3`,
      [item.sessionId, lo, hi, shift],
    );
    item.position = target;
  }

  private async editableSession(sessionId: string, m: EntityManager) {
    const session = await this.sessions.get(sessionId, m);
    if (!EDITABLE.has(session.status))
      throw new AgendaException(AgendaErrorCode.SessionClosed, { status: session.status });
    return session;
  }
}

/** Checks the vote against the item's kind; candidates and persons get stable ids. */
export function voteSpecFor(
  kind: AgendaItemKind,
  dto: VoteSpecDto | undefined,
  previous?: VoteSpec | null,
): VoteSpec | null {
  const problems: FieldError[] = [];
  const fail = (field: string, error: string) =>
    problems.push({ field: `vote.${field}`, errors: [error] });
  let spec: VoteSpec | null = null;
  if (!VOTED_KINDS.has(kind)) {
    if (dto && Object.values(dto).some((v) => v !== undefined))
      fail('options', `「${AGENDA_KIND_LABELS[kind]}」类议程项不付诸表决`);
  } else if (kind === AgendaItemKind.Approve || kind === AgendaItemKind.Decide) {
    spec = { type: 'motion', options: dto?.options ?? MOTION_OPTIONS };
    if (new Set(spec.options).size !== spec.options.length) fail('options', '选项不能重复');
  } else if (kind === AgendaItemKind.Elect) {
    const candidates = dto?.candidates ?? [];
    if (!dto?.seats) fail('seats', '选举须写明应选人数');
    if (candidates.length === 0) fail('candidates', '选举须列出候选人');
    else if (dto?.seats && dto.seats > candidates.length) fail('seats', '应选人数多于候选人数');
    spec = { type: 'election', seats: dto?.seats ?? 0, candidates: withIds(candidates, previous) };
  } else {
    if (!dto?.persons?.length) fail('persons', '民主评议须列出被评议人');
    spec = {
      type: 'evaluation',
      scale: dto?.scale ?? 'satisfaction',
      persons: withIds(dto?.persons ?? [], previous).map(({ id, name, note }) => ({
        id,
        name,
        ...(note ? { position: note } : {}),
      })),
    };
  }
  if (problems.length) throw new AgendaException(AgendaErrorCode.BadVoteSpec, problems);
  return spec;
}

/** Keeps the id of a person already listed under the same name, so an edit does not reshuffle ballots. */
function withIds(people: { name: string; note?: string }[], previous?: VoteSpec | null) {
  const known = new Map<string, string>();
  if (previous?.type === 'election') previous.candidates.forEach((c) => known.set(c.name, c.id));
  if (previous?.type === 'evaluation') previous.persons.forEach((p) => known.set(p.name, p.id));
  return people.map((p) => ({
    id: known.get(p.name) ?? randomUUID(),
    name: p.name,
    ...(p.note ? { note: p.note } : {}),
  }));
}

function specToDto(spec: VoteSpec | null): VoteSpecDto | undefined {
  if (!spec) return undefined;
  if (spec.type === 'motion') return { options: spec.options };
  if (spec.type === 'election') return { seats: spec.seats, candidates: spec.candidates };
  return {
    scale: spec.scale,
    persons: spec.persons.map((p) => ({ name: p.name, note: p.position })),
  };
}
