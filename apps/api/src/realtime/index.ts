// The public surface of this module: what other modules may import (lint rule congress/module-boundaries).
export { RealtimeModule } from './realtime.module.js';
export { RealtimeService } from './realtime.service.js';
export { rooms, SocketAuthAdapter, type SocketData } from './socket-auth.adapter.js';
export { WsExceptionsFilter } from './ws-exceptions.filter.js';
export { ok, SocketRequest } from './socket-request.decorator.js';
