import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { IsNewPassword } from './password.dto.js';

export class ChangePasswordDto {
  /** Required unless the account has no password yet (a delegate who logged in with a code). */
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(128)
  currentPassword?: string;
  @IsNewPassword() newPassword!: string;
}
