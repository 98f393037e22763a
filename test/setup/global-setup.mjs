// Jest loads global setup outside its own module system, where `./x.js` specifiers do not find
// the TypeScript sources; tsx loads them instead.
import { tsImport } from 'tsx/esm/api';

export default async function globalSetup() {
  // The e2e and browser projects share one PostgreSQL: whichever runs first starts it.
  if (globalThis.__testPostgresReady) return;
  const { prepareDatabase } = await tsImport('./prepare-database.ts', import.meta.url);
  globalThis.__testPostgres = await prepareDatabase();
  globalThis.__testPostgresReady = true;
}
