import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The reports' read model, kept current by the database in the transaction of every write that moves a
 * figure, so no write path can forget it (intake, edits, transitions, handovers, consents, consular
 * notifications, erasure):
 *
 * - `report_departures`: one row per departed person and nationality (one row with a NULL nationality
 *   for a person who has none), with the departure day (UTC) and the age band at departure computed
 *   once. `first` marks one row per person, so a total counts a dual national once. At 1,000,000 people
 *   the repatriation reports read this narrow, pre-joined table instead of joining people to their
 *   nationalities and computing an age band per row.
 * - `report_cases`: one row per person with what timeliness and the stage clocks read (first consular
 *   notification, first identity verification after it, departure, and the hours between them as
 *   float8, ready to sort; current status and since when, the current consent to consular
 *   notification), and the sorted set of nationalities.
 * - three ledgers of counts, as signed deltas: `report_caseload` per (status, compound, nationalities),
 *   `report_departure_days` per (departure day, nationality) and `report_stage_days` per (status, day
 *   entered, consent to notification). A write only appends to them (it never waits for another
 *   transaction's lock on a shared counter, and two writers can never deadlock on one), and
 *   `sr_report_fold()` (run by `ReportCompaction` now and then) folds each into one row per key. A sum
 *   over a ledger is exact at every moment. They answer the figures of everyone (not one embassy's) in a
 *   few thousand rows: nationality and month figures of five years, caseload, overdue cases by stage.
 *
 * `sr_report_refresh(ids)` recomputes the rows of the given people from the source tables; statement
 * triggers call it once per statement with every person the statement touched (a 1,000-person handover
 * is one call). The rules it copies (the age band, the current consent) are the SQL functions and
 * expressions the app already uses: `sr_age_band`, and the latest consent by given_at, recorded_at, id.
 */
export class ReportReadModel1764500000000 implements MigrationInterface {
  name = 'ReportReadModel1764500000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE report_departures (
        person_id uuid NOT NULL,
        departed_on date NOT NULL,
        nationality text,
        first boolean NOT NULL,
        compound_id uuid,
        sex text NOT NULL,
        age_band text NOT NULL
      )`);
    await q.query(`CREATE INDEX report_departures_person_idx ON report_departures (person_id)`);
    // Index-only scans for a range of days: every column a report groups by rides in the index.
    await q.query(`CREATE INDEX report_departures_day_idx ON report_departures (departed_on)
      INCLUDE (nationality, first, compound_id, sex, age_band)`);

    await q.query(`
      CREATE TABLE report_cases (
        person_id uuid PRIMARY KEY,
        nationalities text[] NOT NULL,
        status text NOT NULL,
        status_since timestamptz(3) NOT NULL,
        notification_consent boolean NOT NULL,
        compound_id uuid,
        notified_at timestamptz(3),
        verified_at timestamptz(3),
        departed_at timestamptz(3),
        hours_to_notification float8,
        hours_to_verification float8,
        hours_to_departure float8
      )`);
    await q.query(`CREATE INDEX report_cases_notified_idx ON report_cases (notified_at)
      INCLUDE (hours_to_notification, nationalities) WHERE notified_at IS NOT NULL`);
    await q.query(`CREATE INDEX report_cases_verified_idx ON report_cases (verified_at)
      INCLUDE (hours_to_verification, nationalities) WHERE verified_at IS NOT NULL`);
    await q.query(`CREATE INDEX report_cases_departed_idx ON report_cases (departed_at)
      INCLUDE (hours_to_departure, nationalities) WHERE departed_at IS NOT NULL`);
    await q.query(`CREATE INDEX report_cases_stage_idx ON report_cases (status, status_since)
      INCLUDE (notification_consent, nationalities)`);

    await q.query(`
      CREATE TABLE report_caseload (
        status text NOT NULL,
        compound_id uuid,
        nationalities text[] NOT NULL,
        people integer NOT NULL,
        folded boolean NOT NULL DEFAULT false
      )`);
    // people: nationality rows (a dual national in each); firsts: each person once.
    await q.query(`
      CREATE TABLE report_departure_days (
        departed_on date NOT NULL,
        nationality text,
        people integer NOT NULL,
        firsts integer NOT NULL,
        folded boolean NOT NULL DEFAULT false
      )`);
    await q.query(`CREATE INDEX report_departure_days_day_idx ON report_departure_days (departed_on)`);
    await q.query(`
      CREATE TABLE report_stage_days (
        status text NOT NULL,
        since_on date NOT NULL,
        notification_consent boolean NOT NULL,
        people integer NOT NULL,
        folded boolean NOT NULL DEFAULT false
      )`);
    // Where the fold finds whether there is anything to fold: the rows appended since the last one.
    for (const ledger of ['report_caseload', 'report_departure_days', 'report_stage_days']) {
      await q.query(`CREATE INDEX ${ledger}_unfolded_idx ON ${ledger} ((1)) WHERE NOT folded`);
    }

    await q.query(`
      CREATE FUNCTION sr_report_refresh(ids uuid[]) RETURNS void LANGUAGE plpgsql AS $$
      BEGIN
        IF cardinality(ids) = 0 THEN RETURN; END IF;
        -- The ids as a relation joined by index, not "= ANY(ids)", which would test each row against
        -- the whole array: a refresh of every person would be quadratic.
        WITH gone AS (DELETE FROM report_departures d USING unnest(ids) i(id) WHERE d.person_id = i.id
                      RETURNING d.departed_on, d.nationality, d.first)
        INSERT INTO report_departure_days (departed_on, nationality, people, firsts)
        SELECT departed_on, nationality, -count(*)::int, -count(*) FILTER (WHERE first)::int
          FROM gone GROUP BY 1, 2;
        WITH fresh AS (
          INSERT INTO report_departures (person_id, departed_on, nationality, first, compound_id, sex, age_band)
          SELECT p.id, (p.departed_at AT TIME ZONE 'UTC')::date, pn.nationality_code::text,
                 pn.nationality_code IS NULL OR pn.nationality_code = (
                   SELECT min(x.nationality_code) FROM person_nationalities x WHERE x.person_id = p.id),
                 p.compound_id, p.sex,
                 sr_age_band(p.date_of_birth, p.estimated_age, p.created_at, p.departed_at, p.age_band_at_erasure)
            FROM unnest(ids) i(id) JOIN people p ON p.id = i.id
            LEFT JOIN person_nationalities pn ON pn.person_id = p.id
           WHERE p.departed_at IS NOT NULL
          RETURNING departed_on, nationality, first)
        INSERT INTO report_departure_days (departed_on, nationality, people, firsts)
        SELECT departed_on, nationality, count(*)::int, count(*) FILTER (WHERE first)::int
          FROM fresh GROUP BY 1, 2;

        WITH gone AS (DELETE FROM report_cases f USING unnest(ids) i(id) WHERE f.person_id = i.id
                      RETURNING f.status, f.compound_id, f.nationalities, f.status_since, f.notification_consent),
             caseload AS (INSERT INTO report_caseload (status, compound_id, nationalities, people)
                          SELECT status, compound_id, nationalities, -count(*)::int FROM gone GROUP BY 1, 2, 3)
        INSERT INTO report_stage_days (status, since_on, notification_consent, people)
        SELECT status, (status_since AT TIME ZONE 'UTC')::date, notification_consent, -count(*)::int
          FROM gone GROUP BY 1, 2, 3;

        WITH fresh AS (
          INSERT INTO report_cases (person_id, nationalities, status, status_since, notification_consent,
                                    compound_id, notified_at, verified_at, departed_at,
                                    hours_to_notification, hours_to_verification, hours_to_departure)
          SELECT t.*, date_part('epoch', t.notified_at - p.rescued_at) / 3600,
                 date_part('epoch', t.verified_at - t.notified_at) / 3600,
                 date_part('epoch', t.departed_at - p.rescued_at) / 3600
            FROM unnest(ids) i(id) JOIN people p ON p.id = i.id
           CROSS JOIN LATERAL (
             SELECT p.id,
                    ARRAY(SELECT pn.nationality_code::text FROM person_nationalities pn
                           WHERE pn.person_id = p.id ORDER BY 1),
                    p.status, p.status_since,
                    coalesce((SELECT c.granted FROM consents c
                               WHERE c.person_id = p.id AND c.type = 'consular_notification'
                               ORDER BY c.given_at DESC, c.recorded_at DESC, c.id DESC LIMIT 1), false),
                    p.compound_id, n.notified_at,
                    (SELECT min(v.identity_verified_at) FROM consular_notifications v
                      WHERE v.person_id = p.id AND v.identity_verified_at >= n.notified_at),
                    p.departed_at
               FROM (SELECT min(c.notified_at) AS notified_at FROM consular_notifications c
                      WHERE c.person_id = p.id) n) t(id, nationalities, status, status_since,
                    notification_consent, compound_id, notified_at, verified_at, departed_at)
          RETURNING status, compound_id, nationalities, status_since, notification_consent),
             caseload AS (INSERT INTO report_caseload (status, compound_id, nationalities, people)
                          SELECT status, compound_id, nationalities, count(*)::int FROM fresh GROUP BY 1, 2, 3)
        INSERT INTO report_stage_days (status, since_on, notification_consent, people)
        SELECT status, (status_since AT TIME ZONE 'UTC')::date, notification_consent, count(*)::int
          FROM fresh GROUP BY 1, 2, 3;
      END $$`);

    // Folds each ledger to one row per key; answers how many rows it took. Exact under concurrent
    // writes: each statement deletes the rows its snapshot sees and writes back their sums, and rows
    // appended meanwhile by other transactions are outside that snapshot, so they stay.
    await q.query(`
      CREATE FUNCTION sr_report_fold() RETURNS integer LANGUAGE plpgsql AS $$
      DECLARE caseload integer := 0; departures integer := 0; stages integer := 0;
      BEGIN
        -- A ledger with nothing appended since its last fold is left alone (no rewrite, no dead rows).
        IF EXISTS (SELECT 1 FROM report_caseload WHERE NOT folded) THEN
          WITH taken AS (DELETE FROM report_caseload RETURNING *),
               kept AS (INSERT INTO report_caseload (status, compound_id, nationalities, people, folded)
                        SELECT status, compound_id, nationalities, sum(people)::int, true FROM taken
                         GROUP BY 1, 2, 3 HAVING sum(people) <> 0)
          SELECT count(*) INTO caseload FROM taken;
        END IF;
        IF EXISTS (SELECT 1 FROM report_departure_days WHERE NOT folded) THEN
          WITH taken AS (DELETE FROM report_departure_days RETURNING *),
               kept AS (INSERT INTO report_departure_days (departed_on, nationality, people, firsts, folded)
                        SELECT departed_on, nationality, sum(people)::int, sum(firsts)::int, true FROM taken
                         GROUP BY 1, 2 HAVING sum(people) <> 0 OR sum(firsts) <> 0)
          SELECT count(*) INTO departures FROM taken;
        END IF;
        IF EXISTS (SELECT 1 FROM report_stage_days WHERE NOT folded) THEN
          WITH taken AS (DELETE FROM report_stage_days RETURNING *),
               kept AS (INSERT INTO report_stage_days (status, since_on, notification_consent, people, folded)
                        SELECT status, since_on, notification_consent, sum(people)::int, true FROM taken
                         GROUP BY 1, 2, 3 HAVING sum(people) <> 0)
          SELECT count(*) INTO stages FROM taken;
        END IF;
        RETURN caseload + departures + stages;
      END $$`);

    // One function per source table: each knows its transition tables and which changes matter.
    await q.query(`
      CREATE FUNCTION sr_report_people_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'INSERT' THEN
          PERFORM sr_report_refresh(ARRAY(SELECT id FROM new_rows));
        ELSIF TG_OP = 'DELETE' THEN
          PERFORM sr_report_refresh(ARRAY(SELECT id FROM old_rows));
        ELSE
          PERFORM sr_report_refresh(ARRAY(
            SELECT n.id FROM new_rows n JOIN old_rows o ON o.id = n.id
             WHERE (n.status, n.status_since, n.compound_id, n.sex, n.date_of_birth, n.estimated_age,
                    n.age_band_at_erasure, n.departed_at, n.rescued_at, n.created_at)
                   IS DISTINCT FROM
                   (o.status, o.status_since, o.compound_id, o.sex, o.date_of_birth, o.estimated_age,
                    o.age_band_at_erasure, o.departed_at, o.rescued_at, o.created_at)));
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE FUNCTION sr_report_person_rows_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'INSERT' THEN
          PERFORM sr_report_refresh(ARRAY(SELECT DISTINCT person_id FROM new_rows));
        ELSIF TG_OP = 'DELETE' THEN
          PERFORM sr_report_refresh(ARRAY(SELECT DISTINCT person_id FROM old_rows));
        ELSE
          PERFORM sr_report_refresh(ARRAY(SELECT person_id FROM new_rows UNION SELECT person_id FROM old_rows));
        END IF;
        RETURN NULL;
      END $$`);

    await q.query(`CREATE TRIGGER report_people_inserted AFTER INSERT ON people
      REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION sr_report_people_changed()`);
    await q.query(`CREATE TRIGGER report_people_updated AFTER UPDATE ON people
      REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
      FOR EACH STATEMENT EXECUTE FUNCTION sr_report_people_changed()`);
    await q.query(`CREATE TRIGGER report_people_deleted AFTER DELETE ON people
      REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION sr_report_people_changed()`);
    for (const table of ['person_nationalities', 'consents', 'consular_notifications']) {
      await q.query(`CREATE TRIGGER report_${table}_inserted AFTER INSERT ON ${table}
        REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION sr_report_person_rows_changed()`);
      await q.query(`CREATE TRIGGER report_${table}_updated AFTER UPDATE ON ${table}
        REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
        FOR EACH STATEMENT EXECUTE FUNCTION sr_report_person_rows_changed()`);
      await q.query(`CREATE TRIGGER report_${table}_deleted AFTER DELETE ON ${table}
        REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION sr_report_person_rows_changed()`);
    }

    // What is already there: every person once, then the ledger folded to one row per key.
    await q.query(`SELECT sr_report_refresh(ARRAY(SELECT id FROM people))`);
    await q.query(`SELECT sr_report_fold()`);
  }

  public async down(q: QueryRunner): Promise<void> {
    for (const table of ['person_nationalities', 'consents', 'consular_notifications']) {
      for (const op of ['inserted', 'updated', 'deleted']) {
        await q.query(`DROP TRIGGER report_${table}_${op} ON ${table}`);
      }
    }
    for (const op of ['inserted', 'updated', 'deleted'])
      await q.query(`DROP TRIGGER report_people_${op} ON people`);
    await q.query(`DROP FUNCTION sr_report_person_rows_changed()`);
    await q.query(`DROP FUNCTION sr_report_people_changed()`);
    await q.query(`DROP FUNCTION sr_report_fold()`);
    await q.query(`DROP FUNCTION sr_report_refresh(uuid[])`);
    await q.query(`DROP TABLE report_stage_days`);
    await q.query(`DROP TABLE report_departure_days`);
    await q.query(`DROP TABLE report_caseload`);
    await q.query(`DROP TABLE report_cases`);
    await q.query(`DROP TABLE report_departures`);
  }
}
