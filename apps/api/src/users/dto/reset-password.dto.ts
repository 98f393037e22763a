import { IsNewPassword } from '../../auth/dto/password.dto.js';

export class ResetPasswordDto {
  /** A temporary password; the user must change it at the next log-in. */
  @IsNewPassword() password!: string;
}
