import { applyDecorators, SetMetadata } from '@nestjs/common';

export const AUDIT_ACTION = 'audit:action';
export const AUDIT_EVERY_ROLE = 'audit:every-role';
/**
 * Names the action in the audit log (default: `METHOD /route/:param`). `everyRole`: logged for
 * every role, not only staff, secretaries and admins (a presidium delegate starting a poll).
 */
export const Audited = (action: string, options: { everyRole?: boolean } = {}) =>
  applyDecorators(
    SetMetadata(AUDIT_ACTION, action),
    ...(options.everyRole ? [SetMetadata(AUDIT_EVERY_ROLE, true)] : []),
  );
