import {
  type CallHandler,
  type ExecutionContext,
  Injectable,
  type NestInterceptor,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { from, mergeMap, type Observable } from 'rxjs';
import type { AuthedRequest } from '../auth/guards/auth.guard.js';
import { AUDITED_ROLES } from '../users/role.enum.js';
import { AUDIT_ACTION, AUDIT_EVERY_ROLE } from './audited.decorator.js';
import { AuditService } from './audit.service.js';

const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Every successful state-changing HTTP request by staff, secretaries and admins lands in the
 * audit log (and any role's on a route marked `@Audited(…, { everyRole: true })`): who, what,
 * target (route parameters), when, from where. Request bodies are not
 * copied: they can hold passwords.
 */
@Injectable()
export class AuditInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    private readonly audit: AuditService,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const req = context.switchToHttp().getRequest<AuthedRequest>();
    const auth = req.auth;
    const everyRole = this.reflector.get<boolean>(AUDIT_EVERY_ROLE, context.getHandler()) ?? false;
    if (!auth || !MUTATING.has(req.method) || !(everyRole || AUDITED_ROLES.has(auth.role)))
      return next.handle();

    const action =
      this.reflector.get<string>(AUDIT_ACTION, context.getHandler()) ??
      `${req.method} ${(req.route as { path?: string } | undefined)?.path ?? req.path}`;
    const params = Object.entries(req.params ?? {});
    const target = params.length ? params.map(([k, v]) => `${k}=${String(v)}`).join(',') : null;
    return next.handle().pipe(
      mergeMap((result) =>
        from(
          this.audit
            .record({
              actor: { id: auth.userId, username: auth.username, role: auth.role },
              action,
              target,
              ip: req.ip,
            })
            .then(() => result),
        ),
      ),
    );
  }
}
