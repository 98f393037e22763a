// The public surface of this module: what other modules may import (lint rule congress/module-boundaries).
export { AuditModule } from './audit.module.js';
export { AuditService, type AuditActor, type AuditRecord } from './audit.service.js';
export * from './audited.decorator.js';
