import pg from 'pg';

/** Name of the migrated database every test file clones. */
export const TEMPLATE_DB = 'congress_template';

/** The cluster's admin URL, set by the global setup for the test workers. */
export function clusterUrl(): string {
  const url = process.env.TEST_CLUSTER_URL;
  if (!url)
    throw new Error(
      'TEST_CLUSTER_URL is not set: run the tests through jest (test/setup/global-setup.ts)',
    );
  return url;
}

export function databaseUrl(name: string): string {
  const url = new URL(clusterUrl());
  url.pathname = `/${name}`;
  return url.toString();
}

export async function withClient<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}
