import { Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AppConfig } from '../config/app-config';
import { dataSourceOptions } from './data-source-options';
import { appRoleWeaknesses, ensureLoginRole, grantAppRole, roleOf } from './database-roles';
import type { DatabaseLocation } from './resolve-database';

/**
 * Before the app's pool opens: the owner runs the pending migrations and gives the app's role its
 * rights (creating that role when it is missing and the owner may); then the app's role is checked.
 * A role through which a consular transaction could escape row-level security (a superuser, the owner
 * of the tables, or a consular role with BYPASSRLS) stops a production start: the control would be silently gone. Elsewhere (a single DATABASE_URL in
 * development, the benchmarks) the log says so loudly and the start goes on.
 */
export async function prepareDatabase(location: DatabaseLocation, env: AppConfig['env']): Promise<void> {
  const owner = new DataSource(dataSourceOptions(location.migrationUrl, { size: 1 }));
  await owner.initialize();
  try {
    await owner.runMigrations();
    const appRole = roleOf(location.url);
    if (appRole && appRole !== roleOf(location.migrationUrl)) {
      const query = (sql: string, params?: unknown[]) => owner.query(sql, params);
      const password = decodeURIComponent(new URL(location.url).password);
      if (password) await ensureLoginRole(query, appRole, password, location.ownsAppRole);
      await grantAppRole(query, appRole);
    }
  } finally {
    await owner.destroy();
  }

  const weaknesses = await appRoleWeaknesses(location.url);
  if (!weaknesses.length) return;
  const message =
    `The app's database role ${weaknesses.join(', ')}: row-level security cannot bind it. Set ` +
    `DATABASE_MIGRATION_URL to the tables' owner and DATABASE_URL to a role that owns nothing ` +
    `(README, "Configuration").`;
  if (env === 'production') throw new Error(message);
  new Logger('Database').warn(message);
}
