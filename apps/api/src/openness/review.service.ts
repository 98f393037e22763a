import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { AuthContext } from '../auth/auth-context.js';
import { canonicalJson } from '../common/canonical-json.js';
import { Clock } from '../common/clock.js';
import { OpennessAttachment } from './attachment.entity.js';
import type { ApproveItemDto, CloseItemDto, ReturnItemDto } from './dto/openness.dto.js';
import { type FrozenContent, OpennessItem } from './item.entity.js';
import { ItemStore } from './item-store.js';
import { MeasureStatus, OpinionKind } from './openness.enums.js';
import { OpennessErrorCode, OpennessException } from './openness.exception.js';
import { OpennessMeasure } from './measure.entity.js';
import { OpennessOpinion } from './opinion.entity.js';
import {
  assertAction,
  assertMove,
  type OpennessAction,
  OpennessStatus,
} from './openness-status.js';
import type { EntityManager } from 'typeorm';
import { IsNull } from 'typeorm';

/** SHA-256 of the canonical JSON of what is published. */
export const contentHash = (content: FrozenContent) =>
  createHash('sha256').update(canonicalJson(content)).digest('hex');

/**
 * The leading group's steps (staff act for it): 审查 (approve with time, scope and form, or
 * return with a reason), 公开 (publish: freeze and hash), closing the opinion box, and closing
 * the item once every question is answered and every measure done.
 */
@Injectable()
export class ReviewService {
  constructor(
    private readonly store: ItemStore,
    private readonly clock: Clock,
  ) {}

  approve(auth: AuthContext, id: string, dto: ApproveItemDto): Promise<OpennessItem> {
    if (dto.publishUntil < dto.publishFrom)
      throw new OpennessException(OpennessErrorCode.BadPeriod, { field: 'publishUntil' });
    return this.step(id, 'review', OpennessStatus.Approved, (item) => {
      Object.assign(item, {
        publishFrom: dto.publishFrom,
        publishUntil: dto.publishUntil,
        scope: dto.scope,
        form: dto.form,
        reviewedBy: auth.userId,
        reviewedAt: this.clock.now(),
        returnReason: null,
      });
    });
  }

  return(auth: AuthContext, id: string, dto: ReturnItemDto): Promise<OpennessItem> {
    return this.step(id, 'review', OpennessStatus.Returned, (item) => {
      Object.assign(item, {
        reviewedBy: auth.userId,
        reviewedAt: this.clock.now(),
        returnReason: dto.reason,
      });
    });
  }

  /** 公开: what is published (text, level, period, files by hash) is frozen and hashed. */
  publish(id: string): Promise<OpennessItem> {
    return this.step(id, 'publish', OpennessStatus.Published, async (item, m) => {
      const files = await m.find(OpennessAttachment, {
        where: { itemId: item.id },
        order: { uploadedAt: 'ASC', id: 'ASC' },
      });
      const content: FrozenContent = {
        title: item.title,
        body: item.body,
        category: item.category,
        categoryLabel: item.categoryLabel,
        unitId: item.unitId,
        publishFrom: item.publishFrom!,
        publishUntil: item.publishUntil!,
        scope: item.scope!,
        form: item.form!,
        attachments: files.map((f) => ({ id: f.id, filename: f.filename, sha256: f.sha256 })),
      };
      item.content = content;
      item.contentSha256 = contentHash(content);
      item.publishedAt = this.clock.now();
    });
  }

  /** 评议 ends: the box closes; answers and measures go on (整改). */
  closeOpinions(id: string): Promise<OpennessItem> {
    return this.step(id, 'closeOpinions', OpennessStatus.Rectifying, (item) => {
      item.opinionsClosedAt = this.clock.now();
    });
  }

  close(id: string, dto: CloseItemDto): Promise<OpennessItem> {
    return this.step(id, 'close', OpennessStatus.Closed, async (item, m) => {
      if (
        await m.existsBy(OpennessOpinion, {
          itemId: id,
          kind: OpinionKind.Question,
          answer: IsNull(),
        })
      )
        throw new OpennessException(OpennessErrorCode.Unanswered);
      if (await m.existsBy(OpennessMeasure, { itemId: id, status: MeasureStatus.Open }))
        throw new OpennessException(OpennessErrorCode.MeasuresOpen);
      item.outcome = dto.outcome;
      item.closedAt = this.clock.now();
    });
  }

  /** One staff step: lock, check the action, change, move. */
  private step(
    id: string,
    action: OpennessAction,
    to: OpennessStatus,
    change: (item: OpennessItem, m: EntityManager) => void | Promise<void>,
  ): Promise<OpennessItem> {
    return this.store.transaction(async (m) => {
      const item = await this.store.lock(m, id);
      assertAction(item.status, action);
      assertMove(item.status, to);
      await change(item, m);
      item.status = to;
      return m.save(OpennessItem, item);
    });
  }
}
