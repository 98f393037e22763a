/**
 * The node flags the api runs with: `npm start`, `npm run start:prod`, the Docker image and the
 * benches (docker/docker.spec.ts checks they agree).
 *
 * `--max-semi-space-size=16` (MB): V8's young generation grows to 2 × 64 MB on a machine with
 * this much memory and stays there. 16 MB semi-spaces took ~90 MB off the api's resident memory
 * at rest and ~160–245 MB after a 2,000-ballot poll, with the CPU per acknowledged ballot
 * unchanged (bench/README.md, "Memory attributed").
 */
export const API_NODE_FLAGS: readonly string[] = ['--max-semi-space-size=16'];
