// The public surface of this module: what other modules may import (lint rule congress/module-boundaries).
export { BallotsModule } from './ballots.module.js';
export { PollsService } from './polls.service.js';
// The decryption seam (docs/architecture.md): who decrypts a closed poll, and where the answer goes.
export { BallotsClose } from './close.service.js';
export { PollDecryptor } from './poll-decryptor.js';
export { BoardService } from './board.service.js';
// What another module may read of a poll (厂务公开's 满意度测评 reads its released result).
export type { Poll } from './poll.entity.js';
export { isHeld } from './poll-view.js';
