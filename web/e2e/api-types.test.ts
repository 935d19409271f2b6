import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { ROOT } from './support/paths';

/** web/src/api/schema.d.ts is committed: it must be what the API's document gives today. */
it('the generated API types match the built API (else: npm run api:types)', () => {
  const run = () =>
    execFileSync(process.execPath, [join(ROOT, 'scripts', 'api-types.js'), '--check'], {
      cwd: ROOT,
      stdio: 'pipe',
    });
  expect(run).not.toThrow();
});
