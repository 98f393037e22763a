import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC = 'auth:public';
/** Opens a route to callers without a token. Everything else requires one. */
export const Public = () => SetMetadata(IS_PUBLIC, true);

export const ALLOW_PENDING_PASSWORD = 'auth:allow-pending-password';
/** Lets an account that must change its one-time password still reach this route. */
export const AllowPendingPasswordChange = () => SetMetadata(ALLOW_PENDING_PASSWORD, true);
