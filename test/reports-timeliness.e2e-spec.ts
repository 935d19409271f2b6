import { Params } from '../src/reports/report-sql';
import { everyoneTimelinessSql } from '../src/reports/timeliness-sql';
import { API, createTestApp, loginAs, type SignedIn, type TestApp } from './support/app';
import { insertPersonRows } from './support/people';

/**
 * Everyone's timeliness comes from a ledger of cases per (metric, month, whole hour) and a read of
 * one hour's values (migration AddIntervalHoursLedger). These tests hold it to `percentile_cont` over
 * the source tables, written independently, for ranges of whole months, ranges that cut months, one
 * day, open ends, after writes that move intervals, before and after the ledger is folded.
 */

/** A small deterministic generator (mulberry32), so a failure can be replayed. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let r = Math.imul(a ^ (a >>> 15), 1 | a);
    r = (r + Math.imul(r ^ (r >>> 7), 61 | r)) ^ r;
    return ((r ^ (r >>> 14)) >>> 0) / 4294967296;
  };
}

const YEAR = 2016; // a year no other spec writes
const HOUR = 3_600_000;

interface Truth {
  metric: string;
  cases: number;
  median: number | null;
  p90: number | null;
}

/** percentile_cont over the source tables, as report-truth.ts defines each metric. */
async function truth(t: TestApp, from?: string, to?: string): Promise<Truth[]> {
  const rows = (await t.db.query(
    `WITH first AS (SELECT n.person_id, min(n.notified_at) AS notified_at FROM consular_notifications n GROUP BY 1),
          intervals AS (
            SELECT 'rescue_to_notification' AS metric, f.notified_at AS at,
                   date_part('epoch', f.notified_at - p.rescued_at) / 3600 AS h
              FROM first f JOIN people p ON p.id = f.person_id
            UNION ALL
            SELECT 'notification_to_identity_verified', v.at, date_part('epoch', v.at - f.notified_at) / 3600
              FROM first f CROSS JOIN LATERAL (
                SELECT min(x.identity_verified_at) AS at FROM consular_notifications x
                 WHERE x.person_id = f.person_id AND x.identity_verified_at >= f.notified_at) v
             WHERE v.at IS NOT NULL
            UNION ALL
            SELECT 'rescue_to_departure', p.departed_at, date_part('epoch', p.departed_at - p.rescued_at) / 3600
              FROM people p WHERE p.departed_at IS NOT NULL)
     SELECT m.metric, count(i.h)::int AS cases,
            percentile_cont(0.5) WITHIN GROUP (ORDER BY i.h) AS median,
            percentile_cont(0.9) WITHIN GROUP (ORDER BY i.h) AS p90
       FROM unnest(ARRAY['rescue_to_notification', 'notification_to_identity_verified', 'rescue_to_departure']) m(metric)
       LEFT JOIN intervals i ON i.metric = m.metric AND i.h >= 0
            AND ($1::date IS NULL OR i.at >= $1::date) AND ($2::date IS NULL OR i.at < $2::date + 1)
      GROUP BY m.metric ORDER BY m.metric`,
    [from ?? null, to ?? null],
  )) as Truth[];
  return rows.map((r) => ({ ...r, cases: Number(r.cases) }));
}

/** The app's statement for everyone, run as it is, ordered like `truth`. */
async function fromLedger(t: TestApp, from?: string, to?: string): Promise<Truth[]> {
  const p = new Params();
  const rows = (await t.db.query(everyoneTimelinessSql(p, { from, to }), p.values)) as Truth[];
  return rows.map((r) => ({ ...r, cases: Number(r.cases) })).sort((a, b) => a.metric.localeCompare(b.metric));
}

const RANGES: [string | undefined, string | undefined][] = [
  [`${YEAR}-01-01`, `${YEAR}-12-31`], // whole months only
  [`${YEAR}-02-10`, `${YEAR}-07-20`], // months and the days at either end
  [`${YEAR}-03-05`, `${YEAR}-03-25`], // inside one month
  [`${YEAR}-05-31`, `${YEAR}-06-01`], // two days across a month's end
  [`${YEAR}-04-17`, `${YEAR}-04-17`], // one day
  [undefined, `${YEAR}-06-30`], // open start
  [`${YEAR}-09-09`, undefined], // open end
];

describe('Timeliness from the ledger of cases per hour', () => {
  let t: TestApp;
  let admin: SignedIn;
  let ids: string[];

  beforeAll(async () => {
    t = await createTestApp();
    admin = await loginAs(t, 'admin');
    const next = random(20161);
    // 400 people rescued across the year; intervals of whole minutes, many in the same hour (ties),
    // some long, a few negative (late records, left out).
    const people = Array.from({ length: 400 }, () => {
      const rescued = Date.UTC(YEAR, 0, 1) + Math.floor(next() * 330 * 24) * HOUR;
      const toNotice = next() < 0.3 ? 30 * 60_000 : Math.floor(next() * 200 * 60) * 60_000;
      const toVerify = Math.floor(next() * 24 * 60 * 20) * 60_000;
      const toDeparture = next() < 0.05 ? -HOUR : Math.floor(480 * 60 + next() ** 3 * 720 * 60) * 60_000;
      return { rescued, toNotice: next() < 0.03 ? -2 * HOUR : toNotice, toVerify, toDeparture };
    });
    ids = await insertPersonRows(
      t,
      people.map((p) => ({
        nationalities: ['KEN'],
        rescuedAt: new Date(p.rescued).toISOString(),
        departedAt: new Date(p.rescued + p.toDeparture).toISOString(),
      })),
    );
    await t.db.query(
      `INSERT INTO consular_notifications (person_id, country_code, channel, notified_at, identity_verified_at)
       SELECT u.id, 'KEN', 'email', u.notified, u.verified
         FROM unnest($1::uuid[], $2::timestamptz[], $3::timestamptz[]) AS u(id, notified, verified)`,
      [
        ids,
        people.map((p) => new Date(p.rescued + p.toNotice).toISOString()),
        people.map((p, i) =>
          i % 4 === 0 ? null : new Date(p.rescued + p.toNotice + p.toVerify).toISOString(),
        ),
      ],
    );
  });
  afterAll(() => t.close());

  const expectSame = async (from?: string, to?: string) => {
    const expected = await truth(t, from, to);
    const found = await fromLedger(t, from, to);
    expect(found.map((f) => [f.metric, f.cases])).toEqual(expected.map((e) => [e.metric, e.cases]));
    found.forEach((f, i) => {
      for (const figure of ['median', 'p90'] as const) {
        if (expected[i][figure] === null) expect(f[figure]).toBeNull();
        else expect(f[figure]).toBeCloseTo(expected[i][figure]!, 9);
      }
    });
    return expected;
  };

  it('gives percentile_cont exactly, for every kind of range', async () => {
    for (const [from, to] of RANGES) await expectSame(from, to);
    const [, , year] = await truth(t, `${YEAR}-01-01`, `${YEAR}-12-31`);
    // The fixture is what it claims: hundreds of cases, negative intervals left out.
    expect(year.metric).toBe('rescue_to_notification');
    expect(year.cases).toBeGreaterThan(350);
    expect(year.cases).toBeLessThan(400);
  });

  it('answers one case, and none', async () => {
    const [one] = (await t.db.query(
      `SELECT (p.departed_at AT TIME ZONE 'UTC')::date::text AS day FROM people p
        WHERE p.id = ANY($1::uuid[]) AND p.departed_at > p.rescued_at
          AND NOT EXISTS (SELECT 1 FROM people q WHERE q.id <> p.id
                            AND (q.departed_at AT TIME ZONE 'UTC')::date = (p.departed_at AT TIME ZONE 'UTC')::date)
        LIMIT 1`,
      [ids],
    )) as { day: string }[];
    const [single] = (await expectSame(one.day, one.day)).filter((m) => m.metric === 'rescue_to_departure');
    expect(single.cases).toBe(1);
    const [none] = (await expectSame('1901-01-01', '1901-12-31')).filter(
      (m) => m.metric === 'rescue_to_departure',
    );
    expect(none).toMatchObject({ cases: 0, median: null, p90: null });
  });

  it('follows writes that move, add and remove intervals, before and after the ledger is folded', async () => {
    // Departures moved a day later, a notification removed, an identity verified earlier.
    await t.db.query(
      `UPDATE people SET departed_at = departed_at + interval '1 day' WHERE id = ANY($1::uuid[])`,
      [ids.slice(0, 60)],
    );
    await t.db.query(`DELETE FROM consular_notifications WHERE person_id = ANY($1::uuid[])`, [
      ids.slice(60, 90),
    ]);
    await t.db.query(
      `UPDATE consular_notifications SET identity_verified_at = notified_at + interval '90 minutes'
        WHERE person_id = ANY($1::uuid[]) AND identity_verified_at IS NOT NULL`,
      [ids.slice(90, 150)],
    );
    const [{ unfolded }] = (await t.db.query(
      `SELECT count(*)::int AS unfolded FROM report_interval_hours WHERE NOT folded`,
    )) as { unfolded: number }[];
    expect(unfolded).toBeGreaterThan(0);
    for (const [from, to] of RANGES) await expectSame(from, to);
    await t.db.query('SELECT sr_report_fold()');
    const [{ negative }] = (await t.db.query(
      `SELECT count(*)::int AS negative FROM report_interval_hours WHERE people < 0 OR NOT folded`,
    )) as { negative: number }[];
    expect(negative).toBe(0);
    for (const [from, to] of RANGES) await expectSame(from, to);
  });

  it('is what GET /reports/timeliness answers to everyone, rounded to a tenth of an hour', async () => {
    const [from, to] = RANGES[1];
    const expected = await truth(t, from, to);
    const res = await t.http().get(`${API}/reports/timeliness?from=${from}&to=${to}`).set(admin.auth);
    expect(res.status).toBe(200);
    const round = (v: number | null) => (v === null ? null : Math.round(v * 10) / 10);
    const byMetric = new Map(expected.map((e) => [e.metric, e]));
    for (const m of res.body.metrics as {
      metric: string;
      medianHours: number;
      p90Hours: number;
      cases: number;
    }[]) {
      const e = byMetric.get(m.metric)!;
      expect([m.cases, m.medianHours, m.p90Hours]).toEqual([e.cases, round(e.median), round(e.p90)]);
    }
  });
});
