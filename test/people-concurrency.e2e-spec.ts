import { API, createTestApp, expectError, loginAs, SignedIn, TestApp } from './support/app';
import { createPerson, personPayload } from './support/people';

describe('People under concurrent use and flaky connections', () => {
  let t: TestApp;
  let cw: SignedIn;
  beforeAll(async () => {
    t = await createTestApp();
    cw = await loginAs(t, 'caseworker');
  });
  afterAll(() => t.close());

  const intake = (body: Record<string, unknown>, key?: string, user = cw) => {
    const req = t.http().post(`${API}/people`).set(user.auth);
    if (key !== undefined) req.set('Idempotency-Key', key);
    return req.send(body);
  };

  it('two PATCHes with the same If-Match at once: exactly one 200 and one 412, no lost edit', async () => {
    const p = await createPerson(t, cw);
    const patch = (givenName: string) =>
      t.http().patch(`${API}/people/${p.id}`).set(cw.auth).set('If-Match', '"1"').send({ givenName });
    const results = await Promise.all([patch('Malee'), patch('Mali')]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 412]);
    const winner = results.find((r) => r.status === 200)!;
    const stored = await t.http().get(`${API}/people/${p.id}`).set(cw.auth);
    expect(stored.body).toMatchObject({ version: 2, givenName: winner.body.givenName });
  });

  it('20 concurrent POSTs with one Idempotency-Key: one person, every answer the same', async () => {
    const body = personPayload({ familyName: `Idem${Date.now()}` });
    const key = `burst-${Math.random()}`;
    const burst = await Promise.all(Array.from({ length: 20 }, () => intake(body, key)));
    expect(new Set(burst.map((r) => r.status))).toEqual(new Set([201]));
    expect(new Set(burst.map((r) => r.body.id)).size).toBe(1);
    expect(new Set(burst.map((r) => JSON.stringify(r.body))).size).toBe(1);
    const rows = await t.db.query('SELECT count(*)::int AS n FROM people WHERE family_name = $1', [
      body.familyName,
    ]);
    expect(rows[0].n).toBe(1);
  });

  it('a retry with the same key and body replays the original answer and writes nothing', async () => {
    const body = personPayload();
    const first = await intake(body, 'retry-key-1');
    const again = await intake(body, 'retry-key-1');
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    expect(again.headers.etag).toBe(first.headers.etag);
    // Showing the stored answer again is a read of the person: audited like one.
    const replays = await t.db.query(
      `SELECT actor_id FROM audit_entries WHERE action = 'idempotent.replay' AND entity_type = 'person' AND entity_id = $1`,
      [first.body.id],
    );
    expect(replays).toEqual([{ actor_id: cw.id }]);
    const rows = await t.db.query('SELECT count(*)::int AS n FROM people WHERE family_name = $1', [
      body.familyName,
    ]);
    expect(rows[0].n).toBe(1);
  });

  it('the same key with a different body is 422 IDEMPOTENCY_KEY_REUSED', async () => {
    await intake(personPayload(), 'reused-key');
    expectError(await intake(personPayload(), 'reused-key'), 422, 'IDEMPOTENCY_KEY_REUSED');
  });

  it('keys are per user: another caseworker may use the same key for their own intake', async () => {
    const other = await loginAs(t, 'caseworker');
    const a = await intake(personPayload(), 'shared-key');
    const b = await intake(personPayload(), 'shared-key', other);
    expect([a.status, b.status]).toEqual([201, 201]);
    expect(a.body.id).not.toBe(b.body.id);
  });

  it('a failed request leaves the key free, so a corrected retry goes through', async () => {
    const body = personPayload();
    expectError(await intake({ ...body, sex: 'x' }, 'fix-and-retry'), 400, 'VALIDATION_FAILED');
    expect((await intake(body, 'fix-and-retry')).status).toBe(201);
  });

  it('refuses an empty or over-long key with 400', async () => {
    expectError(await intake(personPayload(), ''), 400, 'VALIDATION_FAILED');
    expectError(await intake(personPayload(), 'k'.repeat(256)), 400, 'VALIDATION_FAILED');
    expect((await intake(personPayload(), 'k'.repeat(255))).status).toBe(201);
  });

  it('does not keep stored answers readable in the database', async () => {
    const body = personPayload({ narrative: 'Idempotency narrative 7f3a', documentNumber: 'IDEM77441' });
    await intake(body, 'sealed-answer');
    const rows = await t.db.query(
      `SELECT response_body::text AS b FROM idempotency_keys WHERE key = 'sealed-answer'`,
    );
    expect(rows).toHaveLength(1);
    expect(rows[0].b).not.toContain('7f3a');
    expect(rows[0].b).not.toContain('IDEM77441');
    expect(rows[0].b).not.toContain(body.familyName as string);
  });

  it('200 concurrent intakes get 200 distinct, well-formed case numbers', async () => {
    const results = await Promise.all(Array.from({ length: 200 }, () => intake(personPayload())));
    expect(results.map((r) => r.status).filter((s) => s !== 201)).toEqual([]);
    const numbers = results.map((r) => r.body.caseNumber as string);
    expect(new Set(numbers).size).toBe(200);
    for (const n of numbers) expect(n).toMatch(/^\d{4}-\d{6}$/);
  });
});
