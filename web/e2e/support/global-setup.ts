import { type ChildProcess, spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { ROOT } from './paths';

declare module 'vitest' {
  export interface ProvidedContext {
    baseURL: string;
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

async function waitForHealth(url: string, app: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (app.exitCode !== null) throw new Error(`the app stopped (${app.exitCode}):\n${output()}`);
    try {
      if ((await fetch(`${url}/api/v1/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`the app did not become healthy:\n${output()}`);
}

function run(args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${args[0]} failed:\n${output}`))));
  });
}

/**
 * The built app as `npm start` runs it (its own embedded PostgreSQL, development secrets), in a
 * throwaway folder on free ports, with the demo data loaded by the demo seed itself. Sign-ins are
 * many in a run, so the per-IP throttle is raised; everything else is the default configuration.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  // An app already running with the demo data (while working on a spec): `WEB_E2E_BASE_URL=http://localhost:3941`.
  const running = process.env.WEB_E2E_BASE_URL;
  if (running) {
    project.provide('baseURL', running);
    return async () => undefined;
  }
  for (const file of ['dist/src/main.js', 'dist/web/index.html']) {
    if (!existsSync(join(ROOT, file))) {
      throw new Error(
        `${file} is missing: run \`npm run build\` (or \`npm test\`, which builds when needed)`,
      );
    }
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'safe-return-web-e2e-'));
  chmodSync(dataDir, 0o755);
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'development',
    DATA_DIR: dataDir,
    EMBEDDED_DATABASE_PORT: String(await freePort()),
    PORT: String(port),
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    AUTH_THROTTLE_LIMIT: '10000',
    // One demo user per role walks every page in quick succession: not what the request limits are for.
    // The bulk-read guard keeps its default (500 people an hour): a supervisor's Laukkaing departure of
    // 273 people and a caseworker's day must fit in it as they would in the field.
    USER_THROTTLE_LIMIT: '10000',
  };
  delete env.DATABASE_URL;
  delete env.DATABASE_MIGRATION_URL;
  delete env.BOOTSTRAP_ADMIN_EMAIL;
  delete env.BOOTSTRAP_ADMIN_PASSWORD;

  const started = Date.now();
  const app = spawn(process.execPath, ['dist/src/main.js'], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  app.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  app.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise<void>((resolve) => app.on('exit', () => resolve()));
  const stop = async () => {
    if (app.exitCode === null) app.kill('SIGTERM');
    await exited;
    rmSync(dataDir, { recursive: true, force: true });
  };

  try {
    // localhost, not 127.0.0.1: the refresh cookie is Secure everywhere but plain http to localhost.
    const baseURL = `http://localhost:${port}`;
    await waitForHealth(baseURL, app, () => output);
    // The Laukkaing departure of 273 people is left for handovers.e2e.ts to record through the web app.
    await run(['dist/src/cli/seed-demo.js'], { ...env, DEMO_LEAVE_LAUKKAING_DEPARTURE: 'true' });
    console.log(
      `web e2e: app and demo data ready in ${((Date.now() - started) / 1000).toFixed(0)} s on ${baseURL}`,
    );
    project.provide('baseURL', baseURL);
  } catch (error) {
    await stop();
    throw error;
  }
  return stop;
}
