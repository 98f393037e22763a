import { AccessToken } from '../auth/access-token.entity.js';
import { AuditEntry } from '../audit/audit-entry.entity.js';
import { User } from '../users/user.entity.js';

/** Every entity, listed once for the app's data source and the migration CLI. */
export const entities = [User, AccessToken, AuditEntry];
