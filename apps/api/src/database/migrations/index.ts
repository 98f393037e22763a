import { Foundation1795258800000 } from './1795258800000-foundation.js';

/** Every migration, oldest first. A new migration is added here as well as in this folder. */
export const migrations = [Foundation1795258800000];
