import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { get, request } from 'node:http';
import { connect, createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../src/database/free-port';

/**
 * `npm start` as an operator runs it: its own embedded PostgreSQL in a fresh data folder, on ports of
 * its own, stopped by a signal to npm. The first start may build (a minute on a busy machine).
 */
const ROOT = join(__dirname, '..');
const BUILD_AND_START_MS = 240_000;

interface Started {
  npm: ChildProcess;
  output: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

function npmStart(env: Record<string, string>): Started {
  const childEnv: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'development', LOG_LEVEL: 'warn', ...env };
  // The test workers' own database: the started app must run its embedded one.
  delete childEnv.DATABASE_URL;
  delete childEnv.DATABASE_MIGRATION_URL;
  const npm = spawn('npm', ['start'], { cwd: ROOT, env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  npm.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  npm.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    npm.on('exit', (code, signal) => resolve({ code, signal })),
  );
  return { npm, output: () => output, exited };
}

function healthStatus(port: number): Promise<number | undefined> {
  return new Promise((resolve) => {
    const req = get({ host: '127.0.0.1', port, path: '/api/v1/health', timeout: 1000 }, (res) => {
      res.resume();
      resolve(res.statusCode);
    });
    req.on('error', () => resolve(undefined));
    req.on('timeout', () => req.destroy());
  });
}

async function waitForHealth(port: number, started: Started): Promise<void> {
  let exited = false;
  void started.exited.then(() => (exited = true));
  const deadline = Date.now() + BUILD_AND_START_MS;
  while (Date.now() < deadline && !exited) {
    if ((await healthStatus(port)) === 200) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`not healthy (exited: ${exited}):\n${started.output()}`);
}

/** Every process now running: pid, parent and command line. */
function processes(): { pid: number; ppid: number; args: string }[] {
  return execFileSync('ps', ['-eo', 'pid=,ppid=,args='])
    .toString()
    .split('\n')
    .map((line) => /^\s*(\d+)\s+(\d+)\s+(.*)$/.exec(line))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => ({ pid: Number(m[1]), ppid: Number(m[2]), args: m[3] }));
}

/** A process and everything it started, its children's children included. */
function tree(root: number): { pid: number; args: string }[] {
  const all = processes();
  const found = all.filter((p) => p.pid === root);
  for (let i = 0; i < found.length; i++) found.push(...all.filter((p) => p.ppid === found[i].pid));
  return found;
}

/** The start ended by the SIGTERM it was sent, leaving no process of its own behind. */
async function expectStoppedBySigterm(
  exited: Started['exited'],
  running: { pid: number }[],
  dataDir: string,
): Promise<void> {
  const exit = await exited;
  expect(exit.signal === 'SIGTERM' || exit.code === 143).toBe(true);
  expect(
    await leftOver(
      running.map((p) => p.pid),
      dataDir,
    ),
  ).toEqual([]);
}

/**
 * What a failed stop left running would hold the output pipes open and hang the run: killed. Only
 * processes still running the command they were started with: a pid may have been reused.
 */
function killLeftOver(started: { pid: number; args: string }[]): void {
  const now = processes();
  for (const { pid, args } of started) {
    if (now.some((p) => p.pid === pid && p.args === args)) process.kill(pid, 'SIGKILL');
  }
}

/** What is left of a started app: its process tree, and any PostgreSQL of its data folder. */
async function leftOver(pids: number[], dataDir: string): Promise<string[]> {
  const deadline = Date.now() + 20_000;
  let left: string[] = [];
  do {
    left = processes()
      .filter((p) => pids.includes(p.pid) || p.args.includes(join(dataDir, 'pg')))
      .map((p) => `${p.pid} ${p.args}`);
    if (!left.length) return left;
    await new Promise((r) => setTimeout(r, 250));
  } while (Date.now() < deadline);
  return left;
}

interface HeldRequest {
  /** Sends the rest of the body; resolves with the answer's status (0: the connection was cut). */
  finish: () => Promise<number>;
}

/**
 * A POST the app has surely received but cannot finish yet: its headers are answered with 100
 * Continue (so the app has accepted the connection and read them), then half the body is sent and
 * the rest waits for `finish`. A request in flight for as long as the test wants, with no timing.
 */
function holdRequest(port: number, path: string, body: object): Promise<HeldRequest> {
  const bytes = Buffer.from(JSON.stringify(body));
  return new Promise((resolve, reject) => {
    const req = request({
      host: '127.0.0.1',
      port,
      path,
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Content-Length': bytes.length, Expect: '100-continue' },
    });
    const answered = new Promise<number>((done) => {
      req.on('response', (res) => {
        res.resume();
        res.on('end', () => done(res.statusCode ?? 0));
      });
      req.on('error', () => done(0));
    });
    req.once('error', reject);
    req.on('continue', () => {
      req.write(bytes.subarray(0, bytes.length >> 1));
      resolve({
        finish: () => {
          req.end(bytes.subarray(bytes.length >> 1));
          return answered;
        },
      });
    });
  });
}

/** Whether a new connection to the port is refused (nothing listens there any more). */
function refused(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code === 'ECONNREFUSED'));
  });
}

describe('npm start', () => {
  let dataDir: string;
  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'safe-return-start-'));
    chmodSync(dataDir, 0o755); // the postgres user must reach it when the tests run as root
  });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  const ports = async () => ({
    PORT: String(await freePort()),
    EMBEDDED_DATABASE_PORT: String(await freePort()),
  });

  it(
    'stops the app and its embedded PostgreSQL on a SIGTERM to npm, leaving no process behind',
    async () => {
      const env = { DATA_DIR: dataDir, ...(await ports()) };
      const started = npmStart(env);
      let running: { pid: number; args: string }[] = [];
      try {
        await waitForHealth(Number(env.PORT), started);
        running = tree(started.npm.pid!);
        // npm, the launcher, the app, and PostgreSQL's own processes.
        expect(running.some((p) => p.args.includes('dist/src/main.js'))).toBe(true);
        expect(running.some((p) => p.args.includes(join(dataDir, 'pg')))).toBe(true);

        process.kill(started.npm.pid!, 'SIGTERM');
        await expectStoppedBySigterm(started.exited, running, dataDir);
      } finally {
        killLeftOver(running);
      }
    },
    BUILD_AND_START_MS + 60_000,
  );

  it(
    'on SIGTERM refuses new connections, lets the requests in flight finish, then stops the app and its PostgreSQL',
    async () => {
      const admin = { email: 'drain.admin@example.org', password: 'drain-admin-password-1' };
      const env = {
        DATA_DIR: dataDir,
        ...(await ports()),
        BOOTSTRAP_ADMIN_EMAIL: admin.email,
        BOOTSTRAP_ADMIN_PASSWORD: admin.password,
      };
      const port = Number(env.PORT);
      const started = npmStart(env);
      let running: { pid: number; args: string }[] = [];
      try {
        await waitForHealth(port, started);
        running = tree(started.npm.pid!);
        const app = running.find((p) => p.args.includes('dist/src/main.js'))!;
        // Sign-ins: each reads and writes the database once its body is in, after the signal.
        const held = await Promise.all(
          Array.from({ length: 4 }, () => holdRequest(port, '/api/v1/auth/login', admin)),
        );

        process.kill(started.npm.pid!, 'SIGTERM');
        const deadline = Date.now() + 10_000;
        while (!(await refused(port)) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
        expect(await refused(port)).toBe(true);
        // Still running: the requests it holds are not done.
        expect(processes().some((p) => p.pid === app.pid)).toBe(true);

        expect(await Promise.all(held.map((h) => h.finish()))).toEqual([200, 200, 200, 200]);
        await expectStoppedBySigterm(started.exited, running, dataDir);
      } finally {
        killLeftOver(running);
      }
    },
    BUILD_AND_START_MS + 60_000,
  );

  it(
    'starts again without building when nothing changed',
    async () => {
      const env = { DATA_DIR: dataDir, ...(await ports()) };
      const first = npmStart(env);
      await waitForHealth(Number(env.PORT), first);
      first.npm.kill('SIGTERM');
      await first.exited;

      const second = npmStart(env);
      try {
        await waitForHealth(Number(env.PORT), second);
        expect(second.output()).not.toMatch(/built in/);
      } finally {
        second.npm.kill('SIGTERM');
        await second.exited;
      }
    },
    BUILD_AND_START_MS + 60_000,
  );

  it('builds only, and starts nothing, for npm ci and npm install (prepare)', () => {
    // The starts above built: nothing changed since, so this has nothing to do and returns.
    const output = execFileSync(process.execPath, [join(ROOT, 'scripts', 'start.js'), '--build-only'], {
      cwd: ROOT,
      timeout: BUILD_AND_START_MS,
    }).toString();
    expect(output).not.toMatch(/built in/);
    expect(existsSync(join(ROOT, 'dist', 'src', 'main.js'))).toBe(true);
  });

  describe('when the embedded database port is taken', () => {
    let occupier: Server;
    let taken: number;
    beforeEach(async () => {
      taken = await freePort();
      occupier = createServer();
      await new Promise<void>((resolve) => occupier.listen(taken, '127.0.0.1', resolve));
    });
    afterEach(() => new Promise<void>((resolve) => occupier.close(() => resolve())));

    it(
      'fails at once with a message that says so and what to do, exit code 1',
      async () => {
        const started = npmStart({
          DATA_DIR: dataDir,
          PORT: String(await freePort()),
          EMBEDDED_DATABASE_PORT: String(taken),
        });
        const exit = await started.exited;
        expect(exit.code).toBe(1);
        expect(started.output()).toContain(`port ${taken} is already in use`);
        expect(started.output()).toContain('set EMBEDDED_DATABASE_PORT to a free port');
        expect(started.output()).not.toContain('Cannot read properties');
        // Refused before initdb: no cluster was made for nothing.
        expect(existsSync(join(dataDir, 'pg', 'PG_VERSION'))).toBe(false);
        expect(await leftOver([started.npm.pid!], dataDir)).toEqual([]);
      },
      BUILD_AND_START_MS,
    );
  });
});
