import { parse } from 'csv-parse/sync';
import { API, createTestApp, expectError, loginAs, SignedIn, TestApp } from './support/app';
import { createPerson, insertPersonRows, type PersonFixture } from './support/people';

/** The HTCDS export: k-anonymous (k = 11) and nothing that names anyone. */
describe('HTCDS export', () => {
  let t: TestApp;
  let admin: SignedIn;
  let cw: SignedIn;
  const today = new Date().toISOString().slice(0, 10);

  beforeAll(async () => {
    t = await createTestApp();
    admin = await loginAs(t, 'admin');
    cw = await loginAs(t, 'caseworker');
    // Registered today: many alike, a few rare combinations that must be generalised or dropped.
    const fixtures: PersonFixture[] = [
      ...Array.from({ length: 60 }, (_, i) => ({ nationalities: ['THA'], sex: i % 2 ? 'female' : 'male' })),
      ...Array.from({ length: 14 }, () => ({ nationalities: ['LAO'], sex: 'female' })),
      ...Array.from({ length: 3 }, () => ({ nationalities: ['KEN'], sex: 'other' })),
      { nationalities: ['LKA'], sex: 'unknown' },
    ];
    await insertPersonRows(t, fixtures);
    for (const n of [1, 2, 3]) {
      await createPerson(t, cw, {
        givenName: `Exportgiven${n}`,
        familyName: 'Exportfamily',
        documentNumber: `EXPDOC${n}`,
        narrative: `Exportnarrative ${n}`,
        dateOfBirth: '1994-02-03',
      });
    }
  });
  afterAll(() => t.close());

  const exportCsv = (who: SignedIn, query = `from=${today}&to=${today}`) =>
    t.http().get(`${API}/exports/htcds?${query}`).set(who.auth);

  it('every released combination of quasi-identifiers appears at least 11 times; the last line counts the dropped', async () => {
    const res = await exportCsv(admin);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    // The last line is a comment of two fields (`# dropped,N`), as the contract words it.
    const lines = parse(res.text, { relax_column_count: true }) as string[][];
    const [header, ...body] = lines;
    expect(header).toEqual([
      'cas_YearOfRegistration',
      'prs_Citizenship',
      'prs_Gender',
      'vic_AgeWhenTrafficked',
      'vic_RecruitmentWebsitesAndApps',
      'vic_LocationOfExploitation',
      'cas_Status',
    ]);
    const last = body.pop()!;
    expect(last[0]).toBe('# dropped');
    const dropped = Number(last[1]);
    const combinations = new Map<string, number>();
    for (const row of body) combinations.set(row.join('|'), (combinations.get(row.join('|')) ?? 0) + 1);
    expect([...combinations.values()].every((n) => n >= 11)).toBe(true);
    // Every case registered today is either a row or counted as dropped.
    const [{ n }] = await t.db.query(
      `SELECT count(*)::int AS n FROM people WHERE created_at >= $1::date AND created_at < $1::date + 1`,
      [today],
    );
    expect(body.length + dropped).toBe(n);
    expect(body.length).toBeGreaterThan(0);
  });

  it('holds no name, date of birth, document number, narrative or id', async () => {
    const res = await exportCsv(admin);
    for (const secret of ['Exportgiven', 'Exportfamily', 'EXPDOC', 'Exportnarrative', '1994-02-03']) {
      expect(res.text).not.toContain(secret);
    }
    const ids = (await t.db.query('SELECT id::text FROM people LIMIT 50')) as { id: string }[];
    for (const { id } of ids) expect(res.text).not.toContain(id);
  });

  it('is for admins and supervisors; audited with its parameters and k', async () => {
    expect((await exportCsv(await loginAs(t, 'supervisor'))).status).toBe(200);
    for (const role of ['caseworker', 'analyst', 'donor', 'consular'] as const) {
      expectError(await exportCsv(await loginAs(t, role)), 403, 'FORBIDDEN');
    }
    expectError(await t.http().get(`${API}/exports/htcds?from=${today}&to=${today}`), 401, 'UNAUTHENTICATED');
    expectError(await exportCsv(admin, 'from=2024-02-30&to=2024-03-01'), 400, 'VALIDATION_FAILED');
    expectError(await exportCsv(admin, `from=${today}`), 400, 'VALIDATION_FAILED');
    const [entry] = await t.db.query(
      `SELECT details FROM audit_entries WHERE action = 'export.htcds' AND actor_id = $1 ORDER BY id DESC LIMIT 1`,
      [admin.id],
    );
    expect(entry.details).toMatchObject({ threshold: 11, parameters: { from: today, to: today } });
  });
});
