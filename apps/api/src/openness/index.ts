// The public surface of this module: what other modules may import (lint rule congress/module-boundaries).
export { OpennessModule } from './openness.module.js';
export { OpennessErrorCode, OpennessException } from './openness.exception.js';
export * from './openness.enums.js';
export { OpennessStatus } from './openness-status.js';
export { PlanService, type PlanLine } from './plan.service.js';
export { SatisfactionService } from './satisfaction.service.js';
