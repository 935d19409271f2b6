import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig } from '../config/app-config';
import { dataSourceOptions } from './data-source-options';
import { Transactions } from './transactions';

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
            return {
              ...dataSourceOptions(url, config.databasePoolSize),
              migrationsRun: true,
            };
          },
        }),
      ],
    };
  }
}
