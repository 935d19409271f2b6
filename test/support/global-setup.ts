import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmbeddedPostgres } from '../../src/database/embedded-postgres';
import { freePort } from '../../src/database/free-port';
import { createTestRoles } from './database';

/**
 * One throwaway PostgreSQL for the run (fsync off), with one database per jest worker.
 * Each worker's app applies the migrations to its own database on first start.
 * Also a folder where the workers note the responses their apps send (see responses.ts).
 */
export default async function globalSetup(globalConfig: { maxWorkers: number }): Promise<void> {
  process.env.TEST_RESPONSES_DIR = mkdtempSync(join(tmpdir(), 'safe-return-responses-'));
  if (process.env.TEST_DATABASE_URL_BASE) {
    // an external server was given
    await createTestRoles(process.env.TEST_DATABASE_URL_BASE);
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), 'safe-return-test-'));
  chmodSync(dir, 0o755);
  try {
    const workers = Math.max(1, globalConfig.maxWorkers);
    const pg = await startEmbeddedPostgres({
      dataDir: dir,
      port: await freePort(),
      databases: Array.from({ length: workers }, (_, i) => `sr_test_${i + 1}`),
      settings: { fsync: 'off', synchronous_commit: 'off', full_page_writes: 'off', max_connections: '300' },
    });
    process.env.TEST_DATABASE_URL_BASE = pg.urlFor('');
    await createTestRoles(process.env.TEST_DATABASE_URL_BASE);
    (globalThis as Record<string, unknown>).__SAFE_RETURN_PG__ = { pg, dir };
  } catch (error) {
    // globalTeardown does not run after a failed globalSetup: clean up here.
    rmSync(dir, { recursive: true, force: true });
    rmSync(process.env.TEST_RESPONSES_DIR, { recursive: true, force: true });
    throw error;
  }
}
