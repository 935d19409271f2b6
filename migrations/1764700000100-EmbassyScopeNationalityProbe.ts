import { MigrationInterface, QueryRunner } from 'typeorm';

/** The officer's countries, as the transaction set them; none set: no country, no row. */
const OFFICER_NATIONALITIES = `string_to_array(nullif(current_setting('app.nationalities', true), ''), ',')`;

/**
 * The people policy of EnableRowLevelSecurity with one clause rewritten, same rows (as scopeSql in
 * src/people/access/person-scope.ts): "one of the officer's nationalities" was an EXISTS, which
 * PostgreSQL turns into a semi-join. Under the policy the consular role's statements are planned
 * without the people columns' statistics, and the planner then hashed every row of the officer's
 * nationality in person_nationalities first: an officer's list page took 190 ms at 300,000 people.
 * As a scalar subquery it stays a probe of the primary key (person_id, nationality_code) for each
 * row the list walks, like the consent clause: 1 ms.
 */
function consularScope(nationalityClause: string): string {
  return `people.erased_at IS NULL
      AND people.status <> 'protection_claim'
      AND people.hold_return_status IS DISTINCT FROM 'protection_claim'
      AND ${nationalityClause}
      AND coalesce((SELECT c.granted FROM consents c
                     WHERE c.person_id = people.id AND c.type = 'consular_notification'
                     ORDER BY c.given_at DESC, c.recorded_at DESC, c.id DESC LIMIT 1), false)`;
}

const AS_PROBE = `coalesce((SELECT true FROM person_nationalities scope_pn
                     WHERE scope_pn.person_id = people.id
                       AND scope_pn.nationality_code = ANY(${OFFICER_NATIONALITIES})
                     LIMIT 1), false)`;

const AS_EXISTS = `EXISTS (SELECT 1 FROM person_nationalities scope_pn
                   WHERE scope_pn.person_id = people.id
                     AND scope_pn.nationality_code = ANY(${OFFICER_NATIONALITIES}))`;

export class EmbassyScopeNationalityProbe1764700000100 implements MigrationInterface {
  name = 'EmbassyScopeNationalityProbe1764700000100';

  public async up(q: QueryRunner): Promise<void> {
    const scope = consularScope(AS_PROBE);
    await q.query(`ALTER POLICY people_embassy_scope ON people USING (${scope}) WITH CHECK (${scope})`);
  }

  public async down(q: QueryRunner): Promise<void> {
    const scope = consularScope(AS_EXISTS);
    await q.query(`ALTER POLICY people_embassy_scope ON people USING (${scope}) WITH CHECK (${scope})`);
  }
}
