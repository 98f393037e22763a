// The public surface of this module: what other modules may import (lint rule congress/module-boundaries).
// Seats are this module's tables: others ask SeatsService, and raw SQL that must hold the seat
// rule in its own WHERE takes it from seat-rules.ts.
export { RosterModule } from './roster.module.js';
export { SeatsService } from './seats.service.js';
export { GroupsService } from './groups.service.js';
export { SessionIncidentsService } from './session-incidents.service.js';
export { DelegateCardsService } from './delegate-cards.service.js';
export {
  isServingVoter,
  servingAttendeeSql,
  servingSeatSql,
  servingVoterSql,
} from './seat-rules.js';
export { RosterErrorCode, RosterException } from './roster.exception.js';
export * from './roster.enums.js';
export type { Delegate } from './delegate.entity.js';
export type { DelegationGroup } from './delegation-group.entity.js';
