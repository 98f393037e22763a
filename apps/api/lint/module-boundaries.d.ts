import type { ESLint } from 'eslint';

/** The `congress` ESLint plugin: its one rule, `module-boundaries` (see module-boundaries.js). */
declare const plugin: ESLint.Plugin;
export default plugin;
