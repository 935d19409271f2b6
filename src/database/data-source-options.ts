import { join } from 'node:path';
import { DataSourceOptions } from 'typeorm';
import { SnakeNamingStrategy } from './snake-naming.strategy';

// ts-node and ts-jest load .ts files, compiled code .js files: glob with the running file's extension.
const ext = __filename.endsWith('.ts') ? 'ts' : 'js';

/** The one set of options shared by the app (DatabaseModule) and the TypeORM CLI (data-source.ts). */
export function dataSourceOptions(url: string, poolSize = 10): DataSourceOptions {
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
    extra: { max: poolSize, application_name: 'safe-return', options: '-c TimeZone=UTC' },
    // TypeORM's own query logging prints parameters (names, emails) on failure: errors are logged by
    // the error filter instead, with the Postgres code and constraint only.
    logging: false,
  };
}
