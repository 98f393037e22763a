/**
 * libs/contracts: what the api and its clients (apps/web, tests, bench) agree on. Plain
 * TypeScript: the socket.io events with their payloads, acknowledgements and error codes, and the
 * vocabularies and shapes a screen needs. No runtime dependency; types only from libs/tally and
 * libs/ballot.
 */
export * from './vocabulary.js';
export * from './errors.js';
export * from './agenda.js';
export * from './attendance.js';
export * from './polls.js';
export * from './tellers.js';
export * from './notifications.js';
export * from './incidents.js';
export * from './events.js';
export * from './openness.js';
