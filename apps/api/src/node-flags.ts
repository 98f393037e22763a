/**
 * The node flags and environment the api runs with: `npm start`, `npm run start:prod`, the Docker
 * image and the benches (docker/docker.spec.ts checks they agree).
 *
 * `--max-semi-space-size=16` (MB): V8's young generation grows to 2 × 64 MB on a machine with
 * this much memory and stays there. 16 MB semi-spaces took ~90 MB off the api's resident memory
 * at rest and ~160–245 MB after a 2,000-ballot poll, with the CPU per acknowledged ballot
 * unchanged (bench/README.md, "Memory attributed").
 */
export const API_NODE_FLAGS: readonly string[] = ['--max-semi-space-size=16'];

/**
 * `MALLOC_ARENA_MAX=2`: glibc keeps two malloc arenas instead of one per thread that allocates
 * (the verifier threads, libuv's pool, V8's helpers); ~100 MB less resident memory after a
 * 2,000-ballot poll, no slower (bench/README.md). glibc reads it when the process starts, so it is
 * set in front of the command (`npm start` runs on Linux: the embedded PostgreSQL is linux-x64).
 */
export const API_ENV: Readonly<Record<string, string>> = { MALLOC_ARENA_MAX: '2' };
