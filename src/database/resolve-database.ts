import { join } from 'node:path';
import { AppConfig } from '../config/app-config';
import { EMBEDDED_DATABASE } from './embedded-defaults';
import { PortInUseError, startEmbeddedPostgres } from './embedded-postgres';

/**
 * DATABASE_URL, or else the embedded PostgreSQL in the data folder (started, or joined when
 * `npm start` already runs it). Shared by main.ts and the command-line tools.
 */
export async function resolveDatabase(
  config: AppConfig,
  onProcess?: () => void,
): Promise<{ url: string; stop: () => Promise<void> }> {
  if (config.databaseUrl) return { url: config.databaseUrl, stop: async () => undefined };
  const pg = await startEmbeddedPostgres({
    dataDir: join(config.dataDir),
    port: config.embeddedDatabasePort,
    databases: [EMBEDDED_DATABASE],
    onProcess,
  }).catch((error: unknown) => {
    if (!(error instanceof PortInUseError)) throw error;
    throw new Error(
      `the embedded PostgreSQL cannot start: port ${error.port} is already in use (another PostgreSQL, ` +
        `or another checkout's npm start?). Stop what uses it, or set EMBEDDED_DATABASE_PORT to a free ` +
        `port, or DATABASE_URL to use another PostgreSQL.`,
    );
  });
  return { url: pg.urlFor(EMBEDDED_DATABASE), stop: () => pg.stop() };
}
