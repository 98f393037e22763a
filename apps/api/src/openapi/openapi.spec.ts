import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { INestApplication } from '@nestjs/common';
import type { OpenAPIObject } from '@nestjs/swagger';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { API_CLIENT_DIR, renderApiClient } from './api-client.js';
import { createOpenApiDocument, type RouteFacts, routeFacts } from './openapi-document.js';
import { createPreviewApp } from './preview-app.js';

type Operation = NonNullable<OpenAPIObject['paths'][string]['get']>;
type Schema = {
  $ref?: string;
  type?: string;
  format?: string;
  items?: Schema;
  oneOf?: Schema[];
};

const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;
const ERROR_BODY = '#/components/schemas/ErrorBody';

let app: INestApplication;
let doc: OpenAPIObject;
let routes: Map<string, RouteFacts>;
const operations: { name: string; op: Operation }[] = [];

beforeAll(async () => {
  app = await createPreviewApp();
  doc = createOpenApiDocument(app);
  routes = new Map(routeFacts(app).map((r) => [r.operationId, r]));
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const method of METHODS) {
      const op = item[method];
      if (op) operations.push({ name: `${method.toUpperCase()} ${path}`, op });
    }
  }
});
afterAll(() => app?.close());

/** A typed answer: a named schema (or a list of them), or the bytes of a file. */
function typedSchema(contentType: string, schema: Schema | undefined): boolean {
  if (!schema) return false;
  if (contentType !== 'application/json') return schema.type === 'string';
  if (schema.type === 'array') return !!schema.items?.$ref;
  // One route answering with one of several typed bodies (a preview or the issue itself).
  if (schema.oneOf) return schema.oneOf.length > 0 && schema.oneOf.every((s) => !!s.$ref);
  return !!schema.$ref;
}

describe('the OpenAPI document', () => {
  it('documents every route of the app, each once', () => {
    expect(operations.length).toBe(routes.size);
    const ids = operations.map(({ op }) => op.operationId);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(routes.has(id!)).toBe(true);
  });

  it('gives every operation a summary in Chinese first and a readable operation id', () => {
    const bad = operations.filter(
      ({ op }) =>
        !/^[\u3400-\u9fff]/.test(op.summary ?? '') ||
        !/^[A-Z][A-Za-z]+_[a-z][A-Za-z]+$/.test(op.operationId ?? ''),
    );
    expect(bad.map((x) => x.name)).toEqual([]);
  });

  it('types the success answer with the status the route really sends', () => {
    const bad = operations.filter(({ op }) => {
      const status = routes.get(op.operationId!)!.status;
      const ok = Object.keys(op.responses).filter((s) => s.startsWith('2'));
      if (ok.length !== 1 || ok[0] !== String(status)) return true;
      const { content } = op.responses[status] as { content?: Record<string, { schema?: Schema }> };
      if (status === 204) return content !== undefined;
      return (
        !content ||
        Object.keys(content).length === 0 ||
        Object.entries(content).some(([type, media]) => !typedSchema(type, media.schema))
      );
    });
    expect(bad.map((x) => x.name)).toEqual([]);
  });

  it('asks for the bearer token everywhere except on public routes', () => {
    expect(doc.components?.securitySchemes?.bearer).toEqual({
      type: 'http',
      scheme: 'bearer',
      description: expect.stringContaining('/api/auth/login'),
    });
    expect(doc.security).toEqual([{ bearer: [] }]);
    const bad = operations.filter(({ op }) =>
      routes.get(op.operationId!)!.isPublic
        ? !(Array.isArray(op.security) && op.security.length === 0) || op.responses[401]
        : op.security !== undefined || !op.responses[401] || !op.responses[403],
    );
    expect(bad.map((x) => x.name)).toEqual([]);
    const open = operations.filter(({ op }) => routes.get(op.operationId!)!.isPublic);
    expect(open.map((x) => x.name)).toEqual(
      expect.arrayContaining(['POST /api/auth/login', 'GET /health']),
    );
  });

  it('documents error answers with the one ErrorBody schema', () => {
    const bad = operations.filter(({ op }) => {
      const errors = Object.entries(op.responses).filter(([s]) => /^[45]/.test(s));
      const hasPathParam = (op.parameters ?? []).some((p) => 'in' in p && p.in === 'path');
      return (
        (hasPathParam && !op.responses[404]) ||
        errors.some(
          ([, r]) =>
            (r as { content?: Record<string, { schema?: Schema }> }).content?.['application/json']
              ?.schema?.$ref !== ERROR_BODY,
        )
      );
    });
    expect(bad.map((x) => x.name)).toEqual([]);
    expect(doc.components?.schemas?.ErrorBody).toMatchObject({
      required: ['statusCode', 'code', 'message'],
    });
  });
});

/**
 * Properties that really are free-form JSON. Any other bare `object` is a lost type: a property
 * declared `number | null` or initialised (`threshold = 2`) without `type:` in its decorator is
 * emitted as `object`, and the client then types it `Record<string, never>` (it did, for the
 * ceremony's threshold, a poll's `secret` and the workforce figures).
 */
const FREE_FORM = new Set([
  'AuditEntryResponse.details',
  'ReadyResponse.error',
  'NotificationResponse.data',
  'TermResponse.settings',
  'TermResponse.effectiveSettings',
  'SessionResponse.settings',
  'SessionResponse.effectiveSettings',
  'AgendaItemResponse.vote',
  'VersionItemResponse.vote',
  'ProposalEventResponse.data',
  'MinutesResponse.edits',
  'MinutesResponse.document',
]);

describe('the API schemas', () => {
  it('type every property: a bare object only where the JSON is free-form', () => {
    type Prop = Schema & { properties?: object; additionalProperties?: unknown; allOf?: Schema[] };
    const bare: string[] = [];
    for (const [name, schema] of Object.entries(doc.components?.schemas ?? {}))
      for (const [prop, p] of Object.entries(
        (schema as { properties?: Record<string, Prop> }).properties ?? {},
      ))
        if (
          p.type === 'object' &&
          !p.properties &&
          !p.allOf &&
          p.additionalProperties === undefined
        )
          bare.push(`${name}.${prop}`);
    expect(bare.filter((b) => !FREE_FORM.has(b))).toEqual([]);
  });
});

describe('the committed web client', () => {
  it(`matches the server (else run \`npm run api:client\` and commit ${API_CLIENT_DIR})`, async () => {
    const files = await renderApiClient(doc);
    for (const [name, text] of Object.entries(files)) {
      const committed = await readFile(join(API_CLIENT_DIR, name), 'utf8').catch(() => '');
      expect({ name, same: committed === text }).toEqual({ name, same: true });
    }
  });
});

describe('the API types', () => {
  it('live in files named <topic>.dto.ts (input) or <area>.responses.ts (output)', async () => {
    const files = (await readdir('apps/api/src', { recursive: true })).filter((f) =>
      /(^|\/)dto\/[^/]+\.ts$/.test(f),
    );
    expect(files.length).toBeGreaterThan(30);
    expect(files.filter((f) => !/\/[a-z-]+\.(dto|responses)\.ts$/.test(f))).toEqual([]);
  });
});
