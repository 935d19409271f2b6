import { rmSync } from 'node:fs';
import type { RunningPostgres } from '../../src/database/embedded-postgres';
import { undocumentedResponses } from './responses';

export default async function globalTeardown(): Promise<void> {
  const responsesDir = process.env.TEST_RESPONSES_DIR;
  const undocumented = responsesDir ? undocumentedResponses(responsesDir) : undefined;
  if (responsesDir) rmSync(responsesDir, { recursive: true, force: true });

  const state = (globalThis as Record<string, unknown>).__SAFE_RETURN_PG__ as
    { pg: RunningPostgres; dir: string } | undefined;
  if (state) {
    await state.pg.stop();
    rmSync(state.dir, { recursive: true, force: true });
  }

  // Thrown last, once everything is cleaned up; jest then fails the run.
  if (undocumented?.length) {
    throw new Error(
      `The app sent responses its OpenAPI document does not list; add each status to the ` +
        `route's @ApiRoute(...) (src/common/api-docs.ts):\n  ${undocumented.join('\n  ')}`,
    );
  }
}
