import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig } from '../config/app-config';
import { dataSourceOptions } from './data-source-options';
import { prepareDatabase } from './prepare-database';
import type { DatabaseLocation } from './resolve-database';
import { Transactions } from './transactions';

@Module({})
export class DatabaseModule {
  /**
   * `database` is the embedded PostgreSQL's address when main.ts started one; otherwise DATABASE_URL
   * (and DATABASE_MIGRATION_URL) from the config. Pending migrations run, as the tables' owner, before
   * the app serves anything; the app's pool signs in as the app's role.
   */
  static forRoot(database?: DatabaseLocation): DynamicModule {
    return {
      module: DatabaseModule,
      // Global: every feature runs its transactions through the one helper.
      global: true,
      providers: [Transactions],
      exports: [Transactions],
      imports: [
        TypeOrmModule.forRootAsync({
          inject: [AppConfig],
          useFactory: async (config: AppConfig) => {
            const url = database?.url ?? config.databaseUrl;
            if (!url) throw new Error('No database: set DATABASE_URL or start through main.ts (embedded)');
            // The owner migrates on a connection of its own, without the requests' time budget (a
            // migration may rewrite a large table for minutes); the app's pool gives up within it.
            await prepareDatabase(
              database ?? { url, migrationUrl: config.databaseMigrationUrl ?? url, ownsAppRole: false },
              config.env,
            );
            return dataSourceOptions(url, {
              size: config.databasePoolSize,
              timeoutMs: config.databaseTimeoutMs,
            });
          },
        }),
      ],
    };
  }
}
