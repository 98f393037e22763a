import { createHash } from 'node:crypto';
import type { UploadedFileData } from '../common/upload.js';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import type { AuthContext } from '../auth/auth-context.js';
import { Clock } from '../common/clock.js';
import {
  detectDocument,
  DOCUMENT_TYPES,
  documentFilename,
  MAX_DOCUMENT_BYTES,
} from '../common/document-type.js';
import { Role } from '../users/role.enum.js';
import { AgendaErrorCode, AgendaException } from './agenda.exception.js';
import { AgendaDocument } from './agenda-document.entity.js';
import { AgendaItemsService } from './agenda-items.service.js';

export { MAX_DOCUMENT_BYTES };

@Injectable()
export class AgendaDocumentsService {
  constructor(
    @InjectRepository(AgendaDocument) private readonly documents: Repository<AgendaDocument>,
    private readonly items: AgendaItemsService,
    private readonly clock: Clock,
  ) {}

  async upload(
    itemId: string,
    file: UploadedFileData,
    actor: AuthContext,
  ): Promise<AgendaDocument> {
    const item = await this.items.get(itemId);
    if (file.buffer.length === 0) throw new AgendaException(AgendaErrorCode.EmptyFile);
    if (file.buffer.length > MAX_DOCUMENT_BYTES)
      throw new AgendaException(AgendaErrorCode.FileTooLarge, { maxBytes: MAX_DOCUMENT_BYTES });
    const type = await detectDocument(file.buffer);
    if ('detected' in type) {
      throw new AgendaException(AgendaErrorCode.FileType, {
        detected: type.detected,
        allowed: [...DOCUMENT_TYPES.keys()],
      });
    }
    const saved = await this.documents.save(
      this.documents.create({
        itemId: item.id,
        filename: documentFilename(file.originalname, type.ext),
        contentType: type.mime,
        size: file.buffer.length,
        sha256: createHash('sha256').update(file.buffer).digest('hex'),
        data: file.buffer,
        uploadedBy: actor.userId,
      }),
    );
    return saved;
  }

  async detach(id: string): Promise<void> {
    const doc = await this.documents.findOneBy({ id });
    if (!doc) throw new AgendaException(AgendaErrorCode.DocumentNotFound);
    await this.items.get(doc.itemId);
    if (!doc.detachedAt) await this.documents.update({ id }, { detachedAt: this.clock.now() });
  }

  /**
   * The bytes of a document, for staff and secretaries, and for a delegate or attendee who was
   * sent a circulated version that contains it. Anyone else gets a 404, not a hint it exists.
   */
  async download(id: string, auth: AuthContext): Promise<AgendaDocument> {
    const doc = await this.documents
      .createQueryBuilder('d')
      .addSelect('d.data')
      .where('d.id = :id', { id })
      .getOne();
    if (!doc) throw new AgendaException(AgendaErrorCode.DocumentNotFound);
    if (auth.role === Role.Staff || auth.role === Role.Secretary) return doc;
    const [{ allowed }] = await this.documents.query(
      `SELECT EXISTS (
         SELECT 1 FROM agenda_deliveries d JOIN agenda_versions v ON v.id = d.version_id
          WHERE d.user_id = $1
            AND jsonb_path_exists(v.snapshot, '$.items[*].documents[*] ? (@.id == $doc)', jsonb_build_object('doc', $2::text))
       ) AS allowed`,
      [auth.userId, id],
    );
    if (!allowed) throw new AgendaException(AgendaErrorCode.DocumentNotFound);
    return doc;
  }
}
