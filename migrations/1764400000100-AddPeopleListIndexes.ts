import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Indexes for the caseworker's lists (API.md "Caseworker's day"), so that every order and the
 * overdue list page along an index whose last column is the id that breaks ties: page 10,000 then
 * costs what page 1 does.
 * - (rescued_at, id), (updated_at, id): the two new orders; the first replaces the index on
 *   rescued_at alone, which it serves as well (rescue-date ranges, reports).
 * - case_number needs none: its unique index is the order, and it has no ties.
 * - (assigned_caseworker_id, created_at, id): "my cases" (and "nobody's") in the default order.
 * - the stage clock index gains the id, so the overdue list resumes exactly after its last row; it
 *   replaces the one without.
 * - GIN on vulnerabilities: "pregnant" or "minor" are a few percent of cases; without it, counting
 *   or listing them in an order that does not fit reads most of the table.
 */
export class AddPeopleListIndexes1764400000100 implements MigrationInterface {
  name = 'AddPeopleListIndexes1764400000100';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX people_rescued_id_idx ON people (rescued_at, id)`);
    await q.query(`DROP INDEX people_rescued_idx`);
    await q.query(`CREATE INDEX people_updated_id_idx ON people (updated_at, id)`);
    await q.query(
      `CREATE INDEX people_assigned_created_idx ON people (assigned_caseworker_id, created_at DESC, id DESC)`,
    );
    await q.query(`CREATE INDEX people_stage_clock_id_idx ON people (status, status_since, id)
      WHERE status IN ('presumed_victim','consular_notified','identity_verified','documents_issued',
                       'exit_cleared','movement_scheduled')`);
    await q.query(`DROP INDEX people_stage_clock_idx`);
    await q.query(`CREATE INDEX people_vulnerabilities_gin ON people USING gin (vulnerabilities)`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX people_vulnerabilities_gin`);
    await q.query(`CREATE INDEX people_stage_clock_idx ON people (status, status_since)
      WHERE status IN ('presumed_victim','consular_notified','identity_verified','documents_issued',
                       'exit_cleared','movement_scheduled')`);
    await q.query(`DROP INDEX people_stage_clock_id_idx`);
    await q.query(`DROP INDEX people_assigned_created_idx`);
    await q.query(`DROP INDEX people_updated_id_idx`);
    await q.query(`CREATE INDEX people_rescued_idx ON people (rescued_at)`);
    await q.query(`DROP INDEX people_rescued_id_idx`);
  }
}
