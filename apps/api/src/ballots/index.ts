// The public surface of this module: what other modules may import (lint rule congress/module-boundaries).
export { BallotsModule } from './ballots.module.js';
export { PollsService } from './polls.service.js';
