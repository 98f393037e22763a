import { createHash } from 'node:crypto';
import type { UploadedFileData } from '../common/upload.js';
import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import type { AuthContext } from '../auth/auth-context.js';
import { Clock } from '../common/clock.js';
import { CommonErrorCode, CommonException } from '../common/errors/app.exception.js';
import { detectDocument, documentFilename, MAX_DOCUMENT_BYTES } from '../common/document-type.js';
import { OpennessAttachment } from './attachment.entity.js';
import type { CreateItemDto, UpdateItemDto } from './dto/openness.dto.js';
import { OpennessItem } from './item.entity.js';
import { ItemStore } from './item-store.js';
import { OpennessCategory, OpennessTiming } from './openness.enums.js';
import { OpennessErrorCode, OpennessException } from './openness.exception.js';
import { assertAction, assertMove, OpennessStatus } from './openness-status.js';
import { OpennessPlanEntry } from './plan-entry.entity.js';
import { UnitsService } from './units.service.js';

/** 提出: a department drafts an item, attaches its files, and submits it for review. */
@Injectable()
export class DraftingService {
  constructor(
    private readonly store: ItemStore,
    private readonly units: UnitsService,
    private readonly clock: Clock,
    @InjectRepository(OpennessAttachment) private readonly files: Repository<OpennessAttachment>,
    @InjectRepository(OpennessPlanEntry) private readonly plan: Repository<OpennessPlanEntry>,
  ) {}

  async create(auth: AuthContext, dto: CreateItemDto): Promise<OpennessItem> {
    const departmentId = await this.store.departmentOf(auth);
    const fields = await this.checked(dto);
    return this.store.items.save(
      this.store.items.create({
        ...fields,
        departmentId,
        status: OpennessStatus.Draft,
        draftedBy: auth.userId,
      }),
    );
  }

  async update(auth: AuthContext, id: string, dto: UpdateItemDto): Promise<OpennessItem> {
    return this.store.transaction(async (m) => {
      const item = await this.store.lock(m, id);
      await this.store.assertManages(auth, item);
      assertAction(item.status, 'edit');
      const fields = await this.checked({ ...this.asDto(item), ...dto });
      return m.save(OpennessItem, Object.assign(item, fields));
    });
  }

  async submit(auth: AuthContext, id: string): Promise<OpennessItem> {
    return this.store.transaction(async (m) => {
      const item = await this.store.lock(m, id);
      await this.store.assertManages(auth, item);
      assertAction(item.status, 'submit');
      assertMove(item.status, OpennessStatus.Submitted);
      item.status = OpennessStatus.Submitted;
      item.submittedAt = this.clock.now();
      return m.save(OpennessItem, item);
    });
  }

  /** PDF, DOCX, XLSX, PNG or JPEG up to 20 MB, judged by the bytes as agenda documents are. */
  async attach(
    auth: AuthContext,
    id: string,
    file: UploadedFileData | undefined,
  ): Promise<OpennessAttachment> {
    if (!file || file.buffer.length === 0) throw new OpennessException(OpennessErrorCode.FileEmpty);
    if (file.buffer.length > MAX_DOCUMENT_BYTES)
      throw new OpennessException(OpennessErrorCode.FileTooLarge);
    const type = await detectDocument(file.buffer);
    if ('detected' in type)
      throw new OpennessException(OpennessErrorCode.FileType, { detected: type.detected });
    return this.store.transaction(async (m) => {
      const item = await this.store.lock(m, id);
      await this.store.assertManages(auth, item);
      assertAction(item.status, 'edit');
      const saved = await m.save(
        OpennessAttachment,
        m.create(OpennessAttachment, {
          itemId: item.id,
          filename: documentFilename(file.originalname, type.ext),
          contentType: type.mime,
          size: file.buffer.length,
          sha256: createHash('sha256').update(file.buffer).digest('hex'),
          data: file.buffer,
          uploadedBy: auth.userId,
        }),
      );
      const { data: _data, ...meta } = saved;
      return meta as OpennessAttachment;
    });
  }

  async detach(auth: AuthContext, attachmentId: string): Promise<void> {
    const file = await this.files.findOneBy({ id: attachmentId });
    if (!file) throw new OpennessException(OpennessErrorCode.AttachmentNotFound);
    await this.store.transaction(async (m) => {
      const item = await this.store.lock(m, file.itemId);
      await this.store.assertManages(auth, item);
      assertAction(item.status, 'edit');
      await m.delete(OpennessAttachment, { id: attachmentId });
    });
  }

  /** A file's id and item, if the caller manages the item (else not found). */
  async readableFile(auth: AuthContext, attachmentId: string): Promise<OpennessAttachment> {
    const file = await this.files.findOneBy({ id: attachmentId });
    if (!file) throw new OpennessException(OpennessErrorCode.AttachmentNotFound);
    const item = await this.store.get(file.itemId);
    if (!(await this.store.reads(auth, item)))
      throw new OpennessException(OpennessErrorCode.AttachmentNotFound);
    return file;
  }

  /** The stored fields of a draft, after the checks a DTO cannot make alone. */
  private async checked(dto: CreateItemDto) {
    await this.units.get(dto.unitId);
    const periodic = dto.timing === OpennessTiming.Periodic;
    if (periodic && !(dto.planEntryId && (await this.plan.existsBy({ id: dto.planEntryId }))))
      throw new OpennessException(OpennessErrorCode.PlanEntryNotFound, { field: 'planEntryId' });
    return {
      title: dto.title,
      body: dto.body,
      category: dto.category,
      categoryLabel: dto.category === OpennessCategory.Other ? dto.categoryLabel! : null,
      unitId: dto.unitId,
      timing: dto.timing,
      planEntryId: periodic ? dto.planEntryId! : null,
      eventOn: periodic ? null : this.required(dto.eventOn, 'eventOn'),
      withinDays: periodic ? null : this.required(dto.withinDays, 'withinDays'),
      responsiblePerson: dto.responsiblePerson,
    };
  }

  /** A field an event item needs (an edit may switch timing without sending it). */
  private required<T>(value: T | undefined, field: string): T {
    if (value === undefined || value === null)
      throw new CommonException(
        CommonErrorCode.ValidationFailed,
        `输入有误：${field}`,
        HttpStatus.BAD_REQUEST,
        [{ field, errors: [`${field} 不能为空`] }],
      );
    return value;
  }

  private asDto(item: OpennessItem): CreateItemDto {
    return {
      title: item.title,
      body: item.body,
      category: item.category,
      categoryLabel: item.categoryLabel ?? undefined,
      unitId: item.unitId,
      timing: item.timing,
      planEntryId: item.planEntryId ?? undefined,
      eventOn: item.eventOn ?? undefined,
      withinDays: item.withinDays ?? undefined,
      responsiblePerson: item.responsiblePerson,
    };
  }
}
