// The public surface of this module: what other modules may import (lint rule congress/module-boundaries).
export { HealthModule } from './health.module.js';
