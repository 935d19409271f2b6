import { RateLimitStore } from '../src/rate-limits/rate-limit.store';
import { API, createTestApp, expectError, loginAs, SignedIn, TestApp } from './support/app';
import { createPerson, insertPeople } from './support/people';

/**
 * What one user may ask of the database (issue 10, findings 7 and 8): per-user limits on the
 * expensive routes, name searches of a sane length, a time budget per search statement, and the
 * bulk-read guard. Every counter lives in PostgreSQL (instances.e2e-spec.ts shows two apps sharing it).
 */
describe('Per-user limits on the expensive routes', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ USER_THROTTLE_LIMIT: '3', USER_THROTTLE_TTL_SECONDS: '600' });
  });
  afterAll(() => t.close());

  const search = (user: SignedIn) =>
    t.http().get(`${API}/people/duplicates`).query({ givenName: 'Somchai' }).set(user.auth);

  it('a user over the limit gets 429 THROTTLED with Retry-After; another user is unaffected', async () => {
    const busy = await loginAs(t, 'caseworker');
    const other = await loginAs(t, 'caseworker');
    for (let i = 0; i < 3; i++) expect((await search(busy)).status).toBe(200);
    const refused = await search(busy);
    expectError(refused, 429, 'THROTTLED');
    const retryAfter = Number(refused.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(600);

    expect((await search(other)).status).toBe(200);
    // Counted per route: the busy user's list still answers.
    expect((await t.http().get(`${API}/people`).set(busy.auth)).status).toBe(200);
  });

  it('counts lists, reports and exports too', async () => {
    const supervisor = await loginAs(t, 'supervisor');
    const routes = [
      `${API}/people?limit=200`,
      `${API}/people/count`,
      `${API}/reports/caseload?groupBy=status`,
      `${API}/exports/htcds?from=2023-01-01&to=2023-12-31`,
    ];
    for (const route of routes) {
      for (let i = 0; i < 3; i++)
        expect({ route, status: (await t.http().get(route).set(supervisor.auth)).status }).toEqual({
          route,
          status: 200,
        });
      expectError(await t.http().get(route).set(supervisor.auth), 429, 'THROTTLED');
    }
  });

  it('does not count cheap routes: one person, the signed-in user', async () => {
    const cw = await loginAs(t, 'caseworker');
    const person = await createPerson(t, cw);
    for (let i = 0; i < 5; i++) {
      expect((await t.http().get(`${API}/people/${person.id}`).set(cw.auth)).status).toBe(200);
      expect((await t.http().get(`${API}/auth/me`).set(cw.auth)).status).toBe(200);
    }
  });

  it('sweeps the rows of ended windows away', async () => {
    await t.db.query(
      `INSERT INTO rate_limits (key, hits, window_ends_at) VALUES ('ended', 5, now() - interval '1 second'),
              ('running', 5, now() + interval '1 hour')`,
    );
    await t.app.get(RateLimitStore).sweep();
    const left = (await t.db.query(`SELECT key FROM rate_limits WHERE key IN ('ended', 'running')`)) as {
      key: string;
    }[];
    expect(left).toEqual([{ key: 'running' }]);
  });
});

describe('Name searches of a sane length', () => {
  let t: TestApp;
  let cw: SignedIn;
  beforeAll(async () => {
    t = await createTestApp();
    cw = await loginAs(t, 'caseworker');
  });
  afterAll(() => t.close());

  const cases: [string, string, Record<string, string>][] = [
    ['the list', '/people', { q: 'a' }],
    ['the count', '/people/count', { q: 'a' }],
    ['the duplicate search', '/people/duplicates', { givenName: 'a' }],
    ['the duplicate search', '/people/duplicates', { familyName: 'a' }],
    ['the duplicate search', '/people/duplicates', { nameNative: 'ก' }],
  ];
  it.each(cases)(
    '%s refuses %j over 70 characters with 400 too_long and takes 70',
    async (_what, path, query) => {
      const [field, letter] = Object.entries(query)[0];
      const ask = (length: number) =>
        t
          .http()
          .get(`${API}${path}`)
          .query({ [field]: letter.repeat(length) })
          .set(cw.auth);
      const refused = await ask(71);
      expectError(refused, 400, 'VALIDATION_FAILED');
      expect(refused.body.details).toEqual([
        { field, code: 'too_long', message: expect.any(String), params: { max: 70 } },
      ]);
      expect((await ask(70)).status).toBe(200);
    },
  );
});

describe('The time budget of a search statement', () => {
  let t: TestApp;
  let cw: SignedIn;
  beforeAll(async () => {
    t = await createTestApp({ SEARCH_TIMEOUT_MS: '200' });
    cw = await loginAs(t, 'caseworker');
  });
  afterAll(() => t.close());

  /**
   * Runs `request` while another session holds `people` locked, so every search statement waits
   * past its budget however fast the machine is.
   */
  async function whilePeopleLocked<T>(request: () => Promise<T>): Promise<T> {
    const other = t.db.createQueryRunner();
    await other.connect();
    await other.startTransaction();
    try {
      await other.query('LOCK TABLE people IN ACCESS EXCLUSIVE MODE');
      return await request();
    } finally {
      await other.rollbackTransaction();
      await other.release();
    }
  }

  it.each([
    ['the duplicate search', '/people/duplicates', { givenName: 'Somchai' }],
    ['the list', '/people', { q: 'Somchai' }],
    ['the count', '/people/count', { q: 'Somchai' }],
  ])(
    '%s over budget answers 429 SEARCH_TIMEOUT with Retry-After, and writes no audit entry',
    async (_what, path, query) => {
      const audited = async () =>
        Number(
          (
            (await t.db.query('SELECT count(*)::int AS n FROM audit_entries WHERE actor_id = $1', [
              cw.id,
            ])) as {
              n: number;
            }[]
          )[0].n,
        );
      const before = await audited();
      const res = await whilePeopleLocked(() => t.http().get(`${API}${path}`).query(query).set(cw.auth));
      expectError(res, 429, 'SEARCH_TIMEOUT');
      expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
      expect(await audited()).toBe(before);
      // The budget holds for the search only: the same search answers once the table is free.
      expect((await t.http().get(`${API}${path}`).query(query).set(cw.auth)).status).toBe(200);
    },
  );
});

describe('The bulk-read guard', () => {
  let t: TestApp;
  let admin: SignedIn;
  let ids: string[];
  beforeAll(async () => {
    t = await createTestApp({ READ_ALERT_PER_HOUR: '5' });
    admin = await loginAs(t, 'admin');
    ids = await insertPeople(t, 7, { status: 'screening', createdBy: admin.id });
  });
  afterAll(() => t.close());

  const read = (user: SignedIn, id: string) => t.http().get(`${API}/people/${id}`).set(user.auth);
  const flags = async (user: SignedIn) =>
    (
      await t
        .http()
        .get(`${API}/audit`)
        .query({ action: 'access.bulk_read', actorId: user.id })
        .set(admin.auth)
    ).body.items as {
      action: string;
      entityType: string;
      entityId: string;
      details: Record<string, unknown>;
    }[];

  it('counts people, not records: the same people shown again add nothing', async () => {
    const cw = await loginAs(t, 'caseworker');
    // 4 people, each shown twice, and the first a third time in a list found by its case number.
    const first = await read(cw, ids[0]);
    for (const id of ids.slice(1, 4)) expect((await read(cw, id)).status).toBe(200);
    for (const id of ids.slice(0, 4)) expect((await read(cw, id)).status).toBe(200);
    const page = await t.http().get(`${API}/people`).query({ q: first.body.caseNumber }).set(cw.auth);
    expect(page.body.items.map((p: { id: string }) => p.id)).toEqual([ids[0]]);
    expect(await flags(cw)).toEqual([]);
    // Every record shown is still in the access log, once per showing.
    const shown = (await t.db.query(
      `SELECT count(*)::int AS n FROM audit_entries WHERE actor_id = $1 AND entity_type = 'person'`,
      [cw.id],
    )) as { n: number }[];
    expect(shown[0].n).toBe(9);
  });

  it('lets the read that crosses the limit through, flags it once, then refuses person reads with 429', async () => {
    const cw = await loginAs(t, 'caseworker');
    for (const id of ids.slice(0, 5)) expect((await read(cw, id)).status).toBe(200); // 5 people: at the limit
    expect(await flags(cw)).toEqual([]);
    // A sixth person is over 5: answered, and flagged for the admins.
    expect((await read(cw, ids[5])).status).toBe(200);
    expect(await flags(cw)).toEqual([
      expect.objectContaining({
        action: 'access.bulk_read',
        entityType: 'user',
        entityId: cw.id,
        details: expect.objectContaining({ limitPerHour: 5, readsThisHour: 6 }),
      }),
    ]);

    // From then on, no person record, not even one already seen.
    const refused = await read(cw, ids[0]);
    expectError(refused, 429, 'THROTTLED');
    const retryAfter = Number(refused.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(3600);
    expectError(await t.http().get(`${API}/people`).set(cw.auth), 429, 'THROTTLED');
    // Once per window, and the refused reads showed no one: no entry says they did.
    expect(await flags(cw)).toHaveLength(1);
    const shown = (await t.db.query(
      `SELECT count(*)::int AS n FROM audit_entries WHERE actor_id = $1 AND entity_type = 'person'`,
      [cw.id],
    )) as { n: number }[];
    expect(shown[0].n).toBe(6);
  });

  it('counts a person again in a new window', async () => {
    const cw = await loginAs(t, 'caseworker');
    for (const id of ids.slice(0, 5)) expect((await read(cw, id)).status).toBe(200);
    // The hour is over (moved back by hand): the same five are counted afresh, and do not cross.
    await t.db.query(`UPDATE rate_limits SET window_ends_at = now() - interval '1 second' WHERE key = $1`, [
      `person-reads:${cw.id}`,
    ]);
    for (const id of ids.slice(0, 5)) expect((await read(cw, id)).status).toBe(200);
    expect((await read(cw, ids[5])).status).toBe(200); // the sixth person of this window
    expectError(await read(cw, ids[6]), 429, 'THROTTLED');
    const [{ n }] = (await t.db.query(`SELECT count(*)::int AS n FROM person_read_marks WHERE user_id = $1`, [
      cw.id,
    ])) as { n: number }[];
    expect(n).toBe(6); // the ended window's marks were taken over, none left behind
  });

  it('holds back only that user: a colleague reads on', async () => {
    const busy = await loginAs(t, 'caseworker');
    const colleague = await loginAs(t, 'caseworker');
    for (const id of ids.slice(0, 6)) await read(busy, id);
    expectError(await read(busy, ids[6]), 429, 'THROTTLED');
    expect((await read(colleague, ids[0])).status).toBe(200);
    expect(await flags(colleague)).toEqual([]);
  });

  it('counts duplicate candidates and an embassy officer’s cases as reads too', async () => {
    const cw = await loginAs(t, 'caseworker');
    const named = await insertPeople(t, 6, { status: 'screening', createdBy: admin.id });
    await t.db.query(
      `UPDATE people SET given_name = 'Bulkread', family_name = 'Candidate' WHERE id = ANY($1)`,
      [named],
    );
    const candidates = await t
      .http()
      .get(`${API}/people/duplicates`)
      .query({ givenName: 'Bulkread', familyName: 'Candidate' })
      .set(cw.auth);
    expect(candidates.status).toBe(200);
    expect(candidates.body.items.length).toBeGreaterThan(5);
    expect(await flags(cw)).toHaveLength(1);
    expectError(await read(cw, ids[0]), 429, 'THROTTLED');

    const officer = await loginAs(t, 'consular', ['THA']);
    const consenting = await insertPeople(t, 6, {
      status: 'presumed_victim',
      consularConsent: true,
      createdBy: admin.id,
    });
    const cases = await t.http().get(`${API}/consular/cases`).query({ limit: 200 }).set(officer.auth);
    expect(cases.status).toBe(200);
    expect(cases.body.items.length).toBeGreaterThanOrEqual(consenting.length);
    expect(await flags(officer)).toHaveLength(1);
    expectError(
      await t.http().get(`${API}/consular/cases/${consenting[0]}`).set(officer.auth),
      429,
      'THROTTLED',
    );
  });
});
