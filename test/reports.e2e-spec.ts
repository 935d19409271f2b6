import { parse } from 'csv-parse/sync';
import { API, createTestApp, expectError, loginAs, SignedIn, TestApp } from './support/app';
import { insertPersonRows, type PersonFixture } from './support/people';

const DAY = '2019-03-05'; // a departure day no other spec uses
const at = (time: string) => `${DAY}T${time}Z`;

/** The Laukkaing story in miniature: 266 THA, 6 PHL, 1 SGP departing on one day. */
function laukkaing(compoundId: string): PersonFixture[] {
  const of = (code: string, n: number, sex: string): PersonFixture[] =>
    Array.from({ length: n }, (_, i) => ({
      nationalities: [code],
      sex: i % 3 === 0 ? 'male' : sex,
      departedAt: at('06:00:00'),
      dateOfBirth: i % 4 === 0 ? null : `${1990 + (i % 12)}-06-15`,
      compoundId: i % 5 === 0 ? null : compoundId,
    }));
  return [...of('THA', 266, 'female'), ...of('PHL', 6, 'female'), ...of('SGP', 1, 'male')];
}

describe('Reports', () => {
  let t: TestApp;
  const as: Record<string, SignedIn> = {};
  let compoundId: string;

  beforeAll(async () => {
    t = await createTestApp();
    for (const role of ['admin', 'supervisor', 'caseworker', 'analyst', 'donor'] as const)
      as[role] = await loginAs(t, role);
    as.phl = await loginAs(t, 'consular', ['PHL']);
    as.tha = await loginAs(t, 'consular', ['THA']);
    [{ id: compoundId }] = await t.db.query(
      `INSERT INTO compounds (name, country_code, status) VALUES ('=HYPERLINK("x")', 'MMR', 'raided') RETURNING id`,
    );
    await insertPersonRows(t, laukkaing(compoundId));
  });
  afterAll(() => t.close());

  const report = (who: SignedIn, path: string) => t.http().get(`${API}/reports/${path}`).set(who.auth);
  const byKey = (rows: { key: string; count: number | null }[]) =>
    Object.fromEntries(rows.map((r) => [r.key, r.count]));
  const day = `from=${DAY}&to=${DAY}`;

  describe('repatriations by nationality on the day of the handover', () => {
    it('admin, supervisor and caseworker see exact figures (threshold 0)', async () => {
      for (const role of ['admin', 'supervisor', 'caseworker']) {
        const res = await report(as[role], `repatriations?${day}&groupBy=nationality`);
        expect(res.status).toBe(200);
        expect(res.body).toMatchObject({
          groupBy: 'nationality',
          from: DAY,
          to: DAY,
          threshold: 0,
          total: 273,
        });
        expect(byKey(res.body.rows)).toEqual({ PHL: 6, SGP: 1, THA: 266 });
        expect(res.body.rows.find((r: { key: string }) => r.key === 'THA').label).toBe('Thailand');
      }
    });

    it('the analyst (k = 5) sees THA 266, PHL and SGP hidden together (7 ≥ 5), the total 273', async () => {
      const res = await report(as.analyst, `repatriations?${day}&groupBy=nationality`);
      expect(res.body.threshold).toBe(5);
      expect(res.body.rows).toEqual([
        { key: 'PHL', label: 'Philippines', count: null, suppressed: true },
        { key: 'SGP', label: 'Singapore', count: null, suppressed: true },
        { key: 'THA', label: 'Thailand', count: 266, suppressed: false },
      ]);
      expect(res.body).toMatchObject({ total: 273, totalSuppressed: false });
    });

    it('the donor (k = 11) sees the total and no nationality: "266 of 273" would give away the other 7', async () => {
      const res = await report(as.donor, `repatriations?${day}&groupBy=nationality`);
      expect(res.body.threshold).toBe(11);
      expect(res.body.rows.map((r: { count: number | null }) => r.count)).toEqual([null, null, null]);
      expect(res.body.rows.every((r: { suppressed: boolean }) => r.suppressed)).toBe(true);
      expect(res.body).toMatchObject({ total: 273, totalSuppressed: false });
    });

    it('the Philippine embassy sees its own row only; the Thai embassy its own', async () => {
      const phl = await report(as.phl, `repatriations?${day}&groupBy=nationality`);
      expect(phl.body.rows).toEqual([{ key: 'PHL', label: 'Philippines', count: 6, suppressed: false }]);
      expect(phl.body).toMatchObject({ threshold: 5, total: 6 });
      const tha = await report(as.tha, `repatriations?${day}&groupBy=sex`);
      expect(tha.body.total).toBe(266);
    });
  });

  it('by month, sex, age band and compound, the rows add up to the total for exact roles', async () => {
    for (const groupBy of ['month', 'sex', 'ageBand', 'compound']) {
      const res = await report(as.admin, `repatriations?${day}&groupBy=${groupBy}`);
      expect(res.status).toBe(200);
      const sum = res.body.rows.reduce((s: number, r: { count: number }) => s + r.count, 0);
      expect({ groupBy, sum }).toEqual({ groupBy, sum: 273 });
    }
    const months = await report(as.admin, `repatriations?${day}&groupBy=month`);
    expect(byKey(months.body.rows)).toEqual({ '2019-03': 273 });
    const ages = await report(as.admin, `repatriations?${day}&groupBy=ageBand`);
    // Born 1990–2001 in June, departed March 2019: aged 17 to 28; a quarter have no date of birth.
    expect(ages.body.rows.map((r: { key: string }) => r.key)).toEqual(['0-17', '18-24', '25-34', 'unknown']);
    expect(byKey(ages.body.rows).unknown).toBe(70); // every 4th from 0: THA 67 of 266, PHL 2 of 6, SGP 1 of 1
  });

  it('the cross-tab margins equal the one-way reports', async () => {
    const cross = await report(as.admin, `repatriations/crosstab?${day}&rows=nationality&columns=sex`);
    expect(cross.status).toBe(200);
    const nat = await report(as.admin, `repatriations?${day}&groupBy=nationality`);
    const sex = await report(as.admin, `repatriations?${day}&groupBy=sex`);
    expect(byKey(cross.body.rowTotals)).toEqual(byKey(nat.body.rows));
    expect(byKey(cross.body.columnTotals)).toEqual(byKey(sex.body.rows));
    expect(cross.body.total).toBe(273);
    const sgpMale = cross.body.cells.find(
      (c: { row: string; column: string }) => c.row === 'SGP' && c.column === 'male',
    );
    expect(sgpMale).toEqual({ row: 'SGP', column: 'male', count: 1, suppressed: false });
    const donor = await report(as.donor, `repatriations/crosstab?${day}&rows=nationality&columns=sex`);
    expect(donor.body.cells.find((c: { row: string }) => c.row === 'SGP').count).toBeNull();
    expect(donor.body.total).toBe(273);
  });

  it('CSV parses back to the same rows, hidden counts written "suppressed", formulas neutralised', async () => {
    const res = await report(as.analyst, `repatriations?${day}&groupBy=nationality&format=csv`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    const rows = parse(res.text, { columns: true }) as { key: string; label: string; count: string }[];
    expect(rows).toEqual([
      { key: 'PHL', label: 'Philippines', count: 'suppressed' },
      { key: 'SGP', label: 'Singapore', count: 'suppressed' },
      { key: 'THA', label: 'Thailand', count: '266' },
      { key: 'total', label: 'Total', count: '273' },
    ]);
    const byCompound = await report(as.admin, `repatriations?${day}&groupBy=compound&format=csv`);
    const labels = (parse(byCompound.text, { columns: true }) as { label: string }[]).map((r) => r.label);
    expect(labels).toContain(`'=HYPERLINK("x")`);
    expect(labels.some((l) => l.startsWith('='))).toBe(false);
    const cross = await report(
      as.admin,
      `repatriations/crosstab?${day}&rows=nationality&columns=sex&format=csv`,
    );
    const grid = parse(cross.text) as string[][];
    expect(grid[0]).toEqual(['key', 'label', 'female', 'male', 'total']);
    expect(grid[grid.length - 1][0]).toBe('total');
    expect(grid[grid.length - 1][4]).toBe('273');
  });

  it('refuses bad parameters with 400 and anonymous callers with 401; audits every run with its threshold', async () => {
    expectError(await report(as.admin, 'repatriations?groupBy=planet'), 400, 'VALIDATION_FAILED');
    expectError(
      await report(as.admin, 'repatriations?groupBy=sex&from=2023-02-30'),
      400,
      'VALIDATION_FAILED',
    );
    expectError(
      await report(as.admin, 'repatriations?groupBy=sex&from=2024-01-02&to=2024-01-01'),
      400,
      'VALIDATION_FAILED',
    );
    expectError(
      await report(as.admin, 'repatriations/crosstab?rows=sex&columns=sex'),
      400,
      'VALIDATION_FAILED',
    );
    expectError(await report(as.tha, 'timeliness?nationality=PHL'), 403, 'FORBIDDEN');
    for (const path of [
      'repatriations?groupBy=sex',
      'repatriations/crosstab?rows=sex&columns=month',
      'caseload?groupBy=status',
      'timeliness',
    ]) {
      expectError(await t.http().get(`${API}/reports/${path}`), 401, 'UNAUTHENTICATED');
    }
    await report(as.donor, `repatriations?${day}&groupBy=sex`);
    const [entry] = await t.db.query(
      `SELECT details FROM audit_entries WHERE action = 'report.run' AND actor_id = $1 ORDER BY id DESC LIMIT 1`,
      [as.donor.id],
    );
    expect(entry.details).toMatchObject({
      threshold: 11,
      parameters: { groupBy: 'sex', from: DAY, to: DAY },
    });
  });

  describe('timeliness', () => {
    it('medians and 90th percentiles against hand-computed values; fewer than k cases are suppressed', async () => {
      // Rescued on 2018-01-01 00:00; notified after 10, 20, 30, 40, 50 hours; verified 24 h after each.
      const ids = await insertPersonRows(
        t,
        [10, 20, 30, 40, 50].map(() => ({ nationalities: ['VNM'], rescuedAt: '2018-01-01T00:00:00Z' })),
      );
      await t.db.query(
        `INSERT INTO consular_notifications (person_id, country_code, channel, notified_at, identity_verified_at)
         SELECT u.id, 'VNM', 'email', timestamptz '2018-01-01' + make_interval(hours => u.h),
                timestamptz '2018-01-01' + make_interval(hours => u.h + 24)
           FROM unnest($1::uuid[], $2::int[]) AS u(id, h)`,
        [ids, [10, 20, 30, 40, 50]],
      );
      const range = 'from=2018-01-01&to=2018-01-31&nationality=VNM';
      const exact = await report(as.admin, `timeliness?${range}`);
      const metric = (body: { metrics: { metric: string }[] }, name: string) =>
        body.metrics.find((m) => m.metric === name);
      expect(metric(exact.body, 'rescue_to_notification')).toEqual({
        metric: 'rescue_to_notification',
        medianHours: 30,
        p90Hours: 46, // percentile_cont: 40 + 0.6 × (50 − 40)
        cases: 5,
        suppressed: false,
      });
      expect(metric(exact.body, 'notification_to_identity_verified')).toMatchObject({
        medianHours: 24,
        cases: 5,
      });
      expect(metric(exact.body, 'rescue_to_departure')).toEqual({
        metric: 'rescue_to_departure',
        medianHours: null,
        p90Hours: null,
        cases: 0,
        suppressed: false,
      });
      expect(
        metric((await report(as.analyst, `timeliness?${range}`)).body, 'rescue_to_notification'),
      ).toMatchObject({
        cases: 5,
        suppressed: false,
      });
      expect(metric((await report(as.donor, `timeliness?${range}`)).body, 'rescue_to_notification')).toEqual({
        metric: 'rescue_to_notification',
        medianHours: null,
        p90Hours: null,
        cases: null,
        suppressed: true,
      });
    });
  });

  describe('caseload and overdue cases', () => {
    it('counts open cases by status, and overdue ones by the stage they wait in, against known clocks', async () => {
      const before = await report(as.admin, 'caseload?groupBy=overdueStage');
      const hoursAgo = (h: number) => new Date(Date.now() - h * 3600_000).toISOString();
      const fixtures: PersonFixture[] = [
        { nationalities: ['IND'], status: 'consular_notified', statusSince: hoursAgo(400) }, // overdue (336)
        { nationalities: ['IND'], status: 'consular_notified', statusSince: hoursAgo(300) }, // not yet
        { nationalities: ['IND'], status: 'exit_cleared', statusSince: hoursAgo(337) }, // overdue
        { nationalities: ['IND'], status: 'presumed_victim', statusSince: hoursAgo(100) }, // no consent: no clock
        { nationalities: ['IND'], status: 'screening', statusSince: hoursAgo(5000) }, // no clock at all
      ];
      const ids = await insertPersonRows(t, fixtures);
      const consenting = await insertPersonRows(t, [
        { nationalities: ['IND'], status: 'presumed_victim', statusSince: hoursAgo(73) },
      ]);
      await t.db.query(
        `INSERT INTO consents (person_id, type, granted) VALUES ($1, 'consular_notification', true)`,
        [consenting[0]],
      );
      expect(ids).toHaveLength(5);
      const after = await report(as.admin, 'caseload?groupBy=overdueStage');
      const delta = (key: string) => (byKey(after.body.rows)[key] ?? 0) - (byKey(before.body.rows)[key] ?? 0);
      expect({
        consular_notified: delta('consular_notified'),
        exit_cleared: delta('exit_cleared'),
        presumed_victim: delta('presumed_victim'),
        screening: delta('screening'),
        total: after.body.total - before.body.total,
      }).toEqual({ consular_notified: 1, exit_cleared: 1, presumed_victim: 1, screening: 0, total: 3 });
      const byStatus = await report(as.admin, 'caseload?groupBy=status');
      expect(byKey(byStatus.body.rows).closed).toBeUndefined();
      expect(byStatus.body.rows.map((r: { key: string }) => r.key)).toEqual(
        expect.arrayContaining(['consular_notified', 'exit_cleared', 'screening']),
      );
    });
  });
});
