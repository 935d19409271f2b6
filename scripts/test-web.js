'use strict';
/**
 * The web app's tests, after the API's jest suite in `npm test`:
 *
 * 1. a build of the API and the web app, when dist/ is missing or older than their sources (CI has
 *    just run `npm run build`, so nothing is rebuilt there);
 * 2. component and logic tests (Vitest, jsdom: web/src/**\/*.test.ts(x));
 * 3. the first-visit budget (scripts/check-web-budget.js);
 * 4. the end-to-end tests (Vitest + playwright-core + Debian's Chromium: web/e2e), with the check
 *    that the committed API types match the API.
 */
const { spawnSync } = require('node:child_process');
const { existsSync, readdirSync, statSync } = require('node:fs');
const { join } = require('node:path');
const { buildWebIfNeeded } = require('./build-web');

const ROOT = join(__dirname, '..');
const API_ENTRY = join(ROOT, 'dist', 'src', 'main.js');
const API_INPUTS = [
  'src',
  'migrations',
  'bench',
  'tsconfig.json',
  'tsconfig.build.json',
  'nest-cli.json',
  'package-lock.json',
];

function newestChange(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce(
    (newest, name) => Math.max(newest, newestChange(join(path, name))),
    stat.mtimeMs,
  );
}

function step(title, command, args) {
  console.log(`\n== ${title}`);
  const started = Date.now();
  const result = spawnSync(command, args, { cwd: ROOT, stdio: 'inherit' });
  console.log(
    `== ${title}: ${result.status === 0 ? 'passed' : 'FAILED'} in ${((Date.now() - started) / 1000).toFixed(0)} s`,
  );
  if (result.status !== 0) process.exit(result.status ?? 1);
}

const apiBuiltAt = existsSync(API_ENTRY) ? statSync(API_ENTRY).mtimeMs : 0;
if (API_INPUTS.some((input) => newestChange(join(ROOT, input)) > apiBuiltAt)) {
  step('build the API (sources changed since dist/)', process.execPath, [join(ROOT, 'scripts', 'build.js')]);
}
console.log('\n== build the web app if its sources changed');
buildWebIfNeeded();

const vitest = join(ROOT, 'node_modules', 'vitest', 'vitest.mjs');
step('web unit tests', process.execPath, [vitest, 'run', '--root', 'web']);
step('web first-visit budget', process.execPath, [join(ROOT, 'scripts', 'check-web-budget.js')]);
if (!existsSync('/usr/bin/chromium')) {
  console.error('\n/usr/bin/chromium is missing: `apt-get install -y chromium` (.ci/run does it)');
  process.exit(1);
}
step('web end-to-end tests', process.execPath, [vitest, 'run', '--root', 'web/e2e']);
