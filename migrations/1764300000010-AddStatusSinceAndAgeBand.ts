import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Stage clocks and reports.
 * - `people.status_since`: when the case entered its current status (the event's time for a
 *   handover), so "overdue" is one indexed comparison instead of a search through the history.
 * - `sr_age_band(...)`: the age band at a moment, in SQL, as `src/people/age-band.ts` computes it in
 *   the app (date of birth, else the estimate aged since it was taken; an erased record's frozen band),
 *   so that reports group in PostgreSQL.
 */
export class AddStatusSinceAndAgeBand1764300000010 implements MigrationInterface {
  name = 'AddStatusSinceAndAgeBand1764300000010';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE people ADD COLUMN status_since timestamptz(3)`);
    await q.query(`
      UPDATE people p SET status_since = coalesce(
        (SELECT max(h.at) FROM person_history h
          WHERE h.person_id = p.id AND h.kind = 'status_change' AND h.to_status = p.status),
        p.created_at)`);
    await q.query(`ALTER TABLE people ALTER COLUMN status_since SET DEFAULT now(),
                                      ALTER COLUMN status_since SET NOT NULL`);
    await q.query(`CREATE INDEX people_stage_clock_idx ON people (status, status_since)
      WHERE status IN ('presumed_victim','consular_notified','identity_verified','documents_issued',
                       'exit_cleared','movement_scheduled')`);
    await q.query(`
      CREATE FUNCTION sr_age_band(dob date, estimated smallint, estimated_on timestamptz, at timestamptz, frozen text)
      RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        SELECT CASE
          WHEN frozen IS NOT NULL THEN frozen
          WHEN age IS NULL OR age < 0 THEN 'unknown'
          WHEN age < 18 THEN '0-17'
          WHEN age < 25 THEN '18-24'
          WHEN age < 35 THEN '25-34'
          WHEN age < 45 THEN '35-44'
          WHEN age < 60 THEN '45-59'
          ELSE '60+' END
        FROM (SELECT CASE
                WHEN dob IS NOT NULL THEN date_part('year', age((at AT TIME ZONE 'UTC')::date, dob))::int
                WHEN estimated IS NOT NULL THEN estimated
                  + greatest(0, floor(extract(epoch FROM at - estimated_on) / (365.25 * 86400))::int)
              END AS age) a
      $$`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION sr_age_band(date, smallint, timestamptz, timestamptz, text)`);
    await q.query(`DROP INDEX people_stage_clock_idx`);
    await q.query(`ALTER TABLE people DROP COLUMN status_since`);
  }
}
