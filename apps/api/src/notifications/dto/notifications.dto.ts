import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsNumberString } from 'class-validator';

export class MarkReadDto {
  @ApiProperty({ type: [String] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  @IsNumberString({ no_symbols: true }, { each: true })
  ids!: string[];
}
