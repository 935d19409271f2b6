'use strict';
/**
 * The web app's build (Vite, web/vite.config.ts → dist/web), and whether it is needed:
 *
 *   node scripts/build-web.js              build (part of `npm run build`)
 *   node scripts/build-web.js --if-needed  build only when a web source is newer than the last build
 *
 * `npm start` (scripts/start.js) and the web tests (scripts/test-web.js) call buildWebIfNeeded().
 * Its own stamp, apart from the API's: a change to the API does not rebuild the web app, nor the
 * reverse. `nest build` empties dist/, stamp included, so the next start builds the web app again.
 */
const { spawnSync } = require('node:child_process');
const { existsSync, mkdirSync, readdirSync, statSync, utimesSync, writeFileSync } = require('node:fs');
const { dirname, join } = require('node:path');

const ROOT = join(__dirname, '..');
const WEB_DIST = join(ROOT, 'dist', 'web');
const STAMP = join(ROOT, 'dist', '.web-build');
/** What the web build reads: web/ (its sources, index.html, vite.config.ts, tsconfig.json) and the lockfile. */
const WEB_INPUTS = ['web', 'package-lock.json'];
/** Under web/ but not read by the build: test output, the end-to-end specs. */
const NOT_INPUTS = new Set(['test-results', 'e2e', 'node_modules']);

/**
 * The newest change under a path. A folder counts by its own time too (a deleted file is a change),
 * but not web/ itself: creating web/test-results (the browser tests' screenshots) changes that time.
 */
function newestChange(path, top = true) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path)
    .filter((name) => !NOT_INPUTS.has(name))
    .reduce(
      (newest, name) => Math.max(newest, newestChange(join(path, name), false)),
      top ? 0 : stat.mtimeMs,
    );
}

function webIsUpToDate() {
  if (!existsSync(join(WEB_DIST, 'index.html')) || !existsSync(STAMP)) return false;
  const builtAt = statSync(STAMP).mtimeMs;
  return WEB_INPUTS.every((input) => newestChange(join(ROOT, input)) < builtAt);
}

function buildWeb() {
  let vite;
  try {
    vite = join(dirname(require.resolve('vite/package.json', { paths: [ROOT] })), 'bin', 'vite.js');
  } catch {
    // A production install (npm ci --omit=dev) has no Vite: serve the build that is there.
    if (existsSync(join(WEB_DIST, 'index.html'))) return;
    throw new Error('the web app is not built and Vite is not installed: run `npm ci` then `npm run build`');
  }
  const started = Date.now();
  const stampTime = new Date();
  const result = spawnSync(
    process.execPath,
    [vite, 'build', '--config', join('web', 'vite.config.ts'), '--logLevel', 'warn'],
    {
      cwd: ROOT,
      stdio: 'inherit',
      // Always the production build (minified React, no dev checks), even when the caller runs with
      // NODE_ENV=development, as `npm start` usually does.
      env: { ...process.env, NODE_ENV: 'production' },
    },
  );
  if (result.status !== 0) throw new Error('the web app did not build (see above)');
  mkdirSync(join(ROOT, 'dist'), { recursive: true });
  writeFileSync(STAMP, `${stampTime.toISOString()}\n`);
  utimesSync(STAMP, stampTime, stampTime);
  console.log(`web app built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

function buildWebIfNeeded() {
  if (!webIsUpToDate()) buildWeb();
}

module.exports = { buildWeb, buildWebIfNeeded, webIsUpToDate };

if (require.main === module) {
  try {
    if (process.argv.includes('--if-needed')) buildWebIfNeeded();
    else buildWeb();
  } catch (error) {
    console.error(error.message);
    process.exit(1);
  }
}
