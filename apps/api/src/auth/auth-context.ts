import type { Role } from '../users/role.enum.js';

/** Who is calling, resolved from a valid, unrevoked token; attached to requests and sockets. */
export interface AuthContext {
  userId: string;
  username: string;
  displayName: string;
  role: Role;
  tokenId: string;
  expiresAt: Date;
  mustChangePassword: boolean;
}
