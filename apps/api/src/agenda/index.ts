// The public surface of this module: what other modules may import (lint rule congress/module-boundaries).
export { AgendaModule } from './agenda.module.js';
export { AgendaItemsService } from './agenda-items.service.js';
export { CirculationService } from './circulation.service.js';
export { LateItemsService, type Votability } from './late-items.service.js';
export { AgendaErrorCode, AgendaException } from './agenda.exception.js';
export * from './agenda.enums.js';
export * from './vote-spec.js';
export type { AgendaSnapshot, SnapshotDocument, SnapshotItem } from './agenda-snapshot.js';
export type { AgendaItem } from './agenda-item.entity.js';
export type { AgendaVersion } from './agenda-version.entity.js';
