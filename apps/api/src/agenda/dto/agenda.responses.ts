import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { formatShanghai } from '../../common/time.js';
import type { Delegate } from '../../roster/delegate.entity.js';
import { AGENDA_KIND_LABELS, AgendaItemKind, ReceiptMethod } from '../agenda.enums.js';
import type { AgendaDelivery } from '../agenda-delivery.entity.js';
import type { AgendaDocument } from '../agenda-document.entity.js';
import type { AgendaItem } from '../agenda-item.entity.js';
import type { SnapshotItem } from '../agenda-snapshot.js';
import type { AgendaVersion } from '../agenda-version.entity.js';
import type { Votability } from '../late-items.service.js';
import type { VoteSpec } from '../vote-spec.js';

export class DocumentResponse {
  @ApiProperty() id!: string;
  @ApiProperty() filename!: string;
  @ApiProperty() contentType!: string;
  @ApiProperty() size!: number;
  @ApiProperty() sha256!: string;

  static of(
    d: Pick<AgendaDocument, 'id' | 'filename' | 'contentType' | 'size' | 'sha256'>,
  ): DocumentResponse {
    return {
      id: d.id,
      filename: d.filename,
      contentType: d.contentType,
      size: d.size,
      sha256: d.sha256,
    };
  }
}

/** What an item says, the same in the working agenda and in a circulated version. */
class ItemContentResponse {
  @ApiProperty() id!: string;
  @ApiProperty() position!: number;
  @ApiProperty({ enum: AgendaItemKind }) kind!: AgendaItemKind;
  @ApiProperty() kindLabel!: string;
  @ApiProperty() title!: string;
  @ApiProperty() description!: string;
  @ApiProperty({ nullable: true, type: String }) presenter!: string | null;
  @ApiProperty({ nullable: true, type: Object }) vote!: VoteSpec | null;
  @ApiProperty({ type: [DocumentResponse] }) documents!: DocumentResponse[];

  static content(
    i: Pick<
      SnapshotItem,
      'id' | 'position' | 'kind' | 'title' | 'description' | 'presenter' | 'voteSpec'
    >,
    documents: Parameters<typeof DocumentResponse.of>[0][],
  ): ItemContentResponse {
    return {
      id: i.id,
      position: i.position,
      kind: i.kind,
      kindLabel: AGENDA_KIND_LABELS[i.kind],
      title: i.title,
      description: i.description,
      presenter: i.presenter,
      vote: i.voteSpec,
      documents: documents.map(DocumentResponse.of),
    };
  }
}

export class AgendaItemResponse extends ItemContentResponse {
  @ApiProperty({ type: [String] }) proposalIds!: string[];
  @ApiProperty({ nullable: true, type: String }) circulatedAt!: string | null;
  @ApiProperty({ nullable: true, type: Number }) circulatedInVersion!: number | null;

  static of(item: AgendaItem, documents: AgendaDocument[]): AgendaItemResponse {
    return {
      ...ItemContentResponse.content(item, documents),
      proposalIds: item.proposalIds,
      circulatedAt: item.circulatedAt?.toISOString() ?? null,
      circulatedInVersion: item.circulatedInVersion,
    };
  }
}

export class VersionItemResponse extends ItemContentResponse {
  @ApiProperty({ description: 'new or changed in this version' }) changed!: boolean;
  @ApiProperty() circulatedAt!: string;
  @ApiProperty() contentHash!: string;

  static of(i: SnapshotItem): VersionItemResponse {
    return {
      ...ItemContentResponse.content(i, i.documents),
      changed: i.changed,
      circulatedAt: i.circulatedAt,
      contentHash: i.contentHash,
    };
  }
}

export class VersionResponse {
  @ApiProperty() id!: string;
  @ApiProperty() sessionId!: string;
  @ApiProperty() number!: number;
  @ApiProperty({ description: 'SHA-256 over the items and their document hashes' }) hash!: string;
  @ApiProperty() circulatedAt!: string;
  @ApiProperty({ example: '2026-11-28 09:00' }) circulatedAtLocal!: string;
  @ApiProperty() daysBefore!: number;
  @ApiProperty() requiredDays!: number;
  @ApiProperty({ description: 'days short of the rule; 0 when on time' }) lateByDays!: number;
  @ApiProperty({ nullable: true, type: String }) lateReason!: string | null;
  @ApiProperty({ nullable: true, type: String, example: '晚于规定 2 天分发' }) lateNote!:
    string | null;
  @ApiProperty({ type: [VersionItemResponse] }) items!: VersionItemResponse[];

  static of(v: AgendaVersion): VersionResponse {
    const lateByDays = Math.max(0, v.requiredDays - v.daysBefore);
    return {
      id: v.id,
      sessionId: v.sessionId,
      number: v.number,
      hash: v.hash,
      circulatedAt: v.circulatedAt.toISOString(),
      circulatedAtLocal: formatShanghai(v.circulatedAt),
      daysBefore: v.daysBefore,
      requiredDays: v.requiredDays,
      lateByDays,
      lateReason: v.lateReason,
      lateNote: lateByDays > 0 ? `晚于规定 ${lateByDays} 天分发（会前 ${v.daysBefore} 天）` : null,
      items: v.snapshot.items.map(VersionItemResponse.of),
    };
  }
}

export class DeliveryResponse {
  @ApiProperty() versionId!: string;
  @ApiProperty() sessionId!: string;
  @ApiProperty() number!: number;
  @ApiProperty() hash!: string;
  @ApiProperty() deliveredAt!: string;
  @ApiProperty({ nullable: true, type: String }) receiptAt!: string | null;
  @ApiProperty({ enum: ReceiptMethod, nullable: true }) receiptMethod!: ReceiptMethod | null;

  static of(
    d: AgendaDelivery,
    v: Pick<AgendaVersion, 'sessionId' | 'number' | 'hash'>,
  ): DeliveryResponse {
    return {
      versionId: d.versionId,
      sessionId: v.sessionId,
      number: v.number,
      hash: v.hash,
      deliveredAt: d.deliveredAt.toISOString(),
      receiptAt: d.receiptAt?.toISOString() ?? null,
      receiptMethod: d.receiptMethod,
    };
  }
}

/** One line of the staff's receipt list. */
export class ReceiptRowResponse {
  @ApiProperty() delegateId!: string;
  @ApiProperty() name!: string;
  @ApiProperty() employeeNumber!: string;
  @ApiProperty() kind!: string;
  @ApiProperty() deliveredAt!: string;
  @ApiProperty({ nullable: true, type: String }) receiptAt!: string | null;
  @ApiProperty({ enum: ReceiptMethod, nullable: true }) receiptMethod!: ReceiptMethod | null;
  @ApiProperty({ nullable: true, type: String }) paperSignedOn!: string | null;
  @ApiProperty({ nullable: true, type: String }) lastRemindedAt!: string | null;

  static of(d: AgendaDelivery, delegate: Delegate): ReceiptRowResponse {
    return {
      delegateId: delegate.id,
      name: delegate.name,
      employeeNumber: delegate.employeeNumber,
      kind: delegate.kind,
      deliveredAt: d.deliveredAt.toISOString(),
      receiptAt: d.receiptAt?.toISOString() ?? null,
      receiptMethod: d.receiptMethod,
      paperSignedOn: d.paperSignedOn,
      lastRemindedAt: d.lastRemindedAt?.toISOString() ?? null,
    };
  }
}

/** The latest circulated agenda; to a delegate or attendee with their own delivery. */
export class CurrentAgendaResponse extends VersionResponse {
  @ApiPropertyOptional({ type: DeliveryResponse, description: '代表/列席人员本人的送达与签收' })
  delivery?: DeliveryResponse;
}

export class LateApprovalResponse {
  @ApiProperty() id!: string;
  @ApiProperty() itemId!: string;
  @ApiProperty({ description: 'the circulated version the approval is for' }) version!: number;
  @ApiProperty() presidiumDelegateId!: string;
  @ApiProperty() reason!: string;
  @ApiProperty() recordedBy!: string;
  @ApiProperty() createdAt!: string;
}

export class VotabilityResponse {
  @ApiProperty() votable!: boolean;
  @ApiProperty({
    enum: ['not_voted_kind', 'not_circulated', 'on_time', 'late_approved', 'late_not_approved'],
  })
  reason!: string;
  @ApiProperty({ nullable: true, type: Number }) daysBefore!: number | null;
  @ApiProperty() requiredDays!: number;
  @ApiProperty({ nullable: true, type: LateApprovalResponse })
  approval!: LateApprovalResponse | null;

  static of(v: Votability): VotabilityResponse {
    const a = v.approval;
    return {
      ...v,
      approval: a && {
        id: a.id,
        itemId: a.itemId,
        version: a.version,
        presidiumDelegateId: a.presidiumDelegateId,
        reason: a.reason,
        recordedBy: a.recordedBy,
        createdAt: a.createdAt.toISOString(),
      },
    };
  }
}

export class RemindedResponse {
  @ApiProperty({ description: 'delegates reminded' }) reminded!: number;
}

class PublicAgendaSessionResponse {
  @ApiProperty() name!: string;
  @ApiProperty({ example: '2026-12-05 09:00' }) startsAtLocal!: string;
  @ApiProperty() place!: string;
}

class PublicAgendaItemResponse {
  @ApiProperty() position!: number;
  @ApiProperty({ enum: AgendaItemKind }) kind!: AgendaItemKind;
  @ApiProperty() kindLabel!: string;
  @ApiProperty() title!: string;
  @ApiProperty() description!: string;
  @ApiProperty({ nullable: true, type: String }) presenter!: string | null;
}

/** 厂务公开: what every employee may read of a circulated agenda. */
export class PublicAgendaResponse {
  @ApiProperty({ type: PublicAgendaSessionResponse }) session!: PublicAgendaSessionResponse;
  @ApiProperty() version!: number;
  @ApiProperty({ example: '2026-11-28 09:00' }) circulatedAtLocal!: string;
  @ApiProperty({ type: [PublicAgendaItemResponse] }) items!: PublicAgendaItemResponse[];
}
