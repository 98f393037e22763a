import { ApiProperty } from '@nestjs/swagger';
import { UserResponse } from '../../users/dto/users.responses.js';

export class LoginResponse {
  @ApiProperty() accessToken!: string;
  @ApiProperty({ description: 'ISO 8601, UTC' }) expiresAt!: string;
  @ApiProperty({ type: UserResponse }) user!: UserResponse;
}
