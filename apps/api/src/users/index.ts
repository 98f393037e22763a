// The public surface of this module: what other modules may import (lint rule congress/module-boundaries).
export { UsersModule } from './users.module.js';
export { UsersService } from './users.service.js';
export { UsersErrorCode, UsersException } from './users.exception.js';
export * from './role.enum.js';
