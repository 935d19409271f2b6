'use strict';
/**
 * The web app's first-visit budget: the JavaScript a caseworker's browser downloads before the app
 * can show anything (the entry chunk and every chunk it imports statically, transitively) must stay
 * under 300 kB gzipped. Read from Vite's manifest of the production build (dist/web/.vite).
 * Chunks loaded by a route (React Router's `lazy`) are not counted: that is where charts, dates and
 * every page belong.
 *
 *   node scripts/check-web-budget.js   (part of `npm test`; needs `npm run build`)
 */
const { existsSync, readFileSync } = require('node:fs');
const { join } = require('node:path');
const { gzipSync } = require('node:zlib');

const ROOT = join(__dirname, '..');
const WEB = join(ROOT, 'dist', 'web');
const MANIFEST = join(WEB, '.vite', 'manifest.json');
const BUDGET_BYTES = 300 * 1000;

function initialChunks(manifest) {
  const entries = Object.keys(manifest).filter((key) => manifest[key].isEntry);
  const seen = new Set();
  const visit = (key) => {
    if (seen.has(key)) return;
    seen.add(key);
    for (const imported of manifest[key].imports ?? []) visit(imported);
  };
  entries.forEach(visit);
  return [...seen].map((key) => manifest[key].file).filter((file) => file.endsWith('.js'));
}

function main() {
  if (!existsSync(MANIFEST)) {
    throw new Error(`${MANIFEST} is missing: run \`npm run build\` first`);
  }
  const manifest = JSON.parse(readFileSync(MANIFEST, 'utf8'));
  const files = initialChunks(manifest);
  let total = 0;
  for (const file of files) {
    const size = gzipSync(readFileSync(join(WEB, file)), { level: 9 }).length;
    total += size;
    console.log(`  ${(size / 1000).toFixed(1).padStart(7)} kB  ${file}`);
  }
  const verdict = total <= BUDGET_BYTES ? 'within' : 'OVER';
  console.log(
    `initial JavaScript: ${(total / 1000).toFixed(1)} kB gzipped in ${files.length} files, ${verdict} the budget of ${BUDGET_BYTES / 1000} kB`,
  );
  if (total > BUDGET_BYTES) process.exit(1);
}

try {
  main();
} catch (error) {
  console.error(error.message);
  process.exit(1);
}
