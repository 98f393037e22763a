import { ApiProperty } from '@nestjs/swagger';
import { Role } from '../role.enum.js';
import type { User } from '../../auth/user.entity.js';

export class UserResponse {
  @ApiProperty() id!: string;
  @ApiProperty() username!: string;
  @ApiProperty() displayName!: string;
  @ApiProperty({ enum: Role }) role!: Role;
  @ApiProperty() disabled!: boolean;
  @ApiProperty() mustChangePassword!: boolean;
  @ApiProperty() createdAt!: string;

  static of(u: User): UserResponse {
    return {
      id: u.id,
      username: u.username,
      displayName: u.displayName,
      role: u.role,
      disabled: u.disabled,
      mustChangePassword: u.mustChangePassword,
      createdAt: u.createdAt.toISOString(),
    };
  }
}
