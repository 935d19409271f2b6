import { API, createTestApp, expectError, loginAs, SignedIn, TestApp } from './support/app';
import { createPerson } from './support/people';

const craft = (parts: unknown) => Buffer.from(JSON.stringify(parts)).toString('base64url');
const AT = '2024-01-01T00:00:00.000Z';
const UUID = '12345678-1234-1234-1234-1234567890ab';

/** Cursors come back from clients: a tampered one is a 400 on every paged route, never a 500. */
describe('Tampered cursors', () => {
  let t: TestApp;
  let admin: SignedIn;
  let personId: string;
  beforeAll(async () => {
    t = await createTestApp();
    admin = await loginAs(t, 'admin');
    await createPerson(t, await loginAs(t, 'caseworker')); // a second user and a second person
    personId = (await createPerson(t, admin)).id;
    // a second history entry and a second access-log entry, so each route has a next page
    await t
      .http()
      .patch(`${API}/people/${personId}`)
      .set(admin.auth)
      .set('If-Match', '"1"')
      .send({ givenName: 'Paged' });
    // two handover events, so that list has a next page too
    for (const occurredAt of ['2023-11-18T00:00:00Z', '2023-11-19T00:00:00Z']) {
      const res = await t
        .http()
        .post(`${API}/handovers`)
        .set(admin.auth)
        .send({
          type: 'rescue',
          occurredAt,
          place: 'Laukkaing',
          countryCode: 'MMR',
          fromParty: 'MNDAA',
          toParty: 'Royal Thai Government',
          people: [{ personId }],
        });
      expect(res.status).toBe(201);
    }
  });
  afterAll(() => t.close());

  /** Paged routes, with the kind of id their cursors carry. */
  const routes = (): [string, 'uuid' | 'serial'][] => [
    ['people', 'uuid'],
    ['users', 'uuid'],
    [`people/${personId}/history`, 'uuid'],
    ['audit', 'serial'],
    ['handovers', 'uuid'],
    [`people/${personId}/access-log`, 'serial'],
  ];
  const get = (route: string, cursor: string) =>
    t
      .http()
      .get(`${API}/${route}?cursor=${encodeURIComponent(cursor)}`)
      .set(admin.auth);

  it.each([
    ['SQL in the id', craft([AT, "x' OR '1'='1"])],
    ['a timestamp out of range', craft(['-271821-04-20T00:00:00.000Z', '1'])],
    ['a timestamp in year 0', craft(['0000-01-01T00:00:00.000Z', UUID])],
    ['a timestamp in another form', craft(['2024-01-01 00:00:00+07', UUID])],
    ['not a timestamp', craft(['yesterday', '1'])],
    ['an object', craft({ at: AT, id: '1' })],
    ['not base64 JSON', '%%%'],
  ])('answers 400 for %s', async (_name, cursor) => {
    for (const [route] of routes()) expectError(await get(route, cursor), 400, 'VALIDATION_FAILED');
  });

  it('answers 400 for an id of the wrong kind (a serial for a uuid, and the reverse)', async () => {
    for (const [route, kind] of routes()) {
      const wrong = craft([AT, kind === 'uuid' ? '12345' : UUID]);
      const right = craft([AT, kind === 'uuid' ? UUID : '12345']);
      expectError(await get(route, wrong), 400, 'VALIDATION_FAILED');
      expect((await get(route, right)).status).toBe(200);
    }
  });

  it('accepts the cursors it issued', async () => {
    for (const [route] of routes()) {
      const first = await t.http().get(`${API}/${route}?limit=1`).set(admin.auth);
      expect({ route, nextCursor: first.body.nextCursor }).toEqual({ route, nextCursor: expect.any(String) });
      expect((await get(route, first.body.nextCursor)).status).toBe(200);
    }
  });
});
