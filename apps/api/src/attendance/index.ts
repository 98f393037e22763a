// The public surface of this module: what other modules may import (lint rule congress/module-boundaries).
export { AttendanceModule } from './attendance.module.js';
export { AttendanceService, mayFollow, sessionRoom, watchRoom } from './attendance.service.js';
export type { AttendanceRow, AttendanceSummary } from './attendance.service.js';
// PresenceModule: what the roster asks (AttendanceModule imports the roster, so not that one).
export { PresenceModule } from './presence.module.js';
export { PresenceService } from './presence.service.js';
export { checkedInSql } from './presence.js';
export { AttendanceErrorCode, AttendanceException } from './attendance.exception.js';
export { AttendanceStatus } from './attendance.entity.js';
