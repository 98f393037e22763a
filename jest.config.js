// Jest runs TypeScript as ES modules (NestJS 12 is ESM-only): `node --experimental-vm-modules`
// plus ts-jest in ESM mode. Three projects: pure unit specs next to the code, end-to-end specs
// in test/ that talk to a real PostgreSQL (see test/setup/global-setup.mjs), and browser specs
// in test/browser/ that drive the built web app in Debian's Chromium (same PostgreSQL).
const tsJest = [
  'ts-jest',
  { useESM: true, tsconfig: 'tsconfig.json', diagnostics: { ignoreCodes: ['TS151001'] } },
];
const database = {
  globalSetup: '<rootDir>/test/setup/global-setup.mjs',
  globalTeardown: '<rootDir>/test/setup/global-teardown.mjs',
};
const common = {
  extensionsToTreatAsEsm: ['.ts'],
  transform: { '^.+\\.ts$': tsJest },
  moduleNameMapper: {
    '^(\\.{1,2}/.*)\\.js$': '$1',
    // The web app's alias for libs/ (apps/web/vite.config.ts), so its pure modules' specs run here.
    '^@libs/(.*)\\.js$': '<rootDir>/libs/$1',
    // …and for its own sources (apps/web/src), so a spec can import what a page imports.
    '^@web/(.*)\\.js$': '<rootDir>/apps/web/src/$1',
  },
  testEnvironment: 'node',
};
export default {
  // Real argon2 hashing and a real database on a 2-core machine that may be busy with other
  // work (a full run once took 23 minutes at a load average of 20): generous per-test and
  // per-hook limits. A limit, not a timing assertion: timings are measured in bench/.
  testTimeout: 120_000,
  projects: [
    {
      ...common,
      displayName: 'unit',
      testMatch: ['<rootDir>/{apps,libs,docker,scripts,docs,bench}/**/*.spec.ts'],
    },
    {
      ...common,
      displayName: 'e2e',
      testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'],
      ...database,
    },
    {
      ...common,
      displayName: 'browser',
      testMatch: ['<rootDir>/test/browser/**/*.browser-spec.ts'],
      ...database,
    },
  ],
};
