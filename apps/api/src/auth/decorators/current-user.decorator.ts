import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { AuthContext } from '../auth-context.js';

/**
 * The authenticated caller of an HTTP route or of a socket request (whose socket was
 * authenticated at the handshake, see SocketAuthAdapter).
 */
export const CurrentUser = createParamDecorator((_: unknown, ctx: ExecutionContext): AuthContext =>
  ctx.getType() === 'ws'
    ? ctx.switchToWs().getClient<{ data: { auth: AuthContext } }>().data.auth
    : ctx.switchToHttp().getRequest().auth,
);
