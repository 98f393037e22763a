import { SetMetadata } from '@nestjs/common';

export const AUDIT_ACTION = 'audit:action';
/** Names the action in the audit log (default: `METHOD /route/:param`). */
export const Audited = (action: string) => SetMetadata(AUDIT_ACTION, action);
