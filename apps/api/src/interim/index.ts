// The public surface of this module: what other modules may import (lint rule congress/module-boundaries).
export { InterimModule } from './interim.module.js';
export { InterimErrorCode, InterimException } from './interim.exception.js';
export { jointMeetingMay, RESERVED_FOR_CONGRESS } from './joint-meeting-rule.js';
export { FindingStatus, isFindingOverdue } from './finding-status.js';
export { JointMeetingsService } from './joint-meetings.service.js';
export { ToursService } from './tours.service.js';
