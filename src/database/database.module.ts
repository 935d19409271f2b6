import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource, type DataSourceOptions } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { dataSourceOptions } from './data-source-options';
import { Transactions } from './transactions';

/**
 * Pending migrations, on a connection of their own without the requests' time budget: a migration
 * may rewrite a large table for minutes, where a request must give up within DATABASE_TIMEOUT_MS.
 */
async function migrate(url: string): Promise<void> {
  const migrator = new DataSource({ ...dataSourceOptions(url, { size: 1 }), migrationsRun: true });
  await migrator.initialize();
  await migrator.destroy();
}

@Module({})
export class DatabaseModule {
  /**
   * `databaseUrl` is the embedded PostgreSQL's address when main.ts started one; otherwise
   * DATABASE_URL from the config. Pending migrations run before the app serves anything.
   */
  static forRoot(databaseUrl?: string): DynamicModule {
    return {
      module: DatabaseModule,
      // Global: every feature runs its transactions through the one helper.
      global: true,
      providers: [Transactions],
      exports: [Transactions],
      imports: [
        TypeOrmModule.forRootAsync({
          inject: [AppConfig],
          useFactory: (config: AppConfig) => {
            const url = databaseUrl ?? config.databaseUrl;
            if (!url) throw new Error('No database: set DATABASE_URL or start through main.ts (embedded)');
            return dataSourceOptions(url, {
              size: config.databasePoolSize,
              timeoutMs: config.databaseTimeoutMs,
            });
          },
          dataSourceFactory: async (options?: DataSourceOptions) => {
            const { url } = options as DataSourceOptions & { url: string };
            await migrate(url);
            return new DataSource(options!);
          },
        }),
      ],
    };
  }
}
