// The public surface of this module: what other modules may import (lint rule congress/module-boundaries).
export { TellersModule } from './tellers.module.js';
export { CeremoniesService } from './ceremonies.service.js';
export { TellersErrorCode, TellersException } from './tellers.exception.js';
export { SlipsService } from './slips.service.js';
