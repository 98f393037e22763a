// The public surface of this module: what other modules may import (lint rule congress/module-boundaries).
export { BallotsModule } from './ballots.module.js';
export { PollsService } from './polls.service.js';
// The decryption seam (docs/architecture.md): who decrypts a closed poll, and where the answer goes.
export { BallotsClose } from './close.service.js';
export { PollDecryptor } from './poll-decryptor.js';
export { BoardService } from './board.service.js';
