import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsEnum, IsIn, IsOptional, IsUUID } from 'class-validator';
import { EXPORT_FORMATS, type ExportFormat } from '../../common/dto/export-format.dto.js';
import { AssignmentStatus, ProposalKind } from '../proposal.enums.js';
import { ProposalStatus } from '../proposal-status.js';

const bool = ({ value }: { value: unknown }) =>
  value === 'true' ? true : value === 'false' ? false : value;

export class ListProposalsQuery {
  @ApiPropertyOptional() @IsOptional() @IsUUID() sessionId?: string;
  @ApiPropertyOptional({ enum: ProposalStatus })
  @IsOptional()
  @IsEnum(ProposalStatus)
  status?: ProposalStatus;
  @ApiPropertyOptional({ enum: ProposalKind })
  @IsOptional()
  @IsEnum(ProposalKind)
  kind?: ProposalKind;
  @ApiPropertyOptional({ description: 'assigned to this department' })
  @IsOptional()
  @IsUUID()
  departmentId?: string;
  @ApiPropertyOptional({ description: 'a department is past its deadline' })
  @IsOptional()
  @Transform(bool)
  @IsBoolean()
  overdue?: boolean;
  @ApiPropertyOptional() @IsOptional() @Transform(bool) @IsBoolean() published?: boolean;
}

export class DepartmentAssignmentsQuery {
  @ApiPropertyOptional({ enum: AssignmentStatus })
  @IsOptional()
  @IsEnum(AssignmentStatus)
  status?: AssignmentStatus;
}

export class SessionFilterQuery {
  @ApiPropertyOptional() @IsOptional() @IsUUID() sessionId?: string;
}

export class ProposalExportQuery extends SessionFilterQuery {
  /** `csv`: the same rows as a CSV (UTF-8 with BOM) instead of the XLSX. */
  @ApiPropertyOptional({ enum: EXPORT_FORMATS, default: 'xlsx' })
  @IsOptional()
  @IsIn(EXPORT_FORMATS)
  format?: ExportFormat;
}

export class StatisticsQuery extends SessionFilterQuery {
  @ApiPropertyOptional({ enum: ProposalKind, default: ProposalKind.Proposal })
  @IsOptional()
  @IsEnum(ProposalKind)
  kind?: ProposalKind;
}

export class PublicProposalsQuery {
  @ApiPropertyOptional() @IsOptional() @IsUUID() termId?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() sessionId?: string;
}
