import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsString, Matches, MaxLength } from 'class-validator';
import { IsNewPassword } from '../../auth/dto/password.dto.js';
import { Role } from '../role.enum.js';
import { IsPlainName } from '../../common/validators.js';

/** Accounts an admin creates by hand: delegates and attendees come from the roster, department users from their department. */
export const MANAGED_ROLES = [Role.Admin, Role.Staff, Role.Secretary, Role.Supervisor] as const;

export class CreateUserDto {
  @ApiProperty({ example: 'zhang.wei' })
  @IsString()
  @Matches(/^[a-zA-Z0-9._-]{2,64}$/, {
    message: '应为 2–64 位字母、数字、点、横线或下划线',
  })
  username!: string;

  @ApiProperty({ example: '张伟' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  @IsPlainName()
  displayName!: string;

  @ApiProperty({ enum: MANAGED_ROLES }) @IsIn(MANAGED_ROLES) role!: (typeof MANAGED_ROLES)[number];

  /** Initial password; the user must change it at first log-in. */
  @IsNewPassword() password!: string;
}
