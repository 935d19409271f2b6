import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The access rule tests an embassy's countries as `nationality_code::text = ANY($n::text[])`
 * (person-scope.ts). PostgreSQL keeps no statistics on that cast and guessed 0.5% of rows where a
 * country holds a fifth, so it planned a Thai consul's case list as a hash semi-join over the whole of
 * person_nationalities and a sort of every Thai national (2.3 s at 300,000 people) instead of walking
 * the nationality index until 50 visible cases are found (4 ms). Statistics on the expression give the
 * planner the real share; ANALYZE fills them now rather than at the next autovacuum.
 */
export class PersonNationalityCodeTextStatistics1764380000000 implements MigrationInterface {
  name = 'PersonNationalityCodeTextStatistics1764380000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE STATISTICS person_nationalities_code_text_stats ON (nationality_code::text) FROM person_nationalities`,
    );
    await q.query(`ANALYZE person_nationalities`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP STATISTICS person_nationalities_code_text_stats`);
  }
}
