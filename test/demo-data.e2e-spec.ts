import { Client } from 'pg';
import { seedDemo } from '../src/cli/demo-seed';
import { ReportCompaction } from '../src/reports/report-compaction';
import { API, createTestApp, loginAs, type TestApp } from './support/app';
import { testDatabaseEnv } from './support/database';
import { figuresFromApi, figuresFromSource } from './support/report-truth';

/**
 * The demo data on a database of its own (the worker's database holds other specs' people, some
 * departing on the same day): what API.md promises of it, read through the API as each role.
 */
describe('Demo data: the Laukkaing story', () => {
  let t: TestApp;
  const database = `sr_demo_${process.env.JEST_WORKER_ID ?? '1'}_${Date.now()}`;
  const admin = new Client({ connectionString: process.env.DATABASE_MIGRATION_URL });

  beforeAll(async () => {
    await admin.connect();
    await admin.query(`CREATE DATABASE ${database}`);
    t = await createTestApp(testDatabaseEnv(database));
    await seedDemo(t.app);
  }, 300_000);
  afterAll(async () => {
    await t?.close();
    await admin.query(`DROP DATABASE IF EXISTS ${database}`);
    await admin.end();
  });

  const signIn = async (email: string) => {
    const res = await t.http().post(`${API}/auth/login`).send({ email, password: 'demo-password-2026' });
    return { Authorization: `Bearer ${res.body.accessToken}` };
  };
  const byNationality = async (email: string) =>
    (
      await t
        .http()
        .get(`${API}/reports/repatriations?from=2023-11-19&to=2023-11-19&groupBy=nationality`)
        .set(await signIn(email))
    ).body;
  const counts = (body: { rows: { key: string; count: number | null }[] }) =>
    Object.fromEntries(body.rows.map((r) => [r.key, r.count]));

  it('the admin sees 266 Thai, 6 Filipino and 1 Singaporean departures on 2023-11-19', async () => {
    const body = await byNationality('admin@demo.safe-return.org');
    expect(counts(body)).toEqual({ THA: 266, PHL: 6, SGP: 1 });
    expect(body.total).toBe(273);
  });

  it('the analyst (k = 5) sees THA 266, PHL and SGP hidden, the total 273', async () => {
    const body = await byNationality('analyst@demo.safe-return.org');
    expect(counts(body)).toEqual({ THA: 266, PHL: null, SGP: null });
    expect(body.total).toBe(273);
  });

  it('the donor (k = 11) sees the total 273 and every nationality hidden', async () => {
    const body = await byNationality('donor@demo.safe-return.org');
    expect(counts(body)).toEqual({ THA: null, PHL: null, SGP: null });
    expect(body.total).toBe(273);
  });

  it('the Philippine embassy sees only PHL', async () => {
    const body = await byNationality('consular.phl@demo.safe-return.org');
    expect(counts(body)).toEqual({ PHL: 6 });
  });

  it('the departure is one handover event of 273 people, recorded through the handover route', async () => {
    const auth = await signIn('supervisor@demo.safe-return.org');
    const list = await t
      .http()
      .get(`${API}/handovers?type=repatriation_departure&from=2023-11-19&to=2023-11-19`)
      .set(auth);
    expect(list.body.items).toHaveLength(1);
    expect(list.body.items[0].summary).toMatchObject({ people: 273, byOutcome: { handed_over: 273 } });
    const [{ n }] = await t.db.query(
      `SELECT count(*)::int AS n FROM person_history WHERE event_type = 'handover' AND to_status = 'departed'
         AND event_id = $1`,
      [list.body.items[0].id],
    );
    expect(n).toBe(273);
  });

  it('has cases in every state the workflow holds, overdue ones and protection claims', async () => {
    const rows = (await t.db.query(`SELECT DISTINCT status FROM people`)) as { status: string }[];
    expect(rows.map((r) => r.status).sort()).toEqual(
      expect.arrayContaining([
        'closed',
        'consular_notified',
        'departed',
        'documents_issued',
        'exit_cleared',
        'identified',
        'identity_verified',
        'movement_scheduled',
        'not_victim',
        'on_hold',
        'presumed_victim',
        'protection_claim',
        'received_home',
        'screening',
        'withdrawn',
      ]),
    );
    const overdue = await t
      .http()
      .get(`${API}/reports/caseload?groupBy=overdueStage`)
      .set(await signIn('supervisor@demo.safe-return.org'));
    expect(overdue.body.total).toBeGreaterThan(0);
  });

  it('refuses to load into a production deployment', async () => {
    const production = { get: () => ({ env: 'production' }) } as unknown as Parameters<typeof seedDemo>[0];
    await expect(seedDemo(production)).rejects.toThrow(/refused in production/);
  });

  describe("the reports' read model", () => {
    const agree = async () => {
      const admin = await loginAs(t, 'admin');
      expect(await figuresFromApi(t, admin)).toEqual(await figuresFromSource(t));
    };

    it('agrees with the source tables after the whole story was written through the services', agree);

    it('still agrees after edits the story does not make: a new nationality, an erasure, a deleted notification, a folded ledger', async () => {
      const [departed] = (await t.db.query(
        `SELECT p.id FROM people p JOIN person_nationalities pn ON pn.person_id = p.id
          WHERE p.departed_at IS NOT NULL AND pn.nationality_code = 'PHL' LIMIT 1`,
      )) as { id: string }[];
      const admin = await loginAs(t, 'admin');
      const person = await t.http().get(`${API}/people/${departed.id}`).set(admin.auth);
      const dual = await t
        .http()
        .patch(`${API}/people/${departed.id}`)
        .set(admin.auth)
        .set('If-Match', person.headers.etag)
        .send({ nationalities: [{ code: 'PHL', verified: true }, { code: 'USA' }] });
      expect(dual.status).toBe(200);
      const [open] = (await t.db.query(
        `SELECT id FROM people WHERE status = 'consular_notified' AND erased_at IS NULL LIMIT 1`,
      )) as { id: string }[];
      expect((await t.http().delete(`${API}/people/${open.id}`).set(admin.auth)).status).toBe(204);
      await t.db.query(
        `DELETE FROM consular_notifications WHERE id = (SELECT id FROM consular_notifications
          WHERE identity_verified_at IS NOT NULL ORDER BY notified_at LIMIT 1)`,
      );
      await agree();
      const folded = (await t.db.query('SELECT count(*)::int AS n FROM report_caseload')) as { n: number }[];
      await t.app.get(ReportCompaction).fold();
      const after = (await t.db.query('SELECT count(*)::int AS n FROM report_caseload')) as { n: number }[];
      expect(after[0].n).toBeLessThan(folded[0].n);
      // Nothing appended since: the next fold rewrites nothing.
      expect(await t.app.get(ReportCompaction).fold()).toBe(0);
      await agree();
    });
  });

  it('a second load changes nothing', async () => {
    const before = await t.db.query('SELECT count(*)::int AS n FROM people');
    expect(await seedDemo(t.app)).toBe(0);
    expect(await t.db.query('SELECT count(*)::int AS n FROM people')).toEqual(before);
  });
});
