import { API, createTestApp, expectError, loginAs, SignedIn, TestApp } from './support/app';
import { createPerson, forceStatus, insertPeople } from './support/people';

/**
 * An erased person's record holds nothing to act on, and erasure promised that no free text about
 * them exists any more: every write about them is refused with 422 PERSON_ERASED and leaves no row.
 * (Handovers and consular notifications prove the same in their own specs.)
 */
describe('Writes about an erased person', () => {
  let t: TestApp;
  let cw: SignedIn;
  let supervisor: SignedIn;
  let admin: SignedIn;
  let erasedId: string;
  let version: number;

  beforeAll(async () => {
    t = await createTestApp();
    cw = await loginAs(t, 'caseworker');
    supervisor = await loginAs(t, 'supervisor');
    admin = await loginAs(t, 'admin');
    const p = await createPerson(t, cw);
    await forceStatus(t, p.id, 'screening');
    expect((await t.http().delete(`${API}/people/${p.id}`).set(admin.auth)).status).toBe(204);
    erasedId = p.id;
    version = (await t.http().get(`${API}/people/${p.id}`).set(cw.auth)).body.version;
  });
  afterAll(() => t.close());

  const historyRows = async () =>
    (await t.db.query('SELECT count(*)::int AS n FROM person_history WHERE person_id = $1', [erasedId]))[0].n;
  const consentRows = async () =>
    (await t.db.query('SELECT count(*)::int AS n FROM consents WHERE person_id = $1', [erasedId]))[0].n;

  it.each([
    ['a caseworker', 'presumed_victim'],
    ['a caseworker', 'on_hold'],
    ['a supervisor', 'not_victim'],
  ])('a transition by %s (to %s) is 422 PERSON_ERASED and writes no note', async (who, to) => {
    const before = await historyRows();
    const res = await t
      .http()
      .post(`${API}/people/${erasedId}/transitions`)
      .set((who === 'a supervisor' ? supervisor : cw).auth)
      .set('If-Match', `"${version}"`)
      .send({ to, note: 'A new note about an erased person' });
    expectError(res, 422, 'PERSON_ERASED');
    expect(await historyRows()).toBe(before);
    const [{ n }] = await t.db.query(
      `SELECT count(*)::int AS n FROM person_history WHERE note LIKE '%erased person%'`,
    );
    expect(n).toBe(0);
  });

  it('a stale If-Match on an erased person still answers 412 first (the contract orders If-Match before rules)', async () => {
    const res = await t
      .http()
      .post(`${API}/people/${erasedId}/transitions`)
      .set(cw.auth)
      .set('If-Match', `"${version - 1}"`)
      .send({ to: 'presumed_victim' });
    expectError(res, 412, 'VERSION_MISMATCH');
  });

  it('a consent is 422 PERSON_ERASED and records nothing', async () => {
    const before = await consentRows();
    const res = await t
      .http()
      .post(`${API}/people/${erasedId}/consents`)
      .set(cw.auth)
      .send({ type: 'services', granted: true, note: 'Given again' });
    expectError(res, 422, 'PERSON_ERASED');
    expect(await consentRows()).toBe(before);
  });

  it('an edit is 422 PERSON_ERASED', async () => {
    const res = await t
      .http()
      .patch(`${API}/people/${erasedId}`)
      .set(cw.auth)
      .set('If-Match', `"${version}"`)
      .send({ givenName: 'Back' });
    expectError(res, 422, 'PERSON_ERASED');
  });

  it('reads still answer: the record (erased: true), its history and access log', async () => {
    expect((await t.http().get(`${API}/people/${erasedId}`).set(cw.auth)).body.erased).toBe(true);
    expect((await t.http().get(`${API}/people/${erasedId}/history`).set(cw.auth)).status).toBe(200);
    expect((await t.http().get(`${API}/people/${erasedId}/access-log`).set(supervisor.auth)).status).toBe(
      200,
    );
  });

  it('erasing again is a no-op 204, not a second wipe', async () => {
    const before = await historyRows();
    expect((await t.http().delete(`${API}/people/${erasedId}`).set(admin.auth)).status).toBe(204);
    expect(await historyRows()).toBe(before);
  });
});

describe('Manual transitions through the batch mover', () => {
  let t: TestApp;
  let cw: SignedIn;
  beforeAll(async () => {
    t = await createTestApp();
    cw = await loginAs(t, 'caseworker');
  });
  afterAll(() => t.close());

  it('a manual transition writes its side effects through the batch mover: closing stamps reason and time', async () => {
    const supervisor = await loginAs(t, 'supervisor');
    const p = await createPerson(t, cw);
    const v = await forceStatus(t, p.id, 'not_victim');
    const res = await t
      .http()
      .post(`${API}/people/${p.id}/transitions`)
      .set(supervisor.auth)
      .set('If-Match', `"${v}"`)
      .send({ to: 'closed', reason: 'not_victim', note: 'Screened out' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'closed', closedReason: 'not_victim', version: v + 1 });
    expect(Date.parse(res.body.closedAt)).toBeGreaterThan(Date.now() - 60_000);
    const history = await t.http().get(`${API}/people/${p.id}/history`).set(cw.auth);
    expect(history.body.items[0]).toMatchObject({
      kind: 'status_change',
      fromStatus: 'not_victim',
      toStatus: 'closed',
      reason: 'not_victim',
      note: 'Screened out',
      event: null,
    });
  });
});

/** API.md "Conventions", Idempotency: a replay whose person has since been erased → 410, nothing written. */
describe('A replayed intake after its person was erased', () => {
  let t: TestApp;
  let cw: SignedIn;
  let admin: SignedIn;
  beforeAll(async () => {
    t = await createTestApp();
    cw = await loginAs(t, 'caseworker');
    admin = await loginAs(t, 'admin');
  });
  afterAll(() => t.close());

  const body = {
    givenName: 'Replaygiven',
    familyName: 'Replayfamily',
    sex: 'female',
    nationalities: [{ code: 'THA' }],
    rescuedAt: '2023-01-01T00:00:00Z',
    documentNumber: 'REPLAY123',
    narrative: 'Replaynarrative',
  };
  const intake = (key: string, payload: object = body) =>
    t.http().post(`${API}/people`).set(cw.auth).set('Idempotency-Key', key).send(payload);
  const named = async () =>
    Number(
      (
        (await t.db.query(
          `SELECT count(*)::int AS n FROM people WHERE erased_at IS NULL AND given_name = $1`,
          ['Replaygiven'],
        )) as { n: number }[]
      )[0].n,
    );

  it('is 410 PERSON_ERASED and writes no one, while the key keeps no personal data', async () => {
    const first = await intake('replay-after-erasure');
    expect(first.status).toBe(201);
    expect((await intake('replay-after-erasure')).body.id).toBe(first.body.id); // a replay before erasure
    expect((await t.http().delete(`${API}/people/${first.body.id}`).set(admin.auth)).status).toBe(204);

    const again = await intake('replay-after-erasure');
    expectError(again, 410, 'PERSON_ERASED');
    expect(await named()).toBe(0);

    const [row] = (await t.db.query(
      `SELECT response_status, response_body FROM idempotency_keys WHERE key = 'replay-after-erasure'`,
    )) as { response_status: number; response_body: unknown }[];
    expect(row).toEqual({
      response_status: 410,
      response_body: { resourceId: first.body.id, erased: true },
    });
  });

  it('a replayed handover, one of whose people was erased since, is 410 and records no second event', async () => {
    const [kept, erased] = await insertPeople(t, 2, { status: 'exit_cleared', createdBy: cw.id });
    const handover = {
      type: 'repatriation_departure',
      occurredAt: '2023-11-19T06:30:00.000Z',
      place: 'Border gate',
      countryCode: 'MMR',
      fromParty: 'MNDAA',
      toParty: 'Royal Thai Government',
      people: [{ personId: kept }, { personId: erased }],
    };
    const record = () =>
      t.http().post(`${API}/handovers`).set(cw.auth).set('Idempotency-Key', 'handover-replay').send(handover);
    const first = await record();
    expect(first.status).toBe(201);
    expect((await record()).headers['idempotent-replayed']).toBe('true'); // a replay before erasure
    expect((await t.http().delete(`${API}/people/${erased}`).set(admin.auth)).status).toBe(204);

    expectError(await record(), 410, 'PERSON_ERASED');
    const events = (await t.db.query(
      `SELECT DISTINCT handover_id FROM handover_people WHERE person_id = ANY($1::uuid[])`,
      [[kept, erased]],
    )) as { handover_id: string }[];
    expect(events).toEqual([{ handover_id: first.body.id }]);
    const [row] = (await t.db.query(
      `SELECT response_body FROM idempotency_keys WHERE key = 'handover-replay'`,
    )) as { response_body: unknown }[];
    expect(row.response_body).toEqual({ resourceId: first.body.id, erased: true });
  });

  it('the same key with another body is still refused as reused, and a new key makes a new person', async () => {
    const first = await intake('replay-after-erasure-2');
    expect((await t.http().delete(`${API}/people/${first.body.id}`).set(admin.auth)).status).toBe(204);
    expectError(
      await intake('replay-after-erasure-2', { ...body, givenName: 'Other' }),
      422,
      'IDEMPOTENCY_KEY_REUSED',
    );
    expect((await intake('a-fresh-key')).status).toBe(201);
    expect(await named()).toBe(1);
  });
});
