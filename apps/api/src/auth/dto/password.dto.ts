import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';
import { IsStrongPassword } from '../password-strength.js';

export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 128;

/**
 * A new password: 8 to 128 characters (argon2 input is bounded to keep hashing cheap to refuse),
 * not guessable (password-strength.ts).
 */
export const IsNewPassword = () =>
  applyDecorators(
    ApiProperty({ minLength: PASSWORD_MIN, maxLength: PASSWORD_MAX }),
    IsString(),
    MinLength(PASSWORD_MIN),
    MaxLength(PASSWORD_MAX),
    IsStrongPassword(),
  );
