import { rmSync } from 'node:fs';
import type { RunningPostgres } from '../../src/database/embedded-postgres';

export default async function globalTeardown(): Promise<void> {
  const state = (globalThis as Record<string, unknown>).__SAFE_RETURN_PG__ as
    { pg: RunningPostgres; dir: string } | undefined;
  if (!state) return;
  await state.pg.stop();
  rmSync(state.dir, { recursive: true, force: true });
}
