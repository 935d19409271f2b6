import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Row-level security as defence in depth for the embassy's scope (DESIGN.md §4): a statement run for a
 * consular officer sees only the people of the access rule, their notifications and the handovers
 * holding them, even when the query forgets the application's filter.
 *
 * How a caller is bound: the app connects as a role that does not own these tables, and a consular
 * caller's transaction switches to the role `safe_return_consular` (`set_config('role', …, true)`,
 * src/database/transactions.ts), with its nationalities in the setting `app.nationalities`. The
 * policies restrict that role only. Staff, sign-in and background work run as the app's own role,
 * which the permissive `USING (true)` policies let see everything: a constant-true policy is dropped by
 * the planner, so staff queries keep their plans. A condition on a setting instead
 * (`current_setting('app.role') <> 'consular' OR …`) would be a security-barrier qual on every staff
 * query, and PostgreSQL then refuses to use a non-leakproof condition (the name search's LIKE, `%>>`
 * and `~` on the trigram indexes) as an index condition: every staff name search would read the table.
 *
 * The policy on people is the access rule of src/people/access/person-scope.ts (`scopeSql`, consular
 * case) in SQL, and the other tables' policies refer to it (a notification or a handover entry of a
 * person the officer may see); test/rls.e2e-spec.ts proves that the policy and scopeSql give the same
 * people. A change to one is a new migration for the other.
 *
 * The read model's refresh (`sr_report_refresh`, run by triggers on a consular officer's writes too)
 * must see every row to stay exact: it runs as its owner (SECURITY DEFINER), with a fixed search_path.
 * A later migration that replaces it must say SECURITY DEFINER again (CREATE OR REPLACE resets it).
 * Not FORCE ROW LEVEL SECURITY: the owner runs migrations, foreign-key checks and that refresh, and
 * must see every row.
 */
export class EnableRowLevelSecurity1764650000000 implements MigrationInterface {
  name = 'EnableRowLevelSecurity1764650000000';

  public async up(q: QueryRunner): Promise<void> {
    // Roles belong to the whole server: another database on it (a second instance's, a test worker's)
    // may have created this one already, perhaps at the same moment.
    await q.query(`
      DO $$ BEGIN
        CREATE ROLE safe_return_consular NOLOGIN NOSUPERUSER NOBYPASSRLS NOCREATEROLE NOCREATEDB;
      EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
      END $$`);
    // The same privileges as the app's role: what binds it is the policies, not missing grants.
    await q.query(`
      DO $$ BEGIN
        EXECUTE format('GRANT USAGE ON SCHEMA %I TO safe_return_consular', current_schema());
        EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA %I TO safe_return_consular',
                       current_schema());
        EXECUTE format('GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA %I TO safe_return_consular', current_schema());
        EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA %I
                          GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO safe_return_consular', current_schema());
        EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA %I
                          GRANT USAGE, SELECT ON SEQUENCES TO safe_return_consular', current_schema());
        EXECUTE format('ALTER FUNCTION sr_report_refresh(uuid[]) SECURITY DEFINER SET search_path = %I, pg_temp',
                       current_schema());
      END $$`);

    // The officer's countries, as the transaction set them; none set: no country, no row.
    const officerNationalities = `string_to_array(nullif(current_setting('app.nationalities', true), ''), ',')`;
    // scopeSql's consular case, clause for clause: not erased, no protection claim (nor a hold entered
    // from one), one of the officer's nationalities, and the current consular-notification consent
    // (latest by given_at, recorded_at, id) is a grant. Written out here, not in a SQL function: a
    // function with subqueries is never inlined, and called once per row it made an officer's
    // statement that reads the table 4 to 5 times slower (2.4 s against 0.5 s over 50,000 people).
    const consularScope = `people.erased_at IS NULL
      AND people.status <> 'protection_claim'
      AND people.hold_return_status IS DISTINCT FROM 'protection_claim'
      AND EXISTS (SELECT 1 FROM person_nationalities scope_pn
                   WHERE scope_pn.person_id = people.id
                     AND scope_pn.nationality_code = ANY(${officerNationalities}))
      AND coalesce((SELECT c.granted FROM consents c
                     WHERE c.person_id = people.id AND c.type = 'consular_notification'
                     ORDER BY c.given_at DESC, c.recorded_at DESC, c.id DESC LIMIT 1), false)`;
    const visiblePerson = (column: string) => `EXISTS (SELECT 1 FROM people p WHERE p.id = ${column})`;
    const embassyScope: Record<string, string> = {
      people: consularScope,
      // The people table in the condition is itself under its policy: "a person the officer may see".
      consular_notifications: `${visiblePerson('consular_notifications.person_id')}
        AND consular_notifications.country_code = ANY(${officerNationalities})`,
      handover_people: visiblePerson('handover_people.person_id'),
      // An event holding at least one person the officer may see (handover_people is under its policy).
      handover_events: `EXISTS (SELECT 1 FROM handover_people hp WHERE hp.handover_id = handover_events.id)`,
    };
    for (const [table, scope] of Object.entries(embassyScope)) {
      await q.query(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
      await q.query(`CREATE POLICY ${table}_all ON ${table} AS PERMISSIVE FOR ALL TO PUBLIC
        USING (true) WITH CHECK (true)`);
      await q.query(`CREATE POLICY ${table}_embassy_scope ON ${table} AS RESTRICTIVE FOR ALL
        TO safe_return_consular USING (${scope}) WITH CHECK (${scope})`);
    }
  }

  public async down(q: QueryRunner): Promise<void> {
    for (const table of ['handover_events', 'handover_people', 'consular_notifications', 'people']) {
      await q.query(`DROP POLICY ${table}_embassy_scope ON ${table}`);
      await q.query(`DROP POLICY ${table}_all ON ${table}`);
      await q.query(`ALTER TABLE ${table} DISABLE ROW LEVEL SECURITY`);
    }
    await q.query(`
      DO $$ BEGIN
        ALTER FUNCTION sr_report_refresh(uuid[]) SECURITY INVOKER RESET search_path;
        EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA %I
                          REVOKE USAGE, SELECT ON SEQUENCES FROM safe_return_consular', current_schema());
        EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA %I
                          REVOKE SELECT, INSERT, UPDATE, DELETE ON TABLES FROM safe_return_consular', current_schema());
        EXECUTE format('REVOKE ALL ON ALL SEQUENCES IN SCHEMA %I FROM safe_return_consular', current_schema());
        EXECUTE format('REVOKE ALL ON ALL TABLES IN SCHEMA %I FROM safe_return_consular', current_schema());
        EXECUTE format('REVOKE ALL ON SCHEMA %I FROM safe_return_consular', current_schema());
      END $$`);
    // Another database on the server may still use the role: then it stays.
    await q.query(`
      DO $$ BEGIN
        DROP ROLE safe_return_consular;
      EXCEPTION WHEN dependent_objects_still_exist THEN NULL;
      END $$`);
  }
}
