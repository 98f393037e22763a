import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsISO8601,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import {
  ALGORITHMS,
  SIGNER_ROLES,
  type SignatureAlgorithm,
  type SignerRole,
} from '../../common/minutes.js';

const HEX = /^[0-9a-f]+$/;
const HEX64 = /^[0-9a-f]{64}$/;
const TEXT = 20_000;

class GroupOpinionDto {
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(100) group!: string;
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(TEXT) text!: string;
}

class ItemTextDto {
  @ApiProperty() @IsUUID() itemId!: string;
  /** The secretary's summary of the discussion. */
  @ApiProperty() @IsString() @MaxLength(TEXT) discussion!: string;
  @ApiProperty({ type: [GroupOpinionDto] })
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => GroupOpinionDto)
  groupOpinions!: GroupOpinionDto[];
}

class ResolutionDto {
  /** E.g. 决议一. */
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(50) number!: string;
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(200) title!: string;
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(TEXT) text!: string;
  @ApiPropertyOptional({ nullable: true, type: String })
  @IsOptional()
  @IsUUID()
  itemId?: string | null;
}

class SectionDto {
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(100) heading!: string;
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(TEXT) text!: string;
}

class AgendaChangeDto {
  @ApiProperty({ example: '2026-12-05T02:30:00Z' }) @IsISO8601({ strict: true }) at!: string;
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(500) description!: string;
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(500) reason!: string;
  @ApiPropertyOptional({ nullable: true, type: String })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  approvedBy?: string | null;
}

class IncidentDto extends AgendaChangeDto {
  /** E.g. login_code_reissued, device_replaced, other. */
  @ApiProperty() @IsString() @Matches(/^[a-z_]{1,40}$/) kind!: string;
}

/** The secretary's text: each save replaces the previous version (kept in history). */
export class SaveDraftDto {
  /** 文号, e.g. 第五届职代会〔2026〕2号; empty keeps the proposed one. */
  @ApiPropertyOptional({ nullable: true, type: String })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  reference?: string | null;

  @ApiProperty({ type: [ItemTextDto] })
  @IsArray()
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => ItemTextDto)
  items!: ItemTextDto[];

  @ApiProperty({ type: [ResolutionDto] })
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => ResolutionDto)
  resolutions!: ResolutionDto[];

  /** Opening, closing and anything not tied to an item. */
  @ApiProperty({ type: [SectionDto] })
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => SectionDto)
  narrative!: SectionDto[];

  @ApiPropertyOptional({ type: [AgendaChangeDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => AgendaChangeDto)
  agendaChanges?: AgendaChangeDto[];

  @ApiPropertyOptional({ type: [IncidentDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => IncidentDto)
  incidents?: IncidentDto[];
}

export class SetChairsDto {
  /** Presidium members of the session's term, in presiding order. */
  @ApiProperty({ type: [String] })
  @IsArray()
  @ArrayMaxSize(20)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  delegateIds!: string[];

  /** Default 执行主席. */
  @ApiPropertyOptional() @IsOptional() @IsString() @IsNotEmpty() @MaxLength(20) title?: string;
}

/** A public key made in the signer's browser; the private key never leaves it. */
export class RegisterKeyDto {
  @ApiProperty({ enum: ALGORITHMS }) @IsIn(ALGORITHMS) algorithm!: SignatureAlgorithm;
  /** Ed25519: 32 bytes hex; SM2: 65 bytes hex (04 ‖ x ‖ y). */
  @ApiProperty() @IsString() @Matches(HEX) @MaxLength(200) publicKey!: string;
}

class SubjectDto {
  @ApiProperty({ enum: ['minutes', 'tally'] }) @IsIn(['minutes', 'tally']) kind!:
    'minutes' | 'tally';
  @ApiPropertyOptional() @IsOptional() @IsUUID() pollId?: string;
  @ApiProperty() @IsString() @Matches(HEX64) hash!: string;
}

/** A libs/minutes signature made in the signer's browser over the frozen document's hash. */
export class SubmitSignatureDto {
  @ApiProperty({ enum: [1] }) @IsIn([1]) version!: 1;
  @ApiProperty({ enum: SIGNER_ROLES }) @IsIn(SIGNER_ROLES) role!: SignerRole;
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(50) signer!: string;
  @ApiProperty({ type: SubjectDto })
  @ValidateNested()
  @Type(() => SubjectDto)
  subject!: SubjectDto;
  @ApiProperty({ enum: ALGORITHMS }) @IsIn(ALGORITHMS) algorithm!: SignatureAlgorithm;
  @ApiProperty() @IsString() @Matches(HEX) @MaxLength(200) publicKey!: string;
  @ApiProperty() @IsString() @Matches(HEX64) keyFingerprint!: string;
  @ApiProperty({ example: '2026-12-05T08:00:00.000Z' })
  @IsISO8601({ strict: true })
  signedAt!: string;
  @ApiProperty() @IsString() @Matches(HEX) @MaxLength(200) signature!: string;
}

/** A correction of archived minutes: a new document, linked to the one it corrects. */
export class CorrectionDto {
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(1000) reason!: string;
}
