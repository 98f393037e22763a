import { ApiProperty } from '@nestjs/swagger';
import {
  ARCHIVE_KIND_LABELS,
  ROLE_LABELS,
  shortFingerprint,
  talliesOf,
  tallyHash,
  type ArchiveEntry,
  type ArchiveReport,
  type MinutesDocument,
  type MinutesSignature,
  type SignaturesReport,
} from '../../common/minutes.js';
import type { MinutesState } from '../minutes.service.js';
import { MinutesStatus } from '../minutes.entity.js';
import type { SignerKey } from '../signer-key.entity.js';
import { RETENTION_RULE } from '../archive.service.js';
import { NO_TELLERS_NOTE } from '../signing.service.js';

/** Signatures of frozen minutes as the service checked them. */
export interface Signing {
  documentHash: string;
  signatures: MinutesSignature[];
  report: SignaturesReport;
}

const STATUS_LABELS: Record<MinutesStatus, string> = {
  [MinutesStatus.Draft]: '草稿',
  [MinutesStatus.Final]: '已定稿，待签名',
  [MinutesStatus.Archived]: '已签名归档',
};

export class ProblemResponse {
  @ApiProperty({ example: 'chairs' }) field!: string;
  @ApiProperty({ example: '至少应有一名主持人（执行主席）' }) message!: string;
}

export class TallySubjectResponse {
  @ApiProperty() pollId!: string;
  @ApiProperty() title!: string;
  /** What a teller signs: SHA-256 of the tally's canonical JSON. */
  @ApiProperty() hash!: string;
}

export class SignatureSummaryResponse {
  @ApiProperty({ enum: ['secretary', 'chair', 'teller'] }) role!: string;
  @ApiProperty() roleLabel!: string;
  @ApiProperty() signer!: string;
  @ApiProperty({ enum: ['minutes', 'tally'] }) subjectKind!: string;
  @ApiProperty({ nullable: true, type: String }) pollId!: string | null;
  @ApiProperty() algorithm!: string;
  @ApiProperty() keyFingerprint!: string;
  @ApiProperty({ example: 'ABCD-EFGH-IJKL-MNOP' }) shortFingerprint!: string;
  @ApiProperty() signedAt!: string;
  @ApiProperty() ok!: boolean;
}

/** Who has signed what, what is missing; the hashes the signers' browsers sign. */
export class SigningStatusResponse {
  /** What the secretary and a chair sign: SHA-256 of the document's canonical JSON. */
  @ApiProperty() documentHash!: string;
  @ApiProperty({ type: [TallySubjectResponse] }) tallies!: TallySubjectResponse[];
  @ApiProperty({ type: [SignatureSummaryResponse] }) signatures!: SignatureSummaryResponse[];
  @ApiProperty({ type: [String], example: ['缺少会议主持人（执行主席）对会议记录的签名'] })
  missing!: string[];
  @ApiProperty() complete!: boolean;

  static of(doc: MinutesDocument, signing: Signing): SigningStatusResponse {
    const { report, signatures } = signing;
    return {
      documentHash: signing.documentHash,
      tallies: talliesOf(doc).map(({ tally }) => ({
        pollId: tally.pollId,
        title: tally.title,
        hash: tallyHash(tally),
      })),
      signatures: report.checks.map((c) => {
        const s = signatures[c.index]!;
        return {
          role: s.role,
          roleLabel: ROLE_LABELS[s.role],
          signer: s.signer,
          subjectKind: s.subject.kind,
          pollId: s.subject.kind === 'tally' ? s.subject.pollId : null,
          algorithm: s.algorithm,
          keyFingerprint: s.keyFingerprint,
          shortFingerprint: shortFingerprint(s.keyFingerprint),
          signedAt: s.signedAt,
          ok: c.ok,
        };
      }),
      missing: report.missing,
      complete: report.ok,
    };
  }
}

export class MinutesSummaryResponse {
  @ApiProperty() id!: string;
  @ApiProperty() sessionId!: string;
  @ApiProperty({ enum: MinutesStatus }) status!: MinutesStatus;
  @ApiProperty() statusLabel!: string;
  @ApiProperty() recorderName!: string;
  @ApiProperty({ nullable: true, type: String }) correctsId!: string | null;
  @ApiProperty({ nullable: true, type: String }) correctionReason!: string | null;
  @ApiProperty() createdAt!: string;
  @ApiProperty({ nullable: true, type: String }) finalisedAt!: string | null;
  @ApiProperty({ nullable: true, type: String }) documentHash!: string | null;
  /** The archive entry (seq) once archived. */
  @ApiProperty({ nullable: true, type: Number }) archiveSeq!: number | null;
  /** The permanent retention rule of the archive. */
  @ApiProperty() retention!: string;

  static of(m: MinutesState['minutes']): MinutesSummaryResponse {
    return {
      id: m.id,
      sessionId: m.sessionId,
      status: m.status,
      statusLabel: STATUS_LABELS[m.status],
      recorderName: m.recorderName,
      correctsId: m.correctsId,
      correctionReason: m.correctionReason,
      createdAt: m.createdAt.toISOString(),
      finalisedAt: m.finalisedAt?.toISOString() ?? null,
      documentHash: m.documentHash,
      archiveSeq: m.archiveSeq === null ? null : Number(m.archiveSeq),
      retention: RETENTION_RULE,
    };
  }
}

/** The minutes with their document (frozen, or the draft as the record stands now). */
export class MinutesResponse extends MinutesSummaryResponse {
  /** Version of the secretary's text (each save is a new one). */
  @ApiProperty() editsVersion!: number;
  /** The secretary's text as last saved (the body of PUT …/draft). */
  @ApiProperty({ type: Object }) edits!: object;
  /** The libs/minutes document (congress-minutes v1); null while it cannot be assembled. */
  @ApiProperty({ nullable: true, type: Object }) document!: MinutesDocument | null;
  /** What finalising would refuse now (empty once final). */
  @ApiProperty({ type: [ProblemResponse] }) problems!: ProblemResponse[];
  /**
   * Set when the minutes name no tellers (no delegate of the term has the teller flag): their
   * tallies then need and carry no teller's signature.
   */
  @ApiProperty({ nullable: true, type: String }) tellersNote!: string | null;
  /** Once final: the hashes to sign, the signatures and what is missing. */
  @ApiProperty({ nullable: true, type: SigningStatusResponse })
  signing!: SigningStatusResponse | null;

  static from(state: MinutesState, signing: Signing | null): MinutesResponse {
    const doc = state.document;
    const status = signing && doc ? SigningStatusResponse.of(doc, signing) : null;
    const m = state.minutes;
    return {
      ...MinutesSummaryResponse.of(m),
      editsVersion: state.editsVersion,
      edits: state.edits,
      document: doc,
      problems: state.problems,
      tellersNote: doc && doc.tellers.length === 0 ? NO_TELLERS_NOTE : null,
      signing: status,
    };
  }
}

export class SignerKeyResponse {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: ['ed25519', 'sm2-sm3'] }) algorithm!: string;
  @ApiProperty() publicKey!: string;
  @ApiProperty() fingerprint!: string;
  @ApiProperty({ example: 'ABCD-EFGH-IJKL-MNOP' }) shortFingerprint!: string;
  @ApiProperty() registeredAt!: string;

  static of(k: SignerKey): SignerKeyResponse {
    return {
      id: k.id,
      algorithm: k.algorithm,
      publicKey: k.publicKey,
      fingerprint: k.fingerprint,
      shortFingerprint: shortFingerprint(k.fingerprint),
      registeredAt: k.registeredAt.toISOString(),
    };
  }
}

export class ChairResponse {
  @ApiProperty() delegateId!: string;
  @ApiProperty() name!: string;
  @ApiProperty() title!: string;
}

export class ArchiveEntryResponse {
  @ApiProperty() seq!: number;
  @ApiProperty({ enum: ['minutes', 'correction', 'election_record'] }) kind!: string;
  @ApiProperty() kindLabel!: string;
  @ApiProperty() title!: string;
  @ApiProperty() contentHash!: string;
  @ApiProperty() previousHash!: string;
  @ApiProperty() hash!: string;
  @ApiProperty() createdAt!: string;
  @ApiProperty({ nullable: true, type: Number }) corrects!: number | null;
  @ApiProperty({ nullable: true, type: Number }) partOf!: number | null;

  static of(e: ArchiveEntry): ArchiveEntryResponse {
    return {
      seq: e.seq,
      kind: e.kind,
      kindLabel: ARCHIVE_KIND_LABELS[e.kind],
      title: e.title,
      contentHash: e.contentHash,
      previousHash: e.previousHash,
      hash: e.hash,
      createdAt: e.createdAt,
      corrects: e.links.corrects ?? null,
      partOf: e.links.partOf ?? null,
    };
  }
}

export class ArchiveListResponse {
  @ApiProperty() retention!: string;
  @ApiProperty({ type: [ArchiveEntryResponse] }) entries!: ArchiveEntryResponse[];
}

export class ArchiveHeadResponse {
  @ApiProperty() seq!: number;
  @ApiProperty() hash!: string;
}

export class PropertyResponse {
  @ApiProperty({ example: '真实性' }) label!: string;
  @ApiProperty() ok!: boolean;
  @ApiProperty({ type: [String] }) checked!: string[];
  @ApiProperty({ type: [String] }) notes!: string[];
}

export class ArchiveFailureResponse {
  @ApiProperty() code!: string;
  @ApiProperty() message!: string;
  @ApiProperty({ nullable: true, type: Number }) seq!: number | null;
}

/** The archive verified now (libs/minutes verifyArchive) with the four properties. */
export class ArchiveStatusResponse {
  @ApiProperty() retention!: string;
  @ApiProperty() ok!: boolean;
  @ApiProperty() entries!: number;
  @ApiProperty({ nullable: true, type: ArchiveHeadResponse }) head!: ArchiveHeadResponse | null;
  @ApiProperty({ nullable: true, type: ArchiveFailureResponse })
  firstFailure!: ArchiveFailureResponse | null;
  @ApiProperty({ type: [PropertyResponse] }) properties!: PropertyResponse[];

  static of(retention: string, r: ArchiveReport): ArchiveStatusResponse {
    return {
      retention,
      ok: r.ok,
      entries: r.entries,
      head: r.head,
      firstFailure: r.firstFailure
        ? {
            code: r.firstFailure.code,
            message: r.firstFailure.message,
            seq: r.firstFailure.seq ?? null,
          }
        : null,
      properties: Object.values(r.properties).map((p) => ({
        label: p.label,
        ok: p.ok,
        checked: p.checked,
        notes: p.notes,
      })),
    };
  }
}

export class SignerAsResponse {
  @ApiProperty({ enum: ['secretary', 'chair', 'teller'] }) role!: 'secretary' | 'chair' | 'teller';
  @ApiProperty({ example: '执行主席' }) roleLabel!: string;
  /** The name the minutes give the signer: what the signature must carry. */
  @ApiProperty() name!: string;
}

/** Frozen minutes the caller signs, and in which roles. */
export class SigningTaskResponse extends MinutesSummaryResponse {
  @ApiProperty() sessionName!: string;
  @ApiProperty({ type: [SignerAsResponse] }) signAs!: SignerAsResponse[];
  /** Finalised and still waiting for a signature of the caller's. */
  @ApiProperty() pending!: boolean;

  static ofTask(
    m: MinutesState['minutes'],
    sessionName: string,
    signAs: { role: 'secretary' | 'chair' | 'teller'; name: string }[],
    pending: boolean,
  ): SigningTaskResponse {
    return {
      ...MinutesSummaryResponse.of(m),
      sessionName,
      signAs: signAs.map((s) => ({ ...s, roleLabel: ROLE_LABELS[s.role] })),
      pending,
    };
  }
}

export class PublicResolutionResponse {
  @ApiProperty({ example: '决议一' }) number!: string;
  @ApiProperty() title!: string;
  @ApiProperty() text!: string;
  /** The agenda item it resolves (its title), if any. */
  @ApiProperty({ nullable: true, type: String }) itemTitle!: string | null;
}

/**
 * 厂务公开 of a session's resolutions: those of its latest finalised minutes (a correction, once
 * finalised, replaces the minutes it corrects), published from the moment of finalising.
 */
export class PublicResolutionsResponse {
  /** False while no minutes of the session are finalised: nothing is published yet. */
  @ApiProperty() published!: boolean;
  /** When the minutes were finalised, i.e. since when the board shows these resolutions. */
  @ApiProperty({ nullable: true, type: String }) publishedAt!: string | null;
  @ApiProperty({ nullable: true, type: String }) reference!: string | null;
  @ApiProperty({ nullable: true, type: String }) title!: string | null;
  /** Signed by everyone required and in the permanent archive. */
  @ApiProperty() archived!: boolean;
  @ApiProperty() isCorrection!: boolean;
  @ApiProperty({ nullable: true, type: String }) documentHash!: string | null;
  @ApiProperty({ type: [PublicResolutionResponse] }) resolutions!: PublicResolutionResponse[];

  static of(m: MinutesState['minutes'] | null): PublicResolutionsResponse {
    if (!m?.document)
      return {
        published: false,
        publishedAt: null,
        reference: null,
        title: null,
        archived: false,
        isCorrection: false,
        documentHash: null,
        resolutions: [],
      };
    const doc = JSON.parse(m.document) as MinutesDocument;
    const items = new Map(doc.agenda.map((i) => [i.id, i.title]));
    return {
      published: true,
      publishedAt: m.finalisedAt!.toISOString(),
      reference: doc.reference,
      title: doc.title,
      archived: m.status === MinutesStatus.Archived,
      isCorrection: doc.corrects !== null,
      documentHash: m.documentHash,
      resolutions: doc.resolutions.map((r) => ({
        number: r.number,
        title: r.title,
        text: r.text,
        itemTitle: r.itemId ? (items.get(r.itemId) ?? null) : null,
      })),
    };
  }
}
