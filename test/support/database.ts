import { Client } from 'pg';
import { CONSULAR_DB_ROLE, grantConsularRole } from '../../src/database/database-roles';

/**
 * The suite's app signs in as a role that owns nothing, as in production, so every spec runs under
 * row-level security; the server's superuser owns the tables and runs the migrations.
 */
export const TEST_APP_ROLE = 'safe_return_test_app';
const TEST_APP_PASSWORD = 'test-app-role-password';

/** The app's two addresses of one database on the suite's server (TEST_DATABASE_URL_BASE, superuser). */
export function testDatabaseEnv(database: string): { DATABASE_URL: string; DATABASE_MIGRATION_URL: string } {
  const owner = new URL(`${process.env.TEST_DATABASE_URL_BASE}${database}`);
  const app = new URL(owner);
  app.username = TEST_APP_ROLE;
  app.password = TEST_APP_PASSWORD;
  return { DATABASE_URL: app.toString(), DATABASE_MIGRATION_URL: owner.toString() };
}

/**
 * The server-wide roles, made once before the workers start: the app's login role and the consular
 * role it may switch to (the migration would make that one too, but many workers' migrations at once
 * would race for it).
 */
export async function createTestRoles(ownerBaseUrl: string): Promise<void> {
  const client = new Client({ connectionString: `${ownerBaseUrl}postgres` });
  await client.connect();
  try {
    await client.query(
      `DO $$ BEGIN ALTER ROLE ${TEST_APP_ROLE} BYPASSRLS; EXCEPTION WHEN undefined_object THEN NULL; END $$`,
    );
    for (const sql of [
      // BYPASSRLS as the app's start gives it (src/database/database-roles.ts): made here, once, so
      // that the workers' starts find nothing to change on this server-wide role.
      `CREATE ROLE ${TEST_APP_ROLE} LOGIN NOSUPERUSER BYPASSRLS NOCREATEROLE NOCREATEDB
         PASSWORD '${TEST_APP_PASSWORD}'`,
      `CREATE ROLE ${CONSULAR_DB_ROLE} NOLOGIN NOSUPERUSER NOBYPASSRLS NOCREATEROLE NOCREATEDB`,
      grantConsularRole(TEST_APP_ROLE),
    ]) {
      await client.query(`DO $$ BEGIN ${sql}; EXCEPTION WHEN duplicate_object THEN NULL; END $$`);
    }
  } finally {
    await client.end();
  }
}

/**
 * `work` on a connection of the tables' owner to this worker's database, for what the app's role may
 * not do (DDL, settings of the database, tampering behind a trigger's back): closed afterwards.
 */
export async function asOwner<T>(work: (owner: Client) => Promise<T>): Promise<T> {
  const owner = new Client({ connectionString: process.env.DATABASE_MIGRATION_URL });
  await owner.connect();
  try {
    return await work(owner);
  } finally {
    await owner.end();
  }
}
