// The public surface of this module: what other modules may import (lint rule congress/module-boundaries).
export { CongressModule } from './congress.module.js';
export { TermsService } from './terms.service.js';
export { SessionsService } from './sessions.service.js';
export { CongressErrorCode, CongressException } from './congress.exception.js';
export * from './congress-settings.js';
export * from './session-status.js';
export type { CongressSession } from './congress-session.entity.js';
export type { Term } from './term.entity.js';
export * from './workforce.js';
export type { DateFinding } from './date-rules.js';
