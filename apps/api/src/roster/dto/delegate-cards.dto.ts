import { ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsOptional, IsUUID } from 'class-validator';

export class IssueDelegateCardsDto {
  /** Chosen roster entries; omitted = every serving delegate and attendee of the term. */
  @ApiPropertyOptional({
    type: [String],
    description: '所选代表（不填 = 本届全部在任代表与列席代表）',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10_000)
  @IsUUID('all', { each: true })
  delegateIds?: string[];
}
