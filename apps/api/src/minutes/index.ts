// The public surface of this module: what other modules may import (lint rule congress/module-boundaries).
export { MinutesModule } from './minutes.module.js';
export { ArchiveService, RETENTION_RULE } from './archive.service.js';
export { MinutesErrorCode, MinutesException } from './minutes.exception.js';
