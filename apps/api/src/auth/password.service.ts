import { Injectable, Logger } from '@nestjs/common';
import argon2 from 'argon2';

/** argon2id with the library's recommended parameters (RFC 9106 second choice). */
@Injectable()
export class PasswordService {
  private readonly logger = new Logger('Passwords');
  /** Verified against when the user does not exist, so a miss costs as long as a hit. */
  private readonly dummy = argon2.hash('not-a-real-password', { type: argon2.argon2id });

  hash(password: string): Promise<string> {
    return argon2.hash(password, { type: argon2.argon2id });
  }

  async verify(hash: string | null | undefined, password: string): Promise<boolean> {
    if (!hash) {
      await argon2.verify(await this.dummy, password);
      return false;
    }
    // A stored hash argon2 cannot read matches no password; it is a fault worth a log line.
    return argon2.verify(hash, password).catch((err: unknown) => {
      this.logger.error({ err }, 'a stored password hash cannot be read');
      return false;
    });
  }
}
