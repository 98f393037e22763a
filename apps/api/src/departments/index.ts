// The public surface of this module: what other modules may import (lint rule congress/module-boundaries).
export { DepartmentsModule } from './departments.module.js';
export { DepartmentsService } from './departments.service.js';
export { DepartmentsErrorCode, DepartmentsException } from './departments.exception.js';
export type { Department } from './department.entity.js';
