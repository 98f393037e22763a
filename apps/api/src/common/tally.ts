// The pure counting library (libs/tally), re-exported so the api imports it from one place.
export * from '../../../../libs/tally/src/index.js';
