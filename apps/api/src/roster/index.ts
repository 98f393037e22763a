// The public surface of this module: what other modules may import (lint rule congress/module-boundaries).
// Seats are this module's tables: others ask SeatsService, and raw SQL that must hold the seat
// rule in its own WHERE takes it from seat-rules.ts.
export { RosterModule } from './roster.module.js';
export { SeatsService } from './seats.service.js';
export { GroupsService } from './groups.service.js';
export { SessionIncidentsService } from './session-incidents.service.js';
export { DelegateCardsService } from './delegate-cards.service.js';
export {
  isServing,
  isServingVoter,
  servingAttendeeSql,
  servingSeatSql,
  servingVoterSql,
  watchesAsSeat,
} from './seat-rules.js';
export { RosterErrorCode, RosterException } from './roster.exception.js';
export * from './roster.enums.js';
export type { Delegate } from './delegate.entity.js';
export type { DelegationGroup } from './delegation-group.entity.js';
// The roster's spreadsheet reader (worker thread, zip guard, CSV encodings), reused by the
// employee import of 厂务公开.
export { RosterParser } from './roster-parser.js';
export {
  employeeNumberKey,
  MAX_FILE_BYTES as MAX_ROSTER_FILE_BYTES,
  normalizeEmployeeNumber,
} from './import/index.js';
export type { ParsedSheet, RosterProblem } from './import/index.js';
export { normalizeName } from './import/validate-roster.js';
