import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../../src/database/free-port';

const ROOT = join(__dirname, '..', '..');
const START_MS = 120_000;

/** Running, or stopped by a signal: not gone, and not a zombie nobody reaped yet. */
function isAlive(pid: number): boolean {
  try {
    return !/^\d+ \(.*\) [ZX]/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
}

/**
 * A PostgreSQL that a test may kill, freeze and restart: a cluster of its own on a port of its own,
 * run by test/support/postgres-process.ts, so the suite's shared server is never touched.
 */
export class OwnPostgres {
  private runner?: ChildProcess;

  private constructor(
    private readonly dataDir: string,
    private readonly port: number,
    readonly database: string,
    public url = '',
  ) {}

  static async start(database: string): Promise<OwnPostgres> {
    const dataDir = mkdtempSync(join(tmpdir(), 'safe-return-own-pg-'));
    chmodSync(dataDir, 0o755); // the postgres user must reach it when the tests run as root
    const pg = new OwnPostgres(dataDir, await freePort(), database);
    await pg.run();
    return pg;
  }

  /** Starts (or starts again, after a crash) the server on the same folder and port. */
  async run(): Promise<void> {
    const runner = spawn(
      process.execPath,
      [
        '-r',
        'ts-node/register/transpile-only',
        join(__dirname, 'postgres-process.ts'),
        this.dataDir,
        String(this.port),
        this.database,
      ],
      { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    this.runner = runner;
    let output = '';
    this.url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`PostgreSQL not ready:\n${output}`)), START_MS);
      runner.stdout!.on('data', (d: Buffer) => {
        output += d.toString();
        const ready = /^ready (\S+)$/m.exec(output);
        if (ready) {
          clearTimeout(timer);
          resolve(ready[1]);
        }
      });
      runner.stderr!.on('data', (d: Buffer) => (output += d.toString()));
      runner.on('exit', () => {
        clearTimeout(timer);
        reject(new Error(`PostgreSQL runner exited:\n${output}`));
      });
    });
  }

  /** The server's processes: the postmaster (postmaster.pid) and every backend and worker it started. */
  processes(): number[] {
    const postmaster = Number(
      readFileSync(join(this.dataDir, 'pg', 'postmaster.pid'), 'utf8').split('\n')[0],
    );
    const children = execFileSync('ps', ['-eo', 'pid=,ppid='])
      .toString()
      .split('\n')
      .map((line) => line.trim().split(/\s+/).map(Number))
      .filter(([, ppid]) => ppid === postmaster)
      .map(([pid]) => pid);
    return [postmaster, ...children];
  }

  /** Sends `signal` to every process of the server at once, as a host crash or a frozen VM would. */
  signalAll(signal: NodeJS.Signals): void {
    for (const pid of this.processes()) {
      try {
        process.kill(pid, signal);
      } catch {
        // Gone already (a backend that ended on its own).
      }
    }
  }

  /** SIGKILL to the server and its runner: nothing is shut down cleanly. */
  async crash(): Promise<void> {
    const runner = this.runner!;
    const exited = new Promise((resolve) => runner.once('exit', resolve));
    const pids = this.processes();
    this.signalAll('SIGKILL');
    runner.kill('SIGKILL');
    await exited;
    // A new postmaster refuses to start while a process of the old one still holds its memory.
    const deadline = Date.now() + 20_000;
    while (pids.some(isAlive) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  }

  /** A clean stop (thawed first, should it be frozen), and the folder removed. */
  async stop(): Promise<void> {
    const runner = this.runner;
    if (runner && runner.exitCode === null && runner.signalCode === null) {
      try {
        this.signalAll('SIGCONT');
      } catch {
        // No postmaster.pid: the server is not running.
      }
      const exited = new Promise((resolve) => runner.once('exit', resolve));
      runner.kill('SIGTERM');
      await exited;
    }
    rmSync(this.dataDir, { recursive: true, force: true });
  }
}
