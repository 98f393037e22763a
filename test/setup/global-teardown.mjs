export default async function globalTeardown() {
  // Called once per project that uses it (e2e, browser): stop the shared PostgreSQL once.
  const postgres = globalThis.__testPostgres;
  globalThis.__testPostgres = undefined;
  await postgres?.stop();
}
