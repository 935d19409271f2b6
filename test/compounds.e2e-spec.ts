import { randomUUID } from 'node:crypto';
import type { Response } from 'supertest';
import { API, createTestApp, expectError, loginAs, type SignedIn, type TestApp } from './support/app';
import { personPayload } from './support/people';

/** 400 VALIDATION_FAILED naming `field` among its details. */
function expectFieldError(res: Response, field: string): void {
  expectError(res, 400, 'VALIDATION_FAILED');
  expect(res.body.details).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
}

const FULL = {
  name: 'Laukkaing Riverside Compound',
  aliases: ['Riverside Park', 'LRC'],
  countryCode: 'MMR',
  region: 'Kokang SAZ, Shan State',
  town: 'Laukkaing',
  latitude: 23.69,
  longitude: 98.76,
  controlledBy: 'Armed group (synthetic)',
  status: 'raided',
  notes: 'Raided in November 2023',
  firstReportedOn: '2021-06-01',
  lastReportedOn: '2023-11-19',
};

/** A cursor of the form the API issues, to show that `q` refuses any cursor, not just a garbled one. */
const WELL_FORMED_CURSOR = Buffer.from(JSON.stringify(['2024-01-01T00:00:00.000Z', randomUUID()])).toString(
  'base64url',
);

const day = (offsetDays: number) => new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);

describe('Compounds', () => {
  let t: TestApp;
  let cw: SignedIn;
  let consular: SignedIn;

  beforeAll(async () => {
    t = await createTestApp();
    cw = await loginAs(t, 'caseworker');
    consular = await loginAs(t, 'consular', ['THA']);
  });
  afterAll(() => t.close());

  const post = (body: object, as: SignedIn = cw) => t.http().post(`${API}/compounds`).set(as.auth).send(body);
  const get = (id: string, as: SignedIn = cw) => t.http().get(`${API}/compounds/${id}`).set(as.auth);
  const list = (query: string, as: SignedIn = cw) => t.http().get(`${API}/compounds?${query}`).set(as.auth);
  const patch = (id: string, body: object, ifMatch?: string, as: SignedIn = cw) => {
    const req = t.http().patch(`${API}/compounds/${id}`).set(as.auth);
    return (ifMatch === undefined ? req : req.set('If-Match', ifMatch)).send(body);
  };
  async function create(body: object = {}): Promise<{ id: string; version: number; name: string }> {
    const res = await post({
      name: `Compound ${randomUUID()}`,
      countryCode: 'MMR',
      status: 'active',
      ...body,
    });
    expect(res.status).toBe(201);
    return res.body;
  }
  const auditOf = async (id: string) =>
    (await t.db.query(
      `SELECT action, actor_id, details FROM audit_entries WHERE entity_type = 'compound' AND entity_id = $1 ORDER BY id`,
      [id],
    )) as { action: string; actor_id: string; details: { fields: string[] } }[];

  describe('POST /compounds', () => {
    it('records a compound: 201, the whole view with coordinates as numbers, version 1 and its ETag', async () => {
      const res = await post(FULL);
      expect(res.status).toBe(201);
      expect(res.body).toEqual({
        ...FULL,
        id: expect.stringMatching(/^[0-9a-f-]{36}$/),
        version: 1,
        createdAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T.*Z$/),
        updatedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T.*Z$/),
      });
      expect(typeof res.body.latitude).toBe('number');
      expect(res.headers.etag).toBe('"1"');
    });

    it('fills what is not given: no aliases, nulls elsewhere', async () => {
      const res = await post({ name: 'Unnamed Block', countryCode: 'KHM', status: 'unknown' });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        aliases: [],
        region: null,
        latitude: null,
        longitude: null,
        notes: null,
      });
      expect(res.body).toMatchObject({ firstReportedOn: null, lastReportedOn: null, controlledBy: null });
    });

    it('stores names trimmed and NFC-normalised', async () => {
      const res = await post({
        ...FULL,
        name: '  Tra\u0302\u0300n Hung Tower ',
        aliases: [' Tower\u00a03 '],
      });
      expect(res.status).toBe(201);
      expect(res.body.name).toBe('Trần Hung Tower'.normalize('NFC'));
      expect(res.body.aliases).toEqual(['Tower\u00a03']);
    });

    it.each([
      ['an unknown country', { countryCode: 'ZZZ' }, 'countryCode'],
      ['stateless as a country', { countryCode: 'XXA' }, 'countryCode'],
      ['a lower-case country code', { countryCode: 'mmr' }, 'countryCode'],
      ['no country', { countryCode: undefined }, 'countryCode'],
      ['an unknown status', { status: 'destroyed' }, 'status'],
      ['no status', { status: undefined }, 'status'],
      ['no name', { name: undefined }, 'name'],
      ['a blank name', { name: '   ' }, 'name'],
      ['a name over 200 characters', { name: 'x'.repeat(201) }, 'name'],
      ['21 aliases', { aliases: Array.from({ length: 21 }, (_, i) => `Alias ${i}`) }, 'aliases'],
      ['a repeated alias', { aliases: ['Zone 7', ' Zone 7'] }, 'aliases'],
      ['an empty alias', { aliases: [''] }, 'aliases'],
      ['latitude 91', { latitude: 91 }, 'latitude'],
      ['longitude -180.5', { longitude: -180.5 }, 'longitude'],
      ['a latitude as text', { latitude: '23.69' }, 'latitude'],
      ['a latitude without longitude', { longitude: undefined }, 'longitude'],
      ['a date in the future', { lastReportedOn: day(2) }, 'lastReportedOn'],
      ['an impossible date', { firstReportedOn: '2023-02-30' }, 'firstReportedOn'],
      ['first reported after last', { firstReportedOn: '2023-12-01' }, 'lastReportedOn'],
      ['an unknown field', { colour: 'red' }, 'colour'],
      ['an id', { id: randomUUID() }, 'id'],
      ['a version', { version: 3 }, 'version'],
    ])('refuses %s with 400 and writes nothing', async (_case, override, field) => {
      const name = `Refused ${randomUUID()}`;
      expectFieldError(await post({ ...FULL, name, ...override }), field);
      const [{ n }] = await t.db.query('SELECT count(*)::int AS n FROM compounds WHERE name = $1', [name]);
      expect(n).toBe(0);
    });

    it('audits the write with field names, never their values', async () => {
      const res = await post(FULL);
      const entries = await auditOf(res.body.id);
      expect(entries).toEqual([
        { action: 'compound.create', actor_id: cw.id, details: { fields: expect.any(Array) } },
      ]);
      expect([...entries[0].details.fields].sort()).toEqual(Object.keys(FULL).sort());
      expect(JSON.stringify(entries[0].details)).not.toContain('Laukkaing');
    });

    it.each([['admin'], ['supervisor']] as const)('is open to a %s', async (role) => {
      expect((await post(FULL, await loginAs(t, role))).status).toBe(201);
    });
  });

  describe('GET /compounds/:id', () => {
    it('answers the compound with its version as ETag, to case staff and embassies, unaudited', async () => {
      const created = await post(FULL);
      for (const as of [cw, consular]) {
        const res = await get(created.body.id, as);
        expect(res.status).toBe(200);
        expect(res.body).toEqual(created.body);
        expect(res.headers.etag).toBe('"1"');
      }
      expect((await auditOf(created.body.id)).map((e) => e.action)).toEqual(['compound.create']);
    });

    it('answers 404 for an id that names no compound, 400 for one that is not a UUID', async () => {
      expectError(await get(randomUUID()), 404, 'NOT_FOUND');
      expectFieldError(await get('kk-park'), 'id');
    });
  });

  describe('PATCH /compounds/:id', () => {
    it('changes what is given, keeps the rest, bumps the version and the ETag, and audits field names', async () => {
      const { id } = await create(FULL);
      const res = await patch(id, { status: 'closed', notes: 'Empty since 2024', region: null }, '"1"');
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ ...FULL, status: 'closed', notes: 'Empty since 2024', region: null });
      expect(res.body.version).toBe(2);
      expect(res.headers.etag).toBe('"2"');
      expect(Date.parse(res.body.updatedAt)).toBeGreaterThanOrEqual(Date.parse(res.body.createdAt));
      expect((await get(id)).body).toEqual(res.body);
      const entries = await auditOf(id);
      expect(entries.map((e) => e.action)).toEqual(['compound.create', 'compound.update']);
      expect([...entries[1].details.fields].sort()).toEqual(['notes', 'region', 'status']);
      expect(JSON.stringify(entries[1].details)).not.toContain('Empty since');
    });

    it('clears a position with both coordinates null, refuses to clear only one', async () => {
      const { id } = await create(FULL);
      expectFieldError(await patch(id, { latitude: null }, '"1"'), 'latitude');
      const res = await patch(id, { latitude: null, longitude: null }, '"1"');
      expect(res.body).toMatchObject({ latitude: null, longitude: null, version: 2 });
    });

    it('checks dates against the stored ones: a last report before the first is a 400', async () => {
      const { id } = await create(FULL);
      expectFieldError(await patch(id, { lastReportedOn: '2020-01-01' }, '"1"'), 'lastReportedOn');
      expect((await get(id)).body.lastReportedOn).toBe(FULL.lastReportedOn);
    });

    it('leaves the version alone when nothing changes', async () => {
      const { id } = await create(FULL);
      const res = await patch(id, { status: FULL.status, aliases: FULL.aliases }, '"1"');
      expect(res.status).toBe(200);
      expect(res.body.version).toBe(1);
      expect((await auditOf(id)).map((e) => e.action)).toEqual(['compound.create']);
    });

    it('requires If-Match (428) and refuses a stale one (412), changing nothing', async () => {
      const { id } = await create();
      expectError(await patch(id, { status: 'raided' }), 428, 'PRECONDITION_REQUIRED');
      expect((await patch(id, { notes: 'first' }, '"1"')).status).toBe(200);
      expectError(await patch(id, { status: 'raided' }, '"1"'), 412, 'VERSION_MISMATCH');
      expect((await get(id)).body).toMatchObject({ status: 'active', version: 2 });
    });

    it('lets one of two edits from the same version through; the other gets 412', async () => {
      const { id } = await create();
      const results = await Promise.all([
        patch(id, { notes: 'edit A' }, '"1"'),
        patch(id, { notes: 'edit B' }, '"1"'),
      ]);
      expect(results.map((r) => r.status).sort()).toEqual([200, 412]);
      expect((await get(id)).body.version).toBe(2);
    });

    it.each([
      ['an id', { id: randomUUID() }, 'id'],
      ['a version', { version: 9 }, 'version'],
      ['a null name', { name: null }, 'name'],
      // What creating refuses, editing refuses too: a name that displays as another, or as nothing.
      ['a name with a right-to-left override', { name: 'KK Park\u202Ekrap' }, 'name'],
      ['a name of invisible characters only', { name: '\u200B\u2060' }, 'name'],
      ['a null status', { status: null }, 'status'],
      ['an unknown country', { countryCode: 'ZZZ' }, 'countryCode'],
      ['latitude 91', { latitude: 91 }, 'latitude'],
    ])('refuses %s with 400', async (_case, body, field) => {
      const { id } = await create(FULL);
      expectFieldError(await patch(id, body, '"1"'), field);
      expect((await get(id)).body.version).toBe(1);
    });

    it('answers 404 for an id that names no compound', async () => {
      expectError(await patch(randomUUID(), { status: 'closed' }, '"1"'), 404, 'NOT_FOUND');
    });
  });

  describe('GET /compounds', () => {
    it('pages newest first with a cursor, each compound once', async () => {
      const mine = [await create(), await create(), await create()].map((c) => c.id);
      const seen: string[] = [];
      let createdAt: string[] = [];
      let cursor: string | null = '';
      for (let pages = 0; cursor !== null && pages < 500; pages++) {
        const res = await list(`limit=2${cursor ? `&cursor=${cursor}` : ''}`);
        expect(res.status).toBe(200);
        expect(res.body.items.length).toBeLessThanOrEqual(2);
        seen.push(...res.body.items.map((c: { id: string }) => c.id));
        createdAt = createdAt.concat(res.body.items.map((c: { createdAt: string }) => c.createdAt));
        cursor = res.body.nextCursor;
      }
      expect(new Set(seen).size).toBe(seen.length);
      expect(seen).toEqual(expect.arrayContaining(mine));
      expect(seen.indexOf(mine[2])).toBeLessThan(seen.indexOf(mine[0]));
      expect([...createdAt].sort().reverse()).toEqual(createdAt);
    });

    it('filters by country and status', async () => {
      const hit = await create({ countryCode: 'LAO', status: 'closed' });
      const otherStatus = await create({ countryCode: 'LAO', status: 'active' });
      const otherCountry = await create({ countryCode: 'KHM', status: 'closed' });
      const res = await list('countryCode=LAO&status=closed&limit=200', consular);
      expect(res.status).toBe(200);
      const ids = res.body.items.map((c: { id: string }) => c.id);
      expect(ids).toContain(hit.id);
      expect(ids).not.toContain(otherStatus.id);
      expect(ids).not.toContain(otherCountry.id);
      for (const c of res.body.items) expect(c).toMatchObject({ countryCode: 'LAO', status: 'closed' });
    });

    it.each([
      ['limit=0', 'limit'],
      ['limit=201', 'limit'],
      ['cursor=bm90LWEtY3Vyc29y', 'cursor'],
      ['countryCode=ZZZ', 'countryCode'],
      ['status=destroyed', 'status'],
      ['q=', 'q'],
      ['colour=red', 'colour'],
      [`q=Park&cursor=${WELL_FORMED_CURSOR}`, 'cursor'],
    ])('refuses %s with 400', async (query, field) => {
      expectFieldError(await list(query), field);
    });
  });

  describe('GET /compounds?q= (typo-tolerant search over names and aliases)', () => {
    const ids: Record<string, string> = {};
    beforeAll(async () => {
      const fixtures: [string, object][] = [
        ['kkPark', { name: 'KK Park', countryCode: 'MMR' }],
        ['kkParkSpaceless', { name: 'KKPark', countryCode: 'THA' }],
        ['shweKokko', { name: 'Shwe Kokko', countryCode: 'MMR' }],
        ['shweKoko', { name: 'Shwe Koko', countryCode: 'MMR' }],
        ['yatai', { name: 'Yatai', countryCode: 'MMR' }],
        ['yataiNewCity', { name: 'Yatai New City', countryCode: 'MMR' }],
        ['byAlias', { name: 'Moei Riverside Zone', aliases: ['Zone 7', 'Ywar Thit'], countryCode: 'MMR' }],
        ['huione', { name: 'Huione Park', countryCode: 'KHM' }],
        ['apollo', { name: 'Apollo Park', countryCode: 'MMR' }],
        [
          'riverside',
          { name: 'Laukkaing Riverside Compound', aliases: ['Riverside Park'], countryCode: 'MMR' },
        ],
        ['kingsRomans', { name: 'Golden Triangle SEZ', aliases: ['Kings Romans'], countryCode: 'LAO' }],
        ['jade', { name: '100% Jade Tower', countryCode: 'KHM' }],
      ];
      for (const [key, body] of fixtures) ids[key] = (await create(body)).id;
    });

    const search = async (q: string, extra = '') => {
      const res = await list(`q=${encodeURIComponent(q)}&limit=200${extra}`);
      expect(res.status).toBe(200);
      expect(res.body.nextCursor).toBeNull();
      return res.body.items.map((c: { id: string }) => c.id) as string[];
    };
    const UNRELATED = ['huione', 'apollo', 'riverside', 'kingsRomans', 'jade', 'byAlias'];

    it.each([
      ['KKPark', 'kkPark'],
      ['KK Park', 'kkParkSpaceless'],
      ['Shwe Koko', 'shweKokko'],
      ['Shwe Kokko', 'shweKoko'],
      ['Yatai', 'yataiNewCity'],
      ['Yatai New City', 'yatai'],
      ['SHWE KÖKKO', 'shweKokko'],
      ['ywar thit', 'byAlias'],
      ['Zone7', 'byAlias'],
    ])('"%s" finds the compound spelt another way (%s)', async (q, key) => {
      expect(await search(q)).toContain(ids[key]);
    });

    it.each([['KK Park'], ['KKPark'], ['Shwe Koko'], ['Yatai New City']])(
      '"%s" leaves unrelated compounds out, "… Park" ones included',
      async (q) => {
        const found = await search(q);
        expect(UNRELATED.filter((key) => found.includes(ids[key]))).toEqual([]);
      },
    );

    it('puts the closest match first', async () => {
      expect((await search('KK Park'))[0]).toBe(ids.kkPark);
      expect((await search('Yatai'))[0]).toBe(ids.yatai);
    });

    it('takes LIKE wildcards literally: "%" and "_" match nothing', async () => {
      expect(await search('%')).toEqual([]);
      expect(await search('_')).toEqual([]);
      expect(await search('100%')).toContain(ids.jade);
    });

    it('combines with the filters and the limit, in one page', async () => {
      expect(await search('KK Park', '&countryCode=THA')).toEqual([ids.kkParkSpaceless]);
      const res = await list('q=Park&limit=1');
      expect(res.body.items).toHaveLength(1);
      expect(res.body.nextCursor).toBeNull();
    });
  });

  describe('people held in a compound', () => {
    it('intake accepts a compound recorded here, and refuses an id that names none', async () => {
      const { id } = await create();
      const person = await t
        .http()
        .post(`${API}/people`)
        .set(cw.auth)
        .send(personPayload({ compoundId: id }));
      expect(person.status).toBe(201);
      expect(person.body.compoundId).toBe(id);
      const stray = personPayload({ compoundId: randomUUID() });
      expectFieldError(await t.http().post(`${API}/people`).set(cw.auth).send(stray), 'compoundId');
    });
  });

  describe('roles', () => {
    it('refuses writes to embassies, analysts and donors, and reads to analysts and donors (403)', async () => {
      const { id } = await create();
      for (const role of ['consular', 'analyst', 'donor'] as const) {
        const as = role === 'consular' ? consular : await loginAs(t, role);
        expectError(await post(FULL, as), 403, 'FORBIDDEN');
        expectError(await patch(id, { status: 'closed' }, '"1"', as), 403, 'FORBIDDEN');
        if (role !== 'consular') {
          expectError(await get(id, as), 403, 'FORBIDDEN');
          expectError(await list('', as), 403, 'FORBIDDEN');
        }
      }
      expect((await get(id)).body).toMatchObject({ status: 'active', version: 1 });
    });
  });
});
