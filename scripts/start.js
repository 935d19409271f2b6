'use strict';
/**
 * `npm start`: build when a source changed since the last build, then run the app and stay its
 * parent until it has stopped, so that stopping `npm start` (SIGTERM from a supervisor, Ctrl-C) stops
 * the app and its embedded PostgreSQL instead of leaving them running.
 *
 * `--build-only` (npm's `prepare`, which `npm ci` and `npm install` run): the same build when needed,
 * and no start. So a fresh clone is built during its install, and its first `npm start` only starts.
 *
 * package.json runs this with `exec`, so the shell npm starts is replaced by this process and npm's
 * forwarded signal reaches it. Node cannot replace itself with the app (no exec), so the app runs as
 * a child in a process group of its own (Ctrl-C at a terminal reaches it once, through here, not
 * twice) and every stop signal is passed on.
 */
const { spawn } = require('node:child_process');
const { existsSync, readdirSync, statSync, utimesSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');

const ROOT = join(__dirname, '..');
const DIST = join(ROOT, 'dist');
const ENTRY = join(DIST, 'src', 'main.js');
/** Written after a successful build: its time is "built at" (a failed or partial build leaves none). */
const STAMP = join(DIST, '.start-build');
/**
 * What the API's build reads (a missing one counts as unchanged; the web app has its own list and
 * stamp in build-web.js). Folders count by their own time too, so
 * a deleted file is a change.
 */
const INPUTS = [
  'src',
  'migrations',
  'bench',
  'scripts/build.js',
  'tsconfig.json',
  'tsconfig.build.json',
  'nest-cli.json',
  'package-lock.json',
];
/** Folders inside the inputs that the build does not read: installed packages, test output. */
const NOT_INPUTS = new Set(['node_modules', 'test-results']);
const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'];

function newestChange(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path)
    .filter((name) => !NOT_INPUTS.has(name))
    .reduce((newest, name) => Math.max(newest, newestChange(join(path, name))), stat.mtimeMs);
}

function isUpToDate() {
  if (!existsSync(ENTRY) || !existsSync(STAMP)) return false;
  const builtAt = statSync(STAMP).mtimeMs;
  return INPUTS.every((input) => newestChange(join(ROOT, input)) < builtAt);
}

function buildIfNeeded() {
  if (isUpToDate()) return;
  const started = Date.now();
  // The stamp's time is taken before the build: a file saved while it runs is built next time.
  const stampTime = new Date();
  require('./build').build();
  writeFileSync(STAMP, `${stampTime.toISOString()}\n`);
  utimesSync(STAMP, stampTime, stampTime);
  console.log(`built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

function run() {
  const app = spawn(process.execPath, [ENTRY], { stdio: 'inherit', detached: true, cwd: ROOT });
  const forward = (signal) => app.kill(signal);
  for (const signal of SIGNALS) process.on(signal, forward);
  app.on('exit', (code, signal) => {
    for (const s of SIGNALS) process.removeListener(s, forward);
    // Stop the way the app stopped, so npm and whoever started it see the same outcome.
    if (signal) process.kill(process.pid, signal);
    else process.exit(code ?? 1);
  });
}

/** A production install (`npm ci --omit=dev`) has no TypeScript: it runs a build made elsewhere. */
function canBuild() {
  try {
    require.resolve('typescript', { paths: [ROOT] });
    return true;
  } catch {
    return false;
  }
}

const buildOnly = process.argv.includes('--build-only');
if (buildOnly && !canBuild()) {
  console.log('no TypeScript here (a production install?): nothing built; npm start runs dist/ as it is');
  process.exit(0);
}
try {
  buildIfNeeded();
  // The web app at `/`: its own sources (web/, vite config) and stamp, see build-web.js.
  require('./build-web').buildWebIfNeeded();
} catch (error) {
  console.error(error.message);
  // An install is not the place to fail for the sources: the next start builds again and says why.
  process.exit(buildOnly ? 0 : 1);
}
if (!buildOnly) run();
