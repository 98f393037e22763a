/**
 * The node flags and environment the api runs with: `npm start`, `npm run start:prod`, the Docker
 * image and the benches (docker/docker.spec.ts checks they agree).
 *
 * `--max-semi-space-size=16` (MB): V8's young generation grows to 2 × 64 MB on a machine with
 * this much memory and stays there. 16 MB semi-spaces took ~90 MB off the api's resident memory
 * at rest and ~160–245 MB after a 2,000-ballot poll, with the CPU per acknowledged ballot
 * unchanged (bench/README.md, "Memory attributed").
 *
 * `--heap-growing-percent=50`: after a full collection V8 lets the old generation grow to 1.5 ×
 * what survived before the next one (its own factor reached ~2.5: ~125 MB live, next collection
 * at ~320 MB, one landing inside most castings and RSS 541–548 MB after a poll). A casting
 * promotes ~40–60 MB per 2,000 ballots: with a quarter (the eighth round's setting) a full
 * collection still fell inside most castings; with half, and the old generation collected in the
 * quiet moment before (below), none did (bench/README.md, "ninth round").
 *
 * `--expose-gc`: gives the api V8's `gc()`, which `startup/idle-collector.ts` calls when the main
 * thread has been idle for a second and the old generation has grown since it was last collected.
 * Nothing else calls it. It runs V8's memory-reducing collection, which returns freed pages to the
 * system (a regular one keeps them resident: ~13 MB more per poll).
 *
 * `--no-flush-bytecode`: with the memory-reducing collection and without this flag, four windows in
 * a row had p99 59–99 ms; with it, 18–29 ms (one six-window run each, bench/README.md, twelfth
 * round). V8 discards the bytecode of functions not run for a few collections, and each idle
 * collection is two: most likely the casting's own code, unused between castings, was compiled
 * again at the next one. The api's code is a fixed set; keeping its bytecode costs a few MB.
 */
export const API_NODE_FLAGS: readonly string[] = [
  '--max-semi-space-size=16',
  '--heap-growing-percent=50',
  '--expose-gc',
  '--no-flush-bytecode',
];

/**
 * `MALLOC_ARENA_MAX=2`: glibc keeps two malloc arenas instead of one per thread that allocates
 * (the verifier threads, libuv's pool, V8's helpers); ~100 MB less resident memory after a
 * 2,000-ballot poll, no slower (bench/README.md). glibc reads it when the process starts, so it is
 * set in front of the command (`npm start` runs on Linux: the embedded PostgreSQL is linux-x64).
 */
export const API_ENV: Readonly<Record<string, string>> = { MALLOC_ARENA_MAX: '2' };
