import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import {
  IsBoolean,
  IsEnum,
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
} from 'class-validator';
import { DelegateCategory, DelegateStatus, Gender, RosterKind } from '../roster.enums.js';
import { IsPlainName } from '../../common/validators.js';

export class CreateDelegateDto {
  @ApiProperty({ enum: RosterKind, default: RosterKind.Delegate })
  @IsOptional()
  @IsEnum(RosterKind)
  kind: RosterKind = RosterKind.Delegate;
  @ApiProperty({ example: '王芳' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(50)
  @IsPlainName()
  name!: string;
  @ApiProperty({ example: 'A10023' })
  @Matches(/^[A-Za-z0-9-]{1,32}$/, { message: '应为 1–32 位字母、数字或横线' })
  employeeNumber!: string;
  @ApiProperty({ enum: Gender }) @IsEnum(Gender) gender!: Gender;
  @ApiPropertyOptional({ description: 'required for a voting delegate' })
  @IsOptional()
  @IsUUID()
  groupId?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(100) unit?: string;
  @ApiPropertyOptional({ enum: DelegateCategory, description: 'required for a voting delegate' })
  @IsOptional()
  @IsEnum(DelegateCategory)
  category?: DelegateCategory;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() dispatched?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() presidium?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() teller?: boolean;
  @ApiPropertyOptional()
  @IsOptional()
  @Matches(/^[0-9+\- ]{5,20}$/, { message: '应为 5–20 位数字（可含 +、- 与空格）' })
  phone?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(500) note?: string;
}

/** Field corrections; the seat's status changes only through recall, leaving or a by-election. */
export class UpdateDelegateDto extends PartialType(
  OmitType(CreateDelegateDto, ['kind'] as const),
) {}

export class ChangeDelegateStatusDto {
  @ApiProperty({ enum: [DelegateStatus.Recalled, DelegateStatus.Left] })
  @IsIn([DelegateStatus.Recalled, DelegateStatus.Left])
  status!: DelegateStatus.Recalled | DelegateStatus.Left;
  @ApiProperty({ example: '经第五届职代会第二次会议表决罢免' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  reason!: string;
}

export class ByElectionDto extends CreateDelegateDto {
  /** The seat this by-election fills; a still-serving holder becomes `replaced`. */
  @ApiPropertyOptional() @IsOptional() @IsUUID() replacesDelegateId?: string;
  @ApiProperty({ example: '第一代表团补选' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  reason!: string;
}

export class ListDelegatesQuery {
  @ApiPropertyOptional({ enum: DelegateStatus })
  @IsOptional()
  @IsEnum(DelegateStatus)
  status?: DelegateStatus;
  @ApiPropertyOptional({ enum: RosterKind }) @IsOptional() @IsEnum(RosterKind) kind?: RosterKind;
  @ApiPropertyOptional() @IsOptional() @IsUUID() groupId?: string;
}
