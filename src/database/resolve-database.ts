import { join } from 'node:path';
import { AppConfig } from '../config/app-config';
import { EMBEDDED_DATABASE, EMBEDDED_DEFAULT_PORT } from './embedded-defaults';
import { startEmbeddedPostgres } from './embedded-postgres';

/**
 * DATABASE_URL, or else the embedded PostgreSQL in the data folder (started, or joined when
 * `npm start` already runs it). Shared by main.ts and the command-line tools.
 */
export async function resolveDatabase(
  config: AppConfig,
): Promise<{ url: string; stop: () => Promise<void> }> {
  if (config.databaseUrl) return { url: config.databaseUrl, stop: async () => undefined };
  const pg = await startEmbeddedPostgres({
    dataDir: join(config.dataDir),
    port: EMBEDDED_DEFAULT_PORT,
    databases: [EMBEDDED_DATABASE],
  });
  return { url: pg.urlFor(EMBEDDED_DATABASE), stop: () => pg.stop() };
}
