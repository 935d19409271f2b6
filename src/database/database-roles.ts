import { Client } from 'pg';

/**
 * The database roles of row-level security (migration EnableRowLevelSecurity says how they bind):
 * - the owner runs the migrations and owns the tables (embedded: the server's superuser);
 * - the app's role, the one the app connects as: no owner, no superuser; BYPASSRLS where the owner
 *   may give it (see below);
 * - `safe_return_consular`, which a consular officer's transaction switches to and which the policies
 *   bind: never BYPASSRLS, never a superuser. The migration creates it; the app's role is made a
 *   member so that it may switch.
 *
 * Why the app's role bypasses the policies: they bind the consular role only, so for staff they are
 * `USING (true)`, which changes no answer, but PostgreSQL then plans every staff query on a table
 * under row-level security without the columns' statistics for any operator that is not leakproof
 * (LIKE, `~`, the trigram operators): a staff name search that matches nobody was estimated at
 * thousands of rows, walked the whole people table in date order, and took 0.3 s at 300,000 people
 * where it takes 5 ms with its statistics (bench/results/300k-lists-read-marks.md). With BYPASSRLS
 * staff queries are planned as the owner's; a consular transaction switches to the consular role,
 * which has no BYPASSRLS, and stays bound.
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
 * BYPASSRLS for the app's role (see the top of this file), when the owner may give it: a superuser
 * may; a role with only CREATEROLE may not (PostgreSQL 16+), and then staff queries run under the
 * `USING (true)` policies, slower to plan well but with the same answers.
 */
async function letBypassPolicies(query: Query, role: string): Promise<void> {
  await query(`DO $$ BEGIN
      IF (SELECT rolsuper FROM pg_roles WHERE rolname = current_user)
         AND NOT (SELECT rolbypassrls FROM pg_roles WHERE rolname = ${literal(role)}) THEN
        ALTER ROLE ${ident(role)} BYPASSRLS;
      END IF;
    -- Instances starting at once: the one that lost the race finds it done ("tuple concurrently updated").
    EXCEPTION WHEN internal_error THEN NULL;
    END $$`);
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
  await letBypassPolicies(query, role);
}

/**
 * Why the policies could not bind a consular officer's transaction made through the role a connection
 * string signs in as: that role is a superuser (it may switch to any role, or none) or owns a table
 * under row-level security (it may drop the policies), or the consular role it switches to has
 * BYPASSRLS or is a superuser. The app's own BYPASSRLS is none of these: the binding is the switch.
 * Empty: none.
 */
export async function appRoleWeaknesses(url: string): Promise<string[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ rolsuper: boolean; owned: number; consular_escapes: boolean }>(
      `SELECT r.rolsuper,
              (SELECT count(*)::int FROM pg_class c
                WHERE c.relowner = r.oid AND c.relkind IN ('r', 'p')
                  AND c.relnamespace = current_schema()::regnamespace) AS owned,
              coalesce((SELECT k.rolsuper OR k.rolbypassrls FROM pg_roles k WHERE k.rolname = $1), false)
                AS consular_escapes
         FROM pg_roles r WHERE r.rolname = current_user`,
      [CONSULAR_DB_ROLE],
    );
    const [me] = rows;
    return [
      ...(me.rolsuper ? ['is a superuser'] : []),
      ...(me.owned ? [`owns ${me.owned} table(s)`] : []),
      ...(me.consular_escapes
        ? [`switches to ${CONSULAR_DB_ROLE}, which has BYPASSRLS or is a superuser`]
        : []),
    ];
  } finally {
    await client.end();
  }
}
