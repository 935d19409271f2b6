import { MigrationInterface, QueryRunner } from 'typeorm';

/** The three timeliness metrics: their name, and the columns of `report_cases` they read. */
const METRICS = [
  { metric: 'rescue_to_notification', at: 'notified_at', hours: 'hours_to_notification' },
  { metric: 'notification_to_identity_verified', at: 'verified_at', hours: 'hours_to_verification' },
  { metric: 'rescue_to_departure', at: 'departed_at', hours: 'hours_to_departure' },
];

const TRIGGERS = [
  ['INSERT', 'report_cases_inserted_hours', 'NEW TABLE AS new_rows'],
  ['UPDATE', 'report_cases_updated_hours', 'OLD TABLE AS old_rows NEW TABLE AS new_rows'],
  ['DELETE', 'report_cases_deleted_hours', 'OLD TABLE AS old_rows'],
] as const;

/** The ledger rows of a set of `report_cases` rows (as `changed`, with a `sign` column): one per metric met. */
const LEDGER_ROWS = `
  SELECT m.metric, date_trunc('month', m.at AT TIME ZONE 'UTC')::date AS month, floor(m.hours)::int AS hour,
         sum(r.sign)::int AS people
    FROM changed r CROSS JOIN LATERAL (VALUES ${METRICS.map(
      (m) => `('${m.metric}', r.${m.at}, r.${m.hours})`,
    ).join(', ')}) m(metric, at, hours)
   WHERE m.at IS NOT NULL AND m.hours >= 0
   GROUP BY 1, 2, 3 HAVING sum(r.sign) <> 0`;

/**
 * Timeliness of everyone without sorting a year of intervals: a ledger of how many cases each metric
 * has per (month of the later event, whole hour of the interval), kept by the database like the other
 * ledgers of ReportReadModel (signed deltas appended in the transaction of every write to
 * `report_cases`, folded by `sr_report_fold()`).
 *
 * A percentile is then found in two steps: the ledger's cumulative counts over the months of the range
 * name the hour that holds the wanted rank (a year is 12 × a few thousand rows, not 400,000 values),
 * and the index on (hour, event time) reads the few hundred values of that one hour in the range, in
 * order, to pick the exact one. The result is `percentile_cont` to the last digit (ReportsRepository).
 */
export class AddIntervalHoursLedger1764600000000 implements MigrationInterface {
  name = 'AddIntervalHoursLedger1764600000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE report_interval_hours (
        metric text NOT NULL,
        month date NOT NULL,
        hour integer NOT NULL,
        people integer NOT NULL,
        folded boolean NOT NULL DEFAULT false
      )`);
    await q.query(`CREATE INDEX report_interval_hours_month_idx ON report_interval_hours (metric, month)
      INCLUDE (hour, people)`);
    await q.query(
      `CREATE INDEX report_interval_hours_unfolded_idx ON report_interval_hours ((1)) WHERE NOT folded`,
    );

    // The values of one hour of one metric in a range of event times, in order: an index-only range scan.
    for (const m of METRICS) {
      await q.query(`CREATE INDEX report_cases_${m.hours}_idx ON report_cases ((floor(${m.hours})::int), ${m.at})
        INCLUDE (${m.hours}) WHERE ${m.at} IS NOT NULL AND ${m.hours} >= 0`);
    }

    // report_cases is only ever rewritten by sr_report_refresh (delete, then insert); updates are
    // handled too, so that no future write path can leave the ledger behind.
    await q.query(`
      CREATE FUNCTION sr_report_cases_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'INSERT' THEN
          INSERT INTO report_interval_hours (metric, month, hour, people)
          WITH changed AS (SELECT 1 AS sign, * FROM new_rows) ${LEDGER_ROWS};
        ELSIF TG_OP = 'DELETE' THEN
          INSERT INTO report_interval_hours (metric, month, hour, people)
          WITH changed AS (SELECT -1 AS sign, * FROM old_rows) ${LEDGER_ROWS};
        ELSE
          INSERT INTO report_interval_hours (metric, month, hour, people)
          WITH changed AS (SELECT -1 AS sign, * FROM old_rows UNION ALL SELECT 1, * FROM new_rows) ${LEDGER_ROWS};
        END IF;
        RETURN NULL;
      END $$`);
    for (const [op, name, refs] of TRIGGERS) {
      await q.query(`CREATE TRIGGER ${name} AFTER ${op} ON report_cases
        REFERENCING ${refs} FOR EACH STATEMENT EXECUTE FUNCTION sr_report_cases_changed()`);
    }

    // One fold for every ledger, as before: the counts' fold keeps its body under another name.
    await q.query(`ALTER FUNCTION sr_report_fold() RENAME TO sr_report_fold_counts`);
    await q.query(`
      CREATE FUNCTION sr_report_fold() RETURNS integer LANGUAGE plpgsql AS $$
      DECLARE interval_rows integer := 0;
      BEGIN
        IF EXISTS (SELECT 1 FROM report_interval_hours WHERE NOT folded) THEN
          WITH taken AS (DELETE FROM report_interval_hours RETURNING *),
               kept AS (INSERT INTO report_interval_hours (metric, month, hour, people, folded)
                        SELECT metric, month, hour, sum(people)::int, true FROM taken
                         GROUP BY 1, 2, 3 HAVING sum(people) <> 0)
          SELECT count(*) INTO interval_rows FROM taken;
        END IF;
        RETURN sr_report_fold_counts() + interval_rows;
      END $$`);

    // What is already there, folded.
    await q.query(`INSERT INTO report_interval_hours (metric, month, hour, people, folded)
      WITH changed AS (SELECT 1 AS sign, * FROM report_cases)
      SELECT metric, month, hour, people, true FROM (${LEDGER_ROWS}) x`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION sr_report_fold()`);
    await q.query(`ALTER FUNCTION sr_report_fold_counts() RENAME TO sr_report_fold`);
    for (const [, name] of TRIGGERS) await q.query(`DROP TRIGGER ${name} ON report_cases`);
    await q.query(`DROP FUNCTION sr_report_cases_changed()`);
    for (const m of METRICS) await q.query(`DROP INDEX report_cases_${m.hours}_idx`);
    await q.query(`DROP TABLE report_interval_hours`);
  }
}
