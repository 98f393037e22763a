import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsUUID, Max, Min } from 'class-validator';

/** 满意度测评: the poll staff choose for a year. */
export class LinkSatisfactionDto {
  @ApiProperty({ example: 2026 }) @Type(() => Number) @IsInt() @Min(2000) @Max(2100) year!: number;
  @ApiProperty({
    description: 'a released secret evaluation of one subject on the satisfaction scale',
  })
  @IsUUID()
  pollId!: string;
}
