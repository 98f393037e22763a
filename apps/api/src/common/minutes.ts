// The minutes library (libs/minutes), re-exported so the api imports it from one place.
export * from '../../../../libs/minutes/src/index.js';
export * from '../../../../libs/minutes/src/node/index.js';
