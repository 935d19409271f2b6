import { Client } from 'pg';

/**
 * The database roles of row-level security (migration EnableRowLevelSecurity says how they bind):
 * - the owner runs the migrations and owns the tables (embedded: the server's superuser);
 * - the app's role, the one the app connects as: no owner, no superuser, no BYPASSRLS;
 * - `safe_return_consular`, which a consular officer's transaction switches to and which the policies
 *   bind. The migration creates it; the app's role is made a member so that it may switch.
 */
export const CONSULAR_DB_ROLE = 'safe_return_consular';

const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;
const literal = (text: string) => `'${text.replace(/'/g, "''")}'`;

/** The login role the app uses on its embedded PostgreSQL. */
export const EMBEDDED_APP_ROLE = 'safe_return_app';

/**
 * The app's role may switch to the consular role (SET) but must not inherit it: policies written
 * `TO safe_return_consular` apply to every role that inherits it, and would bind staff too.
 * PostgreSQL 16 or later. Granting again only sets the options (a membership granted before, with
 * INHERIT, is corrected).
 */
export const grantConsularRole = (appRole: string) =>
  `GRANT ${ident(CONSULAR_DB_ROLE)} TO ${ident(appRole)} WITH INHERIT FALSE, SET TRUE`;

/** Runs one statement: a pg Client's or a TypeORM manager's `query`. */
export type Query = (sql: string, params?: unknown[]) => Promise<unknown>;

/** The role a connection string signs in as, or undefined when it names none. */
export function roleOf(url: string): string | undefined {
  const name = decodeURIComponent(new URL(url).username);
  return name || undefined;
}

/**
 * Creates the app's login role when it does not exist yet (the owner needs CREATEROLE for that), as
 * weak as a role can be. `resetPassword`: the password is ours to keep (embedded), so an existing role
 * gets it again; a DBA's role keeps the one the DBA gave it.
 */
export async function ensureLoginRole(
  query: Query,
  role: string,
  password: string,
  resetPassword: boolean,
): Promise<void> {
  const rows = (await query('SELECT 1 FROM pg_roles WHERE rolname = $1', [role])) as unknown[];
  if (!rows.length) {
    // CREATE ROLE takes no parameters. Two processes may start at once: the second finds it made.
    await query(`DO $$ BEGIN
        CREATE ROLE ${ident(role)} LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEROLE NOCREATEDB
          PASSWORD ${literal(password)};
      EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
      END $$`);
  }
  if (rows.length && resetPassword) {
    await query(`ALTER ROLE ${ident(role)} PASSWORD ${literal(password)}`);
  }
}

/**
 * What the app's role may do on the owner's tables, given by the owner after the migrations (run at
 * every start, so tables of later migrations are covered; default privileges cover tables the owner
 * creates meanwhile). Reads, writes and upkeep (MAINTAIN), never DDL, TRUNCATE (which policies do
 * not see) or ownership.
 */
export async function grantAppRole(query: Query, role: string): Promise<void> {
  const [{ schema }] = (await query('SELECT current_schema() AS schema')) as { schema: string }[];
  const to = ident(role);
  const s = ident(schema);
  await query(`GRANT USAGE ON SCHEMA ${s} TO ${to}`);
  await query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA ${s} TO ${to}`);
  await query(`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA ${s} TO ${to}`);
  // VACUUM and ANALYZE after erasures (the retention run) are the owner's unless MAINTAIN is granted
  // (PostgreSQL 17+; it allows no DDL and no way around the policies). On 16 such a vacuum is skipped
  // with a warning, and autovacuum does it later.
  const [{ version }] = (await query(`SELECT current_setting('server_version_num')::int AS version`)) as {
    version: number;
  }[];
  const maintain = version >= 170000 ? ', MAINTAIN' : '';
  if (maintain) await query(`GRANT MAINTAIN ON ALL TABLES IN SCHEMA ${s} TO ${to}`);
  await query(
    `ALTER DEFAULT PRIVILEGES IN SCHEMA ${s} GRANT SELECT, INSERT, UPDATE, DELETE${maintain} ON TABLES TO ${to}`,
  );
  await query(`ALTER DEFAULT PRIVILEGES IN SCHEMA ${s} GRANT USAGE, SELECT ON SEQUENCES TO ${to}`);
  // Only when needed: app instances starting at once would otherwise update one row together.
  const [{ ok }] = (await query(
    `SELECT pg_has_role($1, $2, 'MEMBER') AND NOT pg_has_role($1, $2, 'USAGE') AS ok`,
    [role, CONSULAR_DB_ROLE],
  )) as { ok: boolean }[];
  if (!ok) await query(grantConsularRole(role));
}

/**
 * Why the role a connection string signs in as would escape the policies: a superuser, BYPASSRLS, or
 * the owner of a table under row-level security (who may drop its policies). Empty: none.
 */
export async function appRoleWeaknesses(url: string): Promise<string[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ rolsuper: boolean; rolbypassrls: boolean; owned: number }>(
      `SELECT r.rolsuper, r.rolbypassrls,
              (SELECT count(*)::int FROM pg_class c
                WHERE c.relowner = r.oid AND c.relkind IN ('r', 'p')
                  AND c.relnamespace = current_schema()::regnamespace) AS owned
         FROM pg_roles r WHERE r.rolname = current_user`,
    );
    const [me] = rows;
    return [
      ...(me.rolsuper ? ['is a superuser'] : []),
      ...(me.rolbypassrls ? ['has BYPASSRLS'] : []),
      ...(me.owned ? [`owns ${me.owned} table(s)`] : []),
    ];
  } finally {
    await client.end();
  }
}
