import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import type { AuthContext } from '../auth/auth-context.js';
import {
  ATTACHMENT_TYPES,
  MAX_ATTACHMENT_BYTES,
  safeFilename,
  sniffAttachment,
} from './attachment-types.js';
import type { AttachmentFile, UploadedFileData } from './attachments.service.js';
import { ProposalFile } from './proposal-file.entity.js';
import { ProposalReadsService } from './proposal-reads.service.js';
import { assertAction } from './proposal-status.js';
import { ProposalStore } from './proposal-store.js';
import { ProposalErrorCode, ProposalsException } from './proposals.exception.js';

export type ProposalFileMeta = Omit<ProposalFile, 'data'>;

/** Files per proposal (the proposer's own materials). */
export const MAX_FILES_PER_PROPOSAL = 10;

/**
 * The proposer's materials (材料): attached to a draft by its proposer, checked by their bytes
 * like every upload, kept unchanged once the proposal is tabled, read by whoever may read the
 * proposal (a draft's files by its proposer only).
 */
@Injectable()
export class ProposalFilesService {
  constructor(
    @InjectRepository(ProposalFile) private readonly files: Repository<ProposalFile>,
    private readonly store: ProposalStore,
    private readonly reads: ProposalReadsService,
  ) {}

  async upload(
    auth: AuthContext,
    proposalId: string,
    file: UploadedFileData | undefined,
  ): Promise<ProposalFileMeta> {
    if (!file || file.size === 0) throw new ProposalsException(ProposalErrorCode.AttachmentMissing);
    if (file.size > MAX_ATTACHMENT_BYTES)
      throw new ProposalsException(ProposalErrorCode.AttachmentTooLarge);
    const type = sniffAttachment(file.buffer);
    if (!type) throw new ProposalsException(ProposalErrorCode.AttachmentType);
    return this.store.transaction(async (m) => {
      const p = await this.store.lock(m, proposalId);
      await this.store.requireProposer(m, p, auth);
      assertAction(p.status, 'edit', ProposalErrorCode.FilesLocked);
      if ((await m.countBy(ProposalFile, { proposalId })) >= MAX_FILES_PER_PROPOSAL)
        throw new ProposalsException(ProposalErrorCode.TooManyFiles);
      const saved = await m.save(
        ProposalFile,
        m.create(ProposalFile, {
          proposalId,
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

  /** The proposer takes a file back while the proposal is still a draft. */
  async remove(auth: AuthContext, proposalId: string, fileId: string): Promise<void> {
    await this.store.transaction(async (m) => {
      const p = await this.store.lock(m, proposalId);
      await this.store.requireProposer(m, p, auth);
      const file = await m.findOneBy(ProposalFile, { id: fileId, proposalId });
      if (!file) throw new ProposalsException(ProposalErrorCode.AttachmentNotFound);
      assertAction(p.status, 'edit', ProposalErrorCode.FilesLocked);
      await m.delete(ProposalFile, { id: fileId });
    });
  }

  /** Whoever may read the proposal reads its files; anyone else is told neither exists. */
  async download(auth: AuthContext, proposalId: string, fileId: string): Promise<AttachmentFile> {
    await this.reads.detail(auth, proposalId);
    const row = await this.files
      .createQueryBuilder('f')
      .addSelect('f.data')
      .where('f.id = :fileId AND f.proposal_id = :proposalId', { fileId, proposalId })
      .getOne();
    if (!row) throw new ProposalsException(ProposalErrorCode.AttachmentNotFound);
    return { filename: row.filename, contentType: row.contentType, data: row.data };
  }
}
