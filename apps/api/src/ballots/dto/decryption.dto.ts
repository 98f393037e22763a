import { ApiProperty } from '@nestjs/swagger';
import { IsObject } from 'class-validator';

/** A teller's partial decryption of a poll's tally (libs/ballot `PartialDecryption`). */
export class PartialDto {
  @ApiProperty({ type: 'object', additionalProperties: true }) @IsObject() partial!: object;
}
