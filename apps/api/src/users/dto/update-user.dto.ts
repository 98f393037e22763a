import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';

export class UpdateUserDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  displayName?: string;
  /** Disabling an account ends its sessions at once, sockets included. */
  @ApiPropertyOptional() @IsOptional() @IsBoolean() disabled?: boolean;
}
