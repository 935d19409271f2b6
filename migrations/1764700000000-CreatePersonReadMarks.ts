import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The people each user was shown in their current bulk-read window (src/people/access/person-reads.ts):
 * the guard counts distinct people, not records shown, so a caseworker paging a list back and forth,
 * or a supervisor recording a departure of hundreds after listing them, counts each person once. A
 * mark is of the window it carries; a later window takes the mark over. Ids only, no personal data.
 */
export class CreatePersonReadMarks1764700000000 implements MigrationInterface {
  name = 'CreatePersonReadMarks1764700000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE person_read_marks (
        user_id uuid NOT NULL,
        person_id uuid NOT NULL,
        window_ends_at timestamptz(3) NOT NULL,
        PRIMARY KEY (user_id, person_id)
      )`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE person_read_marks`);
  }
}
