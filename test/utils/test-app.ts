import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { io, type Socket } from 'socket.io-client';
import request from 'supertest';
import type TestAgent from 'supertest/lib/agent.js';
import { AppModule } from '../../apps/api/src/app.module.js';
import { configureApp } from '../../apps/api/src/app.setup.js';
import { type AppConfig, loadConfig } from '../../apps/api/src/config/app-config.js';
import { databaseUrl, TEMPLATE_DB, withClient, clusterUrl } from '../setup/test-database.js';

export const ADMIN_PASSWORD = 'admin-password-for-tests';

/**
 * Tests send malformed and foreign payloads on purpose, so their sockets are untyped; clients use
 * `Socket<ServerToClientEvents, ClientToServerEvents>` from libs/contracts.
 */
export type TabletSocket = Socket;

export interface TestApp {
  app: INestApplication;
  config: AppConfig;
  /** Base URL of the listening server, e.g. http://127.0.0.1:40123 */
  url: string;
  /** Name of this file's own database. */
  database: string;
  http: () => TestAgent;
  /** Logs in and returns the access token. */
  login(username: string, password: string): Promise<string>;
  /** A socket.io client with this token; not yet connected unless `connect` is awaited. */
  socket(token: string): TabletSocket;
  /** Runs SQL on this file's database (to inspect what the app stored). */
  sql<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  close(): Promise<void>;
}

/** A fresh database cloned from the migrated template. */
export async function createTestDatabase(): Promise<string> {
  const name = `test_${randomBytes(6).toString('hex')}`;
  await withClient(clusterUrl(), (c) =>
    c.query(`CREATE DATABASE "${name}" TEMPLATE "${TEMPLATE_DB}"`),
  );
  return name;
}

export async function dropTestDatabase(name: string): Promise<void> {
  await withClient(clusterUrl(), (c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
}

/** The real app on a real PostgreSQL (its own database), listening on a free loopback port. */
export async function createTestApp(overrides: Partial<AppConfig> = {}): Promise<TestApp> {
  const database = overrides.databaseUrl ? '' : await createTestDatabase();
  const config: AppConfig = {
    ...loadConfig({
      LOG_LEVEL: process.env.TEST_LOGS ? 'error' : 'silent',
      ADMIN_PASSWORD,
      LOGIN_RATE_LIMIT: '1000',
      LOGIN_ADDRESS_FAILURE_LIMIT: '100000',
      // Jest runs the TypeScript sources: the compiled verifier worker is not there.
      BALLOT_VERIFY_THREADS: '0',
      NODE_ENV: 'test',
    }),
    databaseUrl: database ? databaseUrl(database) : undefined,
    ...overrides,
  };
  // TEST_LOGS=1 shows the app's own logs (errors with stacks) while debugging a test.
  const app = configureApp(
    await NestFactory.create(
      AppModule.register(config),
      process.env.TEST_LOGS ? {} : { logger: false },
    ),
  );
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  const sockets: TabletSocket[] = [];

  const t: TestApp = {
    app,
    config,
    url,
    database,
    http: () => request(app.getHttpServer()),
    async login(username, password) {
      const res = await request(app.getHttpServer())
        .post('/api/auth/login')
        .send({ username, password });
      if (res.status !== 200)
        throw new Error(`login ${username} failed: ${res.status} ${JSON.stringify(res.body)}`);
      return res.body.accessToken as string;
    },
    socket(token) {
      const s: TabletSocket = io(url, {
        auth: { token },
        transports: ['websocket'],
        reconnection: false,
        forceNew: true,
      });
      sockets.push(s);
      return s;
    },
    sql: (text, params) =>
      withClient(
        databaseUrl(database),
        async (c) => (await c.query(text, params as unknown[])).rows,
      ),
    async close() {
      sockets.forEach((s) => s.disconnect());
      await app.close();
      if (database) await dropTestDatabase(database);
    },
  };
  return t;
}

/** A supertest parser that keeps a binary body (PDF, XLSX, documents) as a Buffer. */
type Parser = Parameters<ReturnType<TestAgent['get']>['parse']>[0];
export const binary: Parser = (res, done) => {
  const stream = res as unknown as NodeJS.ReadableStream;
  const chunks: Buffer[] = [];
  stream.on('data', (c: Buffer) => chunks.push(c));
  stream.on('end', () => done(null, Buffer.concat(chunks)));
};

/** Resolves on `connect`, rejects with the server's `connect_error` (its `data.code`). */
export function connected(socket: TabletSocket): Promise<void> {
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', (err) => reject(err));
  });
}
