import { Injectable } from '@nestjs/common';
import { Clock } from '../common/clock.js';
import {
  buildBundle,
  canonicalBytes,
  renderMinutesDocx,
  renderMinutesPdf,
  type ElectionRecordFile,
  type MinutesDocument,
  type SignerKey,
} from '../common/minutes.js';
import { ArchiveService } from './archive.service.js';
import type { Minutes } from './minutes.entity.js';
import { MinutesErrorCode, MinutesException } from './minutes.exception.js';
import { SigningService } from './signing.service.js';

export interface ExportFile {
  bytes: Uint8Array;
  contentType: string;
  filename: string;
}

export const PDF = 'application/pdf';
export const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
export const ZIP = 'application/zip';
/** The canonical minutes file (RFC 8785 JSON, congress-minutes v1): exact bytes, hashed and signed. */
export const MINUTES_JSON = 'application/vnd.congress-minutes+json';

/**
 * The frozen minutes as files: PDF/A-3b carrying its signed JSON, DOCX for an editable copy,
 * the canonical JSON, and (once archived) the bundle `npm run verify-bundle` checks offline.
 */
@Injectable()
export class ExportsService {
  constructor(
    private readonly signing: SigningService,
    private readonly archive: ArchiveService,
    private readonly clock: Clock,
  ) {}

  private frozen(m: Minutes): MinutesDocument {
    if (m.document === null)
      throw new MinutesException(MinutesErrorCode.NotFinal, { status: m.status });
    return JSON.parse(m.document) as MinutesDocument;
  }

  private name(doc: MinutesDocument, ext: string): string {
    return `${doc.title}.${ext}`;
  }

  json(m: Minutes): ExportFile {
    const doc = this.frozen(m);
    return {
      bytes: canonicalBytes(doc),
      contentType: MINUTES_JSON,
      filename: this.name(doc, 'json'),
    };
  }

  async pdf(m: Minutes): Promise<ExportFile> {
    const doc = this.frozen(m);
    const bytes = await renderMinutesPdf(doc, await this.signing.signaturesOf(m.id));
    return { bytes, contentType: PDF, filename: this.name(doc, 'pdf') };
  }

  async docx(m: Minutes): Promise<ExportFile> {
    const doc = this.frozen(m);
    const bytes = await renderMinutesDocx(doc, await this.signing.signaturesOf(m.id));
    return { bytes, contentType: DOCX, filename: this.name(doc, 'docx') };
  }

  /** Minutes JSON and PDF, signatures, signers' keys, election records, the chain segment. */
  async bundle(m: Minutes): Promise<ExportFile> {
    const doc = this.frozen(m);
    if (m.archiveSeq === null) throw new MinutesException(MinutesErrorCode.NotArchived);
    const seq = Number(m.archiveSeq);
    const signatures = await this.signing.signaturesOf(m.id);
    const parts = await this.archive.partsOf(seq);
    const last = parts.at(-1)?.entry.seq ?? seq;
    const keys: SignerKey[] = [];
    for (const s of signatures)
      if (!keys.some((k) => k.fingerprint === s.keyFingerprint && k.role === s.role))
        keys.push({
          name: s.signer,
          role: s.role,
          algorithm: s.algorithm,
          publicKey: s.publicKey,
          fingerprint: s.keyFingerprint,
        });
    const bytes = buildBundle({
      document: doc,
      pdf: await renderMinutesPdf(doc, signatures),
      signatures,
      keys,
      electionRecords: parts.map((p) => JSON.parse(p.content!) as ElectionRecordFile),
      chain: await this.archive.segment(seq, last),
      createdAt: this.clock.now().toISOString(),
    });
    return { bytes, contentType: ZIP, filename: this.name(doc, 'zip') };
  }
}
