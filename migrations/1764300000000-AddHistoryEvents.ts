import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A person's history names the event that touched them (a handover, a consular notification or an
 * embassy's action), also when it did not change their status (absent at a handover, an
 * acknowledgement): `kind = 'event'` with the event's type and id.
 */
export class AddHistoryEvents1764300000000 implements MigrationInterface {
  name = 'AddHistoryEvents1764300000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE person_history
      ADD COLUMN event_type text CHECK (event_type IN
        ('handover','consular_notification','consular_acknowledgement','identity_verification','travel_document')),
      ADD COLUMN event_id uuid,
      ADD CONSTRAINT person_history_event_pair CHECK ((event_type IS NULL) = (event_id IS NULL))`);
    await q.query(`ALTER TABLE person_history DROP CONSTRAINT person_history_kind_check`);
    await q.query(`ALTER TABLE person_history ADD CONSTRAINT person_history_kind_check
      CHECK (kind IN ('created','status_change','field_change','erased','event'))`);
    // Which people an event held, for "handovers holding people visible to me" from the person side.
    await q.query(
      `CREATE INDEX handover_people_person_handover_idx ON handover_people (person_id, handover_id)`,
    );
    await q.query(`DROP INDEX handover_people_person_idx`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX handover_people_person_idx ON handover_people (person_id)`);
    await q.query(`DROP INDEX handover_people_person_handover_idx`);
    await q.query(`DELETE FROM person_history WHERE kind = 'event'`);
    await q.query(`ALTER TABLE person_history DROP CONSTRAINT person_history_kind_check`);
    await q.query(`ALTER TABLE person_history ADD CONSTRAINT person_history_kind_check
      CHECK (kind IN ('created','status_change','field_change','erased'))`);
    await q.query(`ALTER TABLE person_history DROP CONSTRAINT person_history_event_pair,
      DROP COLUMN event_id, DROP COLUMN event_type`);
  }
}
