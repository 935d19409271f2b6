import { join } from 'node:path';
import { DataSourceOptions } from 'typeorm';
import { boundedPoolSettings } from './bounded-client';
import { SnakeNamingStrategy } from './snake-naming.strategy';

// ts-node and ts-jest load .ts files, compiled code .js files: glob with the running file's extension.
const ext = __filename.endsWith('.ts') ? 'ts' : 'js';

export interface PoolLimits {
  size: number;
  /**
   * The longest any wait on the database may take (DATABASE_TIMEOUT_MS); unset for migrations, which
   * may rewrite a large table for minutes.
   */
  timeoutMs?: number;
}

/** The one set of options shared by the app (DatabaseModule) and the TypeORM CLI (data-source.ts). */
export function dataSourceOptions(url: string, pool: PoolLimits = { size: 10 }): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: [join(__dirname, '..', '**', `*.entity.${ext}`)],
    migrations: [join(__dirname, '..', '..', 'migrations', `*.${ext}`)],
    migrationsTableName: 'schema_migrations',
    migrationsTransactionMode: 'each',
    namingStrategy: new SnakeNamingStrategy(),
    synchronize: false,
    // gen_random_uuid() is built into PostgreSQL >= 13: no extension, so no superuser on a managed Postgres.
    uuidExtension: 'pgcrypto',
    installExtensions: false,
    // UTC sessions: date filters (`from`/`to` days) mean UTC days whatever the server's time zone.
    extra: {
      max: pool.size,
      application_name: 'safe-return',
      options: '-c TimeZone=UTC',
      ...(pool.timeoutMs === undefined ? {} : boundedPoolSettings(pool.timeoutMs)),
    },
    // TypeORM's own query logging prints parameters (names, emails) on failure: errors are logged by
    // the error filter instead, with the Postgres code and constraint only.
    logging: false,
  };
}
