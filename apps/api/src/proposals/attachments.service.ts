import type { UploadedFileData as UploadedFile } from '../common/upload.js';
import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Response } from 'express';
import { In, IsNull, Not, Repository } from 'typeorm';
import type { AuthContext } from '../auth/auth-context.js';
import {
  ATTACHMENT_TYPES,
  MAX_ATTACHMENT_BYTES,
  safeFilename,
  sniffAttachment,
} from './attachment-types.js';
import { AWAITING_ANSWER } from './proposal.enums.js';
import { Proposal } from './proposal.entity.js';
import { ProposalAssignment } from './proposal-assignment.entity.js';
import { ProposalAttachment } from './proposal-attachment.entity.js';
import { assertAction } from './proposal-status.js';
import { ProposalReadsService, type Viewer } from './proposal-reads.service.js';
import { ProposalCosignature } from './proposal-cosignature.entity.js';
import { Role } from '../users/role.enum.js';
import { ProposalStore } from './proposal-store.js';
import type { AttachmentMeta } from './proposal-views.js';
import { ProposalErrorCode, ProposalsException } from './proposals.exception.js';

/** Sends a stored file as a download, never rendered inline by the browser. */
export function sendAttachment(res: Response, file: AttachmentFile, cache: string): void {
  res.setHeader('Cache-Control', cache);
  res.type(file.contentType);
  res.attachment(file.filename);
  res.send(file.data);
}

/** An uploaded file as this service reads it: the shared shape plus multer's size. */
export interface UploadedFileData extends UploadedFile {
  size: number;
}

export interface AttachmentFile {
  filename: string;
  contentType: string;
  data: Buffer;
}

/** Per answer (the files uploaded for one round of one department). */
const MAX_FILES_PER_ANSWER = 10;

/** Answer attachments: uploaded by the department, then sent with its answer. */
@Injectable()
export class AttachmentsService {
  constructor(
    @InjectRepository(ProposalAttachment) private readonly files: Repository<ProposalAttachment>,
    @InjectRepository(ProposalAssignment)
    private readonly assignments: Repository<ProposalAssignment>,
    @InjectRepository(ProposalCosignature)
    private readonly cosignatures: Repository<ProposalCosignature>,
    @InjectRepository(Proposal) private readonly proposals: Repository<Proposal>,
    private readonly store: ProposalStore,
    private readonly reads: ProposalReadsService,
  ) {}

  async upload(
    auth: AuthContext,
    assignmentId: string,
    file: UploadedFileData | undefined,
  ): Promise<AttachmentMeta> {
    if (!file || file.size === 0) throw new ProposalsException(ProposalErrorCode.AttachmentMissing);
    if (file.size > MAX_ATTACHMENT_BYTES)
      throw new ProposalsException(ProposalErrorCode.AttachmentTooLarge);
    const type = sniffAttachment(file.buffer);
    if (!type) throw new ProposalsException(ProposalErrorCode.AttachmentType);
    return this.store.transaction(async (m) => {
      const a = await m.findOneBy(ProposalAssignment, { id: assignmentId });
      if (!a) throw new ProposalsException(ProposalErrorCode.AssignmentNotFound);
      if (a.departmentId !== (await this.store.departmentOf(auth)))
        throw new ProposalsException(ProposalErrorCode.NotYourDepartment);
      const p = await this.store.lock(m, a.proposalId);
      if (!AWAITING_ANSWER.includes(a.status))
        throw new ProposalsException(ProposalErrorCode.AlreadyAnswered);
      assertAction(p.status, 'handle');
      const pending = await m.countBy(ProposalAttachment, { assignmentId, answerId: IsNull() });
      if (pending >= MAX_FILES_PER_ANSWER)
        throw new ProposalsException(ProposalErrorCode.TooManyAttachments);
      const saved = await m.save(
        ProposalAttachment,
        m.create(ProposalAttachment, {
          assignmentId,
          answerId: null,
          filename: safeFilename(file.originalname, type),
          contentType: ATTACHMENT_TYPES[type].contentType,
          size: file.buffer.length,
          sha256: createHash('sha256').update(file.buffer).digest('hex'),
          data: file.buffer,
          uploadedBy: auth.userId,
        }),
      );
      const { data: _data, ...meta } = saved;
      return meta;
    });
  }

  /** An upload not yet sent with an answer may be taken back by its department. */
  async remove(auth: AuthContext, id: string): Promise<void> {
    const { file, assignment } = await this.find(id);
    if (assignment.departmentId !== (await this.store.departmentOf(auth)))
      throw new ProposalsException(ProposalErrorCode.NotYourDepartment);
    if (file.answerId) throw new ProposalsException(ProposalErrorCode.AttachmentSubmitted);
    await this.files.delete({ id, answerId: IsNull() });
  }

  /**
   * Sent attachments are read by whoever may read the proposal (staff, the proposer and
   * co-signers, the departments on it); a pending upload only by its own department.
   */
  async download(auth: AuthContext, id: string): Promise<AttachmentFile> {
    const { file, assignment } = await this.find(id);
    const viewer = await this.reads.viewer(auth);
    const allowed = file.answerId
      ? await this.mayDownload(viewer, await this.store.get(assignment.proposalId))
      : viewer.departmentId === assignment.departmentId;
    if (!allowed) throw new ProposalsException(ProposalErrorCode.AttachmentNotFound);
    return this.withData(file);
  }

  /**
   * Narrower than reading the proposal: other delegates of the term see it to co-sign, but
   * the files are for the committee, the proposer, the co-signers and the departments on it.
   */
  private async mayDownload(v: Viewer, p: Proposal): Promise<boolean> {
    switch (v.auth.role) {
      case Role.Staff:
      case Role.Secretary:
        return true;
      case Role.Delegate: {
        const seats = [...v.delegateIds!];
        if (seats.includes(p.proposerDelegateId)) return true;
        return (
          seats.length > 0 &&
          this.cosignatures.existsBy({
            proposalId: p.id,
            delegateId: In(seats),
            withdrawnAt: IsNull(),
          })
        );
      }
      case Role.Department:
        return (
          !!v.departmentId &&
          this.assignments.existsBy({ proposalId: p.id, departmentId: v.departmentId })
        );
      default:
        return false;
    }
  }

  /** The public board: only attachments of sent answers of published proposals. */
  async downloadPublished(id: string): Promise<AttachmentFile> {
    const { file, assignment } = await this.find(id);
    const published = await this.proposals.existsBy({
      id: assignment.proposalId,
      publishedAt: Not(IsNull()),
    });
    if (!file.answerId || !published)
      throw new ProposalsException(ProposalErrorCode.AttachmentNotFound);
    return this.withData(file);
  }

  private async find(id: string) {
    const file = await this.files.findOneBy({ id });
    if (!file) throw new ProposalsException(ProposalErrorCode.AttachmentNotFound);
    const assignment = await this.assignments.findOneByOrFail({ id: file.assignmentId });
    return { file, assignment };
  }

  private async withData(file: ProposalAttachment): Promise<AttachmentFile> {
    const row = await this.files
      .createQueryBuilder('f')
      .addSelect('f.data')
      .where('f.id = :id', { id: file.id })
      .getOneOrFail();
    return { filename: file.filename, contentType: file.contentType, data: row.data };
  }
}
