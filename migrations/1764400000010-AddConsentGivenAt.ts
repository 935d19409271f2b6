import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * When a consent was given, apart from when it was recorded: a consent taken on paper in the field is
 * often typed in days later. Rows so far were recorded as they were given. The current answer per
 * type is the latest by given_at, then recorded_at (src/people/access/person-scope.ts), and the
 * indexes follow that order: one per type for the current answer, one per person for the list.
 */
export class AddConsentGivenAt1764400000010 implements MigrationInterface {
  name = 'AddConsentGivenAt1764400000010';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE consents ADD COLUMN given_at timestamptz(3)`);
    await q.query(`UPDATE consents SET given_at = recorded_at`);
    await q.query(`ALTER TABLE consents ALTER COLUMN given_at SET NOT NULL,
                                        ALTER COLUMN given_at SET DEFAULT clock_timestamp()`);
    // Given before it was recorded, give or take the minute of clock skew the API allows.
    await q.query(`ALTER TABLE consents ADD CONSTRAINT consents_given_before_recorded
      CHECK (given_at <= recorded_at + interval '1 minute')`);
    await q.query(`DROP INDEX consents_current_idx`);
    await q.query(`CREATE INDEX consents_current_idx
      ON consents (person_id, type, given_at DESC, recorded_at DESC, id DESC)`);
    await q.query(
      `CREATE INDEX consents_person_idx ON consents (person_id, given_at DESC, recorded_at DESC, id DESC)`,
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX consents_person_idx`);
    await q.query(`DROP INDEX consents_current_idx`);
    await q.query(
      `CREATE INDEX consents_current_idx ON consents (person_id, type, recorded_at DESC, id DESC)`,
    );
    await q.query(`ALTER TABLE consents DROP CONSTRAINT consents_given_before_recorded`);
    await q.query(`ALTER TABLE consents DROP COLUMN given_at`);
  }
}
