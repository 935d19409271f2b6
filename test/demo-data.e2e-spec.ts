import { Client } from 'pg';
import { seedDemo } from '../src/cli/demo-seed';
import { API, createTestApp, type TestApp } from './support/app';

/**
 * The demo data on a database of its own (the worker's database holds other specs' people, some
 * departing on the same day): what API.md promises of it, read through the API as each role.
 */
describe('Demo data: the Laukkaing story', () => {
  let t: TestApp;
  const database = `sr_demo_${process.env.JEST_WORKER_ID ?? '1'}_${Date.now()}`;
  const admin = new Client({ connectionString: process.env.DATABASE_URL });

  beforeAll(async () => {
    await admin.connect();
    await admin.query(`CREATE DATABASE ${database}`);
    t = await createTestApp({ DATABASE_URL: `${process.env.TEST_DATABASE_URL_BASE}${database}` });
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

  it('a second load changes nothing', async () => {
    const before = await t.db.query('SELECT count(*)::int AS n FROM people');
    expect(await seedDemo(t.app)).toBe(0);
    expect(await t.db.query('SELECT count(*)::int AS n FROM people')).toEqual(before);
  });
});
