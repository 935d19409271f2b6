import { randomUUID } from 'node:crypto';
import type { Response } from 'supertest';
import { API, createTestApp, expectError, loginAs, type SignedIn, type TestApp } from './support/app';

/** Consular contacts: staff keep them, an embassy reads those of its own countries only. */
describe('Consular contacts', () => {
  let t: TestApp;
  let cw: SignedIn;
  let tha: SignedIn;
  let admin: SignedIn;
  beforeAll(async () => {
    t = await createTestApp();
    cw = await loginAs(t, 'caseworker');
    admin = await loginAs(t, 'admin');
    tha = await loginAs(t, 'consular', ['THA']);
  });
  afterAll(() => t.close());

  const body = (overrides: Record<string, unknown> = {}) => ({
    countryCode: 'PHL',
    mission: 'Embassy of the Philippines, Bangkok',
    city: 'Bangkok',
    name: 'Maria Santos',
    title: 'Consul',
    phone: '+66 2 259 0139',
    email: 'consular@bangkokpe.example.org',
    languages: ['tl', 'en'],
    ...overrides,
  });
  const create = async (overrides: Record<string, unknown> = {}, user = cw) =>
    t.http().post(`${API}/consular/contacts`).set(user.auth).send(body(overrides));
  const allContacts = async (user: SignedIn, query = '') => {
    const items: { id: string; countryCode: string }[] = [];
    let cursor: string | null = null;
    do {
      const res: Response = await t
        .http()
        .get(`${API}/consular/contacts?limit=200${query}${cursor ? `&cursor=${cursor}` : ''}`)
        .set(user.auth);
      expect(res.status).toBe(200);
      items.push(...res.body.items);
      cursor = res.body.nextCursor;
    } while (cursor);
    return items;
  };

  it('creates a contact: 201 with every field, version 1, ETag, audited', async () => {
    const res = await create({ accreditedFrom: 'SGP' });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      id: expect.any(String),
      ...body(),
      active: true,
      accreditedFrom: 'SGP',
      version: 1,
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
    });
    expect(res.headers.etag).toBe('"1"');
    const audit = await t.db.query(
      `SELECT details FROM audit_entries WHERE entity_id = $1 AND action = 'consular_contact.create'`,
      [res.body.id],
    );
    expect(audit).toHaveLength(1);
    expect(JSON.stringify(audit[0].details)).not.toContain('Maria');
  });

  it('creates with the required fields only, the rest null or default', async () => {
    const res = await t
      .http()
      .post(`${API}/consular/contacts`)
      .set(cw.auth)
      .send({ countryCode: 'SGP', mission: 'High Commission of Singapore', name: 'Duty officer' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      city: null,
      title: null,
      phone: null,
      email: null,
      languages: [],
      active: true,
      accreditedFrom: null,
    });
  });

  it.each([
    ['an unknown country', { countryCode: 'ZZZ' }, 'countryCode'],
    ['a lower-case country', { countryCode: 'phl' }, 'countryCode'],
    ['the stateless code', { countryCode: 'XXA' }, 'countryCode'],
    ['an unknown accrediting country', { accreditedFrom: 'QQQ' }, 'accreditedFrom'],
    ['a malformed email', { email: 'consular-at-example' }, 'email'],
    ['a phone with letters', { phone: 'call the embassy' }, 'phone'],
    ['a mission too long', { mission: 'M'.repeat(301) }, 'mission'],
    ['an empty name', { name: '' }, 'name'],
    ['a blank name', { name: '   ' }, 'name'],
    ['no mission', { mission: undefined }, 'mission'],
    ['a bad language tag', { languages: ['Tagalog!'] }, 'languages'],
    ['a non-boolean active', { active: 'yes' }, 'active'],
    ['an unknown field', { fax: '123' }, 'fax'],
  ])('refuses %s with 400 on that field', async (_what, overrides, field) => {
    const res = await create(overrides);
    expectError(res, 400, 'VALIDATION_FAILED');
    expect(res.body.details.map((d: { field: string }) => d.field)).toContain(field);
  });

  it('lets an embassy read its own countries’ contacts only: another country is a 404', async () => {
    const own = (await create({ countryCode: 'THA', mission: 'Royal Thai Embassy liaison' })).body;
    const other = (await create({ countryCode: 'PHL' })).body;
    const read = await t.http().get(`${API}/consular/contacts/${own.id}`).set(tha.auth);
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({ id: own.id, countryCode: 'THA' });
    expect(read.headers.etag).toBe('"1"');
    const hidden = await t.http().get(`${API}/consular/contacts/${other.id}`).set(tha.auth);
    const missing = await t.http().get(`${API}/consular/contacts/${randomUUID()}`).set(tha.auth);
    expectError(hidden, 404, 'NOT_FOUND');
    expect(hidden.body.message).toBe(missing.body.message);
  });

  it('lists only the embassy’s own countries, whatever the filter asks', async () => {
    const own = (await create({ countryCode: 'THA' })).body;
    const other = (await create({ countryCode: 'PHL' })).body;
    const listed = await allContacts(tha);
    expect(listed.map((c) => c.id)).toContain(own.id);
    expect(listed.map((c) => c.id)).not.toContain(other.id);
    expect(new Set(listed.map((c) => c.countryCode))).toEqual(new Set(['THA']));
    expect(await allContacts(tha, '&countryCode=PHL')).toEqual([]);
    const staff = await allContacts(cw, '&countryCode=PHL');
    expect(staff.map((c) => c.id)).toContain(other.id);
    expect(new Set(staff.map((c) => c.countryCode))).toEqual(new Set(['PHL']));
  });

  it('pages the list with a cursor, without repeats', async () => {
    for (let i = 0; i < 3; i++)
      await create({ countryCode: 'KHM', mission: `Royal Embassy of Cambodia ${i}` });
    const first = await t.http().get(`${API}/consular/contacts?countryCode=KHM&limit=2`).set(cw.auth);
    expect(first.body.items).toHaveLength(2);
    const second = await t
      .http()
      .get(`${API}/consular/contacts?countryCode=KHM&limit=2&cursor=${first.body.nextCursor}`)
      .set(cw.auth);
    const ids = [...first.body.items, ...second.body.items].map((c: { id: string }) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBeGreaterThanOrEqual(3);
    expectError(
      await t.http().get(`${API}/consular/contacts?countryCode=ZZZ`).set(cw.auth),
      400,
      'VALIDATION_FAILED',
    );
  });

  describe('PATCH', () => {
    const patch = (id: string, changes: Record<string, unknown>, ifMatch?: string, user = cw) => {
      const req = t.http().patch(`${API}/consular/contacts/${id}`).set(user.auth);
      return (ifMatch === undefined ? req : req.set('If-Match', ifMatch)).send(changes);
    };

    it('needs If-Match: 428 without it, 412 when stale; nothing changes', async () => {
      const c = (await create()).body;
      expectError(await patch(c.id, { title: 'Consul General' }), 428, 'PRECONDITION_REQUIRED');
      expectError(await patch(c.id, { title: 'Consul General' }, '"7"'), 412, 'VERSION_MISMATCH');
      const read = await t.http().get(`${API}/consular/contacts/${c.id}`).set(cw.auth);
      expect(read.body).toMatchObject({ title: 'Consul', version: 1 });
    });

    it('applies a change with the current version: new version, new ETag, audited with field names', async () => {
      const c = (await create()).body;
      const res = await patch(c.id, { title: 'Consul General', phone: null, active: false }, '"1"');
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ title: 'Consul General', phone: null, active: false, version: 2 });
      expect(res.headers.etag).toBe('"2"');
      expectError(await patch(c.id, { title: 'Again' }, '"1"'), 412, 'VERSION_MISMATCH');
      const audit = await t.db.query(
        `SELECT details FROM audit_entries WHERE entity_id = $1 AND action = 'consular_contact.update'`,
        [c.id],
      );
      expect(audit[0].details.fields.sort()).toEqual(['active', 'phone', 'title']);
    });

    it('writes nothing when nothing changes', async () => {
      const c = (await create()).body;
      const res = await patch(c.id, { title: 'Consul' }, '"1"');
      expect(res.body.version).toBe(1);
    });

    it('refuses the country, clearing a required field, and unknown fields with 400', async () => {
      const c = (await create()).body;
      for (const changes of [{ countryCode: 'THA' }, { name: null }, { mission: null }, { version: 5 }]) {
        expectError(await patch(c.id, changes, '"1"'), 400, 'VALIDATION_FAILED');
      }
    });

    it('refuses on edit the names creation refuses: a right-to-left override, invisible characters', async () => {
      const c = (await create()).body;
      for (const name of ['Anong\u202Egnona', '\u200B\u200C\u2060']) {
        expectError(await create({ name }), 400, 'VALIDATION_FAILED');
        const res = await patch(c.id, { name }, '"1"');
        expectError(res, 400, 'VALIDATION_FAILED');
        expect(res.body.details[0].field).toBe('name');
      }
      const read = await t.http().get(`${API}/consular/contacts/${c.id}`).set(cw.auth);
      expect(read.body.version).toBe(1);
    });

    it('answers 404 for a contact that does not exist, before If-Match', async () => {
      expectError(await patch(randomUUID(), { title: 'X' }), 404, 'NOT_FOUND');
    });

    it('is staff-only: an embassy gets 403, even for its own country', async () => {
      const c = (await create({ countryCode: 'THA' })).body;
      expectError(await patch(c.id, { title: 'X' }, '"1"', tha), 403, 'FORBIDDEN');
      expectError(await create({ countryCode: 'THA' }, tha), 403, 'FORBIDDEN');
      expect((await patch(c.id, { title: 'Y' }, '"1"', admin)).status).toBe(200);
    });
  });
});
