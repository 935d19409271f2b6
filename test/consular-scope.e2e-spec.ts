import { API, createTestApp, expectError, loginAs, type SignedIn, type TestApp } from './support/app';
import { allCases, CONSULAR_VIEW_KEYS, expectHiddenEverywhere, notify, personOf } from './support/consular';

/**
 * An embassy sees its own nationals who asked for it, and nobody else (DESIGN.md §3–§4): the Thai
 * officer against Thai, Filipino, Singaporean, Myanmar and dual Thai–Myanmar people, with and
 * without consent, under a protection claim and erased.
 */
describe('Consular scope: own nationals with consent, nobody else', () => {
  let t: TestApp;
  let cw: SignedIn;
  let admin: SignedIn;
  let tha: SignedIn;
  let mmr: SignedIn;
  const people = {} as Record<
    'thaC' | 'thaN' | 'phlC' | 'sgpC' | 'mmrC' | 'dualC' | 'dualN' | 'thaClaim' | 'thaErased',
    string
  >;

  beforeAll(async () => {
    t = await createTestApp();
    cw = await loginAs(t, 'caseworker');
    admin = await loginAs(t, 'admin');
    tha = await loginAs(t, 'consular', ['THA']);
    mmr = await loginAs(t, 'consular', ['MMR']);
    people.thaC = (await personOf(t, cw, ['THA'], { extra: { narrative: 'Never for an embassy' } })).id;
    people.thaN = (await personOf(t, cw, ['THA'], { consent: false })).id;
    people.phlC = (await personOf(t, cw, ['PHL'])).id;
    people.sgpC = (await personOf(t, cw, ['SGP'])).id;
    people.mmrC = (await personOf(t, cw, ['MMR'])).id;
    people.dualC = (await personOf(t, cw, ['THA', 'MMR'])).id;
    people.dualN = (await personOf(t, cw, ['THA', 'MMR'], { consent: false })).id;
    people.thaClaim = (await personOf(t, cw, ['THA'], { status: 'protection_claim' })).id;
    people.thaErased = (await personOf(t, cw, ['THA'])).id;
    await notify(t, cw, people.thaC, 'THA');
    await notify(t, cw, people.phlC, 'PHL');
    await notify(t, cw, people.dualC, 'THA');
    await notify(t, cw, people.dualC, 'MMR', { channel: 'letter' });
    await notify(t, cw, people.thaErased, 'THA');
    expect((await t.http().delete(`${API}/people/${people.thaErased}`).set(admin.auth)).status).toBe(204);
  });
  afterAll(() => t.close());

  const mine = (items: { id: string }[]) =>
    items
      .map((i) => i.id)
      .filter((id) => Object.values(people).includes(id))
      .sort();

  it('lists exactly the consenting Thai nationals of the set, the dual national included', async () => {
    const items = await allCases(t, tha);
    expect(mine(items)).toEqual([people.thaC, people.dualC].sort());
  });

  it('lists nobody outside the rule, whoever else the database holds', async () => {
    const items = await allCases(t, tha);
    expect(items.length).toBeGreaterThanOrEqual(2);
    // The rule written out independently of the app's scope, to catch a drift in either.
    const outside = (await t.db.query(
      `SELECT p.id FROM people p WHERE p.id = ANY($1::uuid[]) AND NOT (
         p.erased_at IS NULL AND p.status <> 'protection_claim'
         AND p.hold_return_status IS DISTINCT FROM 'protection_claim'
         AND EXISTS (SELECT 1 FROM person_nationalities n WHERE n.person_id = p.id AND n.nationality_code = 'THA')
         AND coalesce((SELECT c.granted FROM consents c WHERE c.person_id = p.id AND c.type = 'consular_notification'
                        ORDER BY c.given_at DESC, c.recorded_at DESC, c.id DESC LIMIT 1), false))`,
      [items.map((i) => i.id)],
    )) as unknown[];
    expect(outside).toEqual([]);
  });

  it('shows the minimal view only: no narrative, no other nationality, the Thai notification', async () => {
    const items = await allCases(t, tha);
    const dual = items.find((i) => i.id === people.dualC)!;
    expect(Object.keys(dual).sort()).toEqual(CONSULAR_VIEW_KEYS);
    expect(dual.nationalities.map((n) => n.code)).toEqual(['THA']);
    expect(dual.notification).toMatchObject({ countryCode: 'THA', channel: 'email' });
    const read = await t.http().get(`${API}/consular/cases/${people.thaC}`).set(tha.auth);
    expect(read.status).toBe(200);
    expect(Object.keys(read.body).sort()).toEqual(CONSULAR_VIEW_KEYS);
    expect(JSON.stringify(read.body)).not.toContain('Never for an embassy');
    expect(read.headers.etag).toBe(`"${read.body.version}"`);
    expect(read.headers['cache-control']).toBe('no-store');
  });

  it('shows the dual national to the Myanmar officer with only MMR and the MMR notification', async () => {
    const items = await allCases(t, mmr);
    expect(mine(items)).toEqual([people.mmrC, people.dualC].sort());
    const dual = items.find((i) => i.id === people.dualC)!;
    expect(dual.nationalities.map((n) => n.code)).toEqual(['MMR']);
    expect(dual.notification).toMatchObject({ countryCode: 'MMR', channel: 'letter' });
    const read = await t.http().get(`${API}/consular/cases/${people.dualC}`).set(mmr.auth);
    expect(read.body.nationalities.map((n: { code: string }) => n.code)).toEqual(['MMR']);
    expect(
      (await t.http().get(`${API}/consular/cases/${people.mmrC}`).set(mmr.auth)).body.notification,
    ).toBeNull();
  });

  it('filters the list by status within the scope', async () => {
    const notified = await allCases(t, tha, '&status=consular_notified');
    expect(mine(notified)).toEqual([people.thaC, people.dualC].sort());
    expect(mine(await allCases(t, tha, '&status=presumed_victim'))).toEqual([]);
    expectError(
      await t.http().get(`${API}/consular/cases?status=teleported`).set(tha.auth),
      400,
      'VALIDATION_FAILED',
    );
  });

  it.each([
    ['a Filipino', 'phlC'],
    ['a Singaporean', 'sgpC'],
    ['a Myanmar national', 'mmrC'],
    ['a Thai without consent', 'thaN'],
    ['a dual national without consent', 'dualN'],
    ['a Thai with a protection claim', 'thaClaim'],
    ['an erased Thai', 'thaErased'],
  ] as const)('answers 404 for %s on every consular route', async (_who, key) => {
    await expectHiddenEverywhere(t, tha, people[key]);
  });

  it('answers a case outside the scope exactly like one that does not exist', async () => {
    const hidden = await t.http().get(`${API}/consular/cases/${people.phlC}`).set(tha.auth);
    const missing = await t
      .http()
      .get(`${API}/consular/cases/6f1c7a57-1111-4c4c-9a9a-000000000000`)
      .set(tha.auth);
    const strip = (b: Record<string, unknown>) => ({ ...b, requestId: undefined });
    expect(strip(hidden.body)).toEqual(strip(missing.body));
    expect(hidden.status).toBe(404);
  });

  it('loses sight of a person on the very next request after consent is withdrawn', async () => {
    const p = await personOf(t, cw, ['THA']);
    await notify(t, cw, p.id, 'THA');
    expect((await t.http().get(`${API}/consular/cases/${p.id}`).set(tha.auth)).status).toBe(200);
    const withdrawn = await t
      .http()
      .post(`${API}/people/${p.id}/consents`)
      .set(cw.auth)
      .send({ type: 'consular_notification', granted: false });
    expect(withdrawn.status).toBe(201);
    await expectHiddenEverywhere(t, tha, p.id);
    expect((await allCases(t, tha)).map((i) => i.id)).not.toContain(p.id);
  });

  it('loses sight of a person on the very next request after a protection claim', async () => {
    const p = await personOf(t, cw, ['THA']);
    const { personVersion } = await notify(t, cw, p.id, 'THA');
    expect((await t.http().get(`${API}/consular/cases/${p.id}`).set(tha.auth)).status).toBe(200);
    const claimed = await t
      .http()
      .post(`${API}/people/${p.id}/transitions`)
      .set(cw.auth)
      .set('If-Match', `"${personVersion}"`)
      .send({ to: 'protection_claim' });
    expect(claimed.status).toBe(200);
    await expectHiddenEverywhere(t, tha, p.id);
    expect((await allCases(t, tha)).map((i) => i.id)).not.toContain(p.id);
  });

  it('writes one audit entry per person listed and one per read, by the officer', async () => {
    const count = async (id: string, action: string) =>
      (
        (await t.db.query(
          `SELECT count(*)::int AS n FROM audit_entries WHERE entity_id = $1 AND action = $2 AND actor_id = $3`,
          [id, action, tha.id],
        )) as { n: number }[]
      )[0].n;
    const listedBefore = await count(people.thaC, 'person.list');
    const readBefore = await count(people.thaC, 'person.read');
    await allCases(t, tha);
    await t.http().get(`${API}/consular/cases/${people.thaC}`).set(tha.auth);
    expect(await count(people.thaC, 'person.list')).toBe(listedBefore + 1);
    expect(await count(people.thaC, 'person.read')).toBe(readBefore + 1);
    expect(await count(people.phlC, 'person.list')).toBe(0);
  });
});
