import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { type EntityManager, LessThan, Repository } from 'typeorm';
import { AuditEntry } from './audit-entry.entity.js';

export interface AuditActor {
  id: string | null;
  username: string;
  role: string;
}

export interface AuditRecord {
  actor: AuditActor;
  action: string;
  target?: string | null;
  details?: Record<string, unknown> | null;
  ip?: string | null;
}

@Injectable()
export class AuditService {
  constructor(@InjectRepository(AuditEntry) private readonly entries: Repository<AuditEntry>) {}

  /** Appends one entry; pass the transaction's manager to make it part of the change it records. */
  async record(r: AuditRecord, manager: EntityManager = this.entries.manager): Promise<void> {
    await manager.insert(AuditEntry, {
      actorId: r.actor.id,
      actorUsername: r.actor.username,
      actorRole: r.actor.role,
      action: r.action,
      target: r.target ?? null,
      details: (r.details ?? null) as object | null,
      ip: r.ip ?? null,
    });
  }

  /** Newest first, paged by id. */
  list(limit: number, beforeId?: string): Promise<AuditEntry[]> {
    return this.entries.find({
      where: beforeId ? { id: LessThan(beforeId) } : {},
      order: { id: 'DESC' },
      take: limit,
    });
  }
}
