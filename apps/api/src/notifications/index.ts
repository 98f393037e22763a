// The public surface of this module: what other modules may import (lint rule congress/module-boundaries).
export { NotificationsModule } from './notifications.module.js';
export { NotificationsService, type NotificationPayload } from './notifications.service.js';
