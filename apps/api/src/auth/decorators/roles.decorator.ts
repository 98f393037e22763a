import { SetMetadata } from '@nestjs/common';
import type { Role } from '../../users/role.enum.js';

export const ROLES = 'auth:roles';
/** Only these roles may call the route, or send the socket request (checked by AuthGuard). */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES, roles);
