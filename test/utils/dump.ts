import pg from 'pg';

/** Every row of every table, system columns included, as text (what an operator could read). */
export async function dumpDatabase(url: string): Promise<string> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const tables = await client.query<{ t: string }>(
      `SELECT quote_ident(tablename) AS t FROM pg_tables WHERE schemaname = 'public'`,
    );
    let dump = '';
    for (const { t } of tables.rows) {
      const rows = await client.query(
        `SELECT xmin::text AS xmin, ctid::text AS ctid, row_to_json(x)::text AS row FROM ${t} x`,
      );
      dump += rows.rows.map((r) => `${t} ${r.xmin} ${r.ctid} ${r.row}`).join('\n') + '\n';
    }
    return dump;
  } finally {
    await client.end();
  }
}
