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
import type { DelegationGroup } from '../delegation-group.entity.js';

export class CreateGroupDto {
  @ApiProperty({ example: '第一代表团（生产部）' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
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

export class GroupResponse {
  @ApiProperty() id!: string;
  @ApiProperty() termId!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ nullable: true, type: String }) headDelegateId!: string | null;
  @ApiProperty() sortOrder!: number;
  @ApiProperty({ description: 'serving delegates in the group' }) servingDelegates!: number;

  static of(g: DelegationGroup, servingDelegates: number): GroupResponse {
    return {
      id: g.id,
      termId: g.termId,
      name: g.name,
      headDelegateId: g.headDelegateId,
      sortOrder: g.sortOrder,
      servingDelegates,
    };
  }
}
