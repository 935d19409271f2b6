'use strict';
/**
 * `npm run fuzz`: the fuzz spec (test/fuzz.e2e-spec.ts) for longer than CI runs it, with a random seed
 * printed first and last. `FUZZ_SEED` and `FUZZ_RUNS` (runs per operation) set either; the same pair
 * replays a run exactly.
 */
const { spawnSync } = require('node:child_process');
const { join } = require('node:path');

const seed = process.env.FUZZ_SEED ?? String(Math.floor(Math.random() * 2 ** 31));
const runs = process.env.FUZZ_RUNS ?? '200';
const replay = `FUZZ_SEED=${seed} FUZZ_RUNS=${runs} npm run fuzz`;
console.log(`fuzz: seed ${seed}, ${runs} runs per operation (replay: ${replay})`);
const jest = join(__dirname, '..', 'node_modules', 'jest', 'bin', 'jest.js');
const result = spawnSync(
  process.execPath,
  [jest, '--selectProjects', 'e2e', '--runTestsByPath', 'test/fuzz.e2e-spec.ts'],
  { stdio: 'inherit', env: { ...process.env, FUZZ_SEED: seed, FUZZ_RUNS: runs } },
);
console.log(`fuzz: ${result.status === 0 ? 'passed' : 'FAILED'} (replay: ${replay})`);
process.exit(result.status ?? 1);
