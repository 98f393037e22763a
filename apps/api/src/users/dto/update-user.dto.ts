import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { IsPlainName } from '../../common/validators.js';

export class UpdateUserDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  @IsPlainName()
  displayName?: string;
  /** Disabling an account ends its sessions at once, sockets included. */
  @ApiPropertyOptional() @IsOptional() @IsBoolean() disabled?: boolean;
}
