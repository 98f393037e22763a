// End-to-end roster import: a 5,000-row GBK CSV through HTTP into PostgreSQL (dry run, then the
// real one-transaction import). Target (issue 3): under 10 s.
//   npm run build && node dist/bench/roster-import-db.bench.js
// Uses DATABASE_URL when set, otherwise an embedded PostgreSQL under data/bench.
import 'reflect-metadata';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import { NestFactory } from '@nestjs/core';
import iconv from 'iconv-lite';
import pg from 'pg';
import { AppModule } from '../apps/api/src/app.module.js';
import { configureApp } from '../apps/api/src/app.setup.js';
import { loadConfig } from '../apps/api/src/config/app-config.js';
import { startEmbeddedPostgres } from '../apps/api/src/database/embedded-postgres.js';
import { ADMIN_PASSWORD, apiClient } from './support.js';

const ROWS = Number(process.env.ROWS ?? 5000);
const GROUPS = Array.from({ length: 20 }, (_, i) => `第${i + 1}代表团`);
const CATEGORIES = ['一线职工', '专业技术人员', '管理人员', '中层以上管理人员', '企业领导人员'];

function rosterCsv(rows: number): Buffer {
  const lines = [
    '姓名,工号,性别,代表团,单位,代表类别,劳务派遣,代表类型,主席团,监票人,团长,手机,备注',
  ];
  for (let i = 0; i < rows; i++) {
    lines.push(
      [
        `职工${i}`,
        `B${100000 + i}`,
        i % 2 ? '女' : '男',
        GROUPS[i % GROUPS.length],
        '生产部',
        CATEGORIES[i % 5],
        '否',
        '代表',
        '否',
        '否',
        '否',
        '',
        '',
      ].join(','),
    );
  }
  return iconv.encode(lines.join('\r\n') + '\r\n', 'gb18030');
}

async function main(): Promise<void> {
  const embedded = process.env.DATABASE_URL
    ? undefined
    : await startEmbeddedPostgres({
        dataDir: './data/bench',
        port: Number(process.env.BENCH_PG_PORT ?? 54349),
      });
  const clusterUrl = process.env.DATABASE_URL ?? embedded!.url;
  const dbName = `bench_${Date.now()}`;
  const admin = new pg.Client({ connectionString: clusterUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${dbName}"`);
  const url = new URL(clusterUrl);
  url.pathname = `/${dbName}`;

  const config = {
    ...loadConfig({ LOG_LEVEL: 'silent', ADMIN_PASSWORD, LOGIN_RATE_LIMIT: '1000' }),
    databaseUrl: url.toString(),
  };
  const app = configureApp(await NestFactory.create(AppModule.register(config), { logger: false }));
  await app.listen(0, '127.0.0.1');
  const api = apiClient(`http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`);
  const base = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}/api`;
  const call = api.call;
  const staff = await api.staff();
  const term = await call('POST', '/terms', staff, {
    name: '基准测试届',
    startsOn: '2026-01-01',
    endsOn: '2030-12-31',
  });
  for (const name of GROUPS) await call('POST', `/terms/${term.id}/groups`, staff, { name });

  const file = rosterCsv(ROWS);
  const upload = async (dryRun: boolean) => {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(file)]), 'roster.csv');
    const started = performance.now();
    const res = await fetch(`${base}/terms/${term.id}/roster/import?dryRun=${dryRun}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${staff}` },
      body: form,
    });
    const body = (await res.json()) as { imported: number; valid: boolean };
    return { ms: Math.round(performance.now() - started), status: res.status, ...body };
  };
  const dry = await upload(true);
  const real = await upload(false);
  console.log(
    `dry run: ${dry.ms} ms (valid: ${dry.valid}); import: ${real.ms} ms (${real.imported} rows, HTTP ${real.status})`,
  );

  await app.close();
  await admin.query(`DROP DATABASE "${dbName}" WITH (FORCE)`);
  await admin.end();
  await embedded?.stop();
  console.log(
    JSON.stringify({
      bench: 'roster-import-db',
      rows: ROWS,
      bytes: file.length,
      node: process.version,
      cpus: os.cpus().length,
      dryRunMs: dry.ms,
      importMs: real.ms,
      imported: real.imported,
      targetMs: 10_000,
    }),
  );
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
