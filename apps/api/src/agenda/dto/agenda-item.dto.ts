import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsEnum,
  IsIn,
  IsInt,
  IsISO8601,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { IsPlainName } from '../../common/validators.js';
import { AgendaItemKind } from '../agenda.enums.js';

class NamedPersonDto {
  /** Printed on the ballot: no hidden or direction-changing characters. */
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(50) @IsPlainName() name!: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(100) note?: string;
}

/** What is voted; which fields apply depends on the item's kind (checked by the service). */
export class VoteSpecDto {
  /** Motion options; default 赞成/反对/弃权. */
  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(2)
  @ArrayMaxSize(10)
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  @MaxLength(20, { each: true })
  options?: string[];

  /** Election: seats to fill. */
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(1) @Max(50) seats?: number;

  @ApiPropertyOptional({ type: [NamedPersonDto] })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => NamedPersonDto)
  candidates?: NamedPersonDto[];

  /** Evaluation: the people evaluated and the scale. */
  @ApiPropertyOptional({ type: [NamedPersonDto] })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => NamedPersonDto)
  persons?: NamedPersonDto[];

  @ApiPropertyOptional({ enum: ['satisfaction', 'competence'] })
  @IsOptional()
  @IsIn(['satisfaction', 'competence'])
  scale?: 'satisfaction' | 'competence';
}

export class CreateAgendaItemDto {
  @ApiProperty({ enum: AgendaItemKind }) @IsEnum(AgendaItemKind) kind!: AgendaItemKind;
  @ApiProperty({ example: '审议《集体合同（草案）》' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  title!: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(10_000) description?: string;
  @ApiPropertyOptional({ example: '工会主席 王强' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  presenter?: string;
  /** 1-based; default: at the end. */
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(1) @Max(1000) position?: number;
  @ApiPropertyOptional({ type: VoteSpecDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => VoteSpecDto)
  vote?: VoteSpecDto;
  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @IsUUID('all', { each: true })
  proposalIds?: string[];
}

export class UpdateAgendaItemDto extends PartialType(CreateAgendaItemDto) {}

export class CirculateDto {
  /** Required when circulating later than the rule allows; it goes into the minutes. */
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(1000)
  lateReason?: string;
}

export class PaperReceiptDto {
  @ApiProperty() @IsUUID() delegateId!: string;
  @ApiProperty({ example: '2026-11-27', description: 'the date on the paper receipt' })
  @IsISO8601({ strict: true })
  signedOn!: string;
}

export class RemindDto {
  /** Default: everyone who has not signed. */
  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @IsUUID('all', { each: true })
  delegateIds?: string[];
}

export class LateApprovalDto {
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(1000) reason!: string;
  /** When staff record the presidium's decision: the presidium member who approved. */
  @ApiPropertyOptional() @IsOptional() @IsUUID() presidiumDelegateId?: string;
}
