import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  ValidateIf,
} from 'class-validator';
import { IsPlainName } from '../../common/validators.js';

export class CreateGroupDto {
  @ApiProperty({ example: '第一代表团（生产部）' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  @IsPlainName()
  name!: string;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(0) @Max(10_000) sortOrder?: number;
}

export class UpdateGroupDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @IsNotEmpty() @MaxLength(100) name?: string;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(0) @Max(10_000) sortOrder?: number;
  /** The group head (团长/组长): a serving delegate of this group, or null to clear. */
  @ApiPropertyOptional({ nullable: true, type: String })
  @ValidateIf((_, v) => v !== null && v !== undefined)
  @IsUUID()
  headDelegateId?: string | null;
}
