import { randomUUID } from 'node:crypto';
import { sqlParams } from '../src/people/access/person-scope';
import { listSql } from '../src/people/list/list-sql';
import { parseNameQuery } from '../src/people/list/name-query';
import {
  API,
  createTestApp,
  createUser,
  expectError,
  login,
  loginAs,
  SignedIn,
  TestApp,
} from './support/app';
import { createPerson, forceStatus, insertPersonRows, PersonBody } from './support/people';

interface Item {
  id: string;
  caseNumber: string;
  rescuedAt: string;
  updatedAt: string;
  createdAt: string;
  assignedCaseworkerId: string | null;
  vulnerabilities: string[] | null;
  overdueSince?: string;
}

/** A word no other spec uses, for keeping each test's people apart in the shared database. */
const marker = (prefix: string) => `${prefix}${randomUUID().replace(/-/g, '').slice(0, 10)}`;

describe("The caseworker's lists", () => {
  let t: TestApp;
  let admin: SignedIn;
  let cw1: SignedIn;
  let cw2: SignedIn;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await loginAs(t, 'admin');
    cw1 = await loginAs(t, 'caseworker');
    cw2 = await loginAs(t, 'caseworker');
  });
  afterAll(() => t.close());

  const get = (path: string, as: SignedIn = cw1) => t.http().get(`${API}/${path}`).set(as.auth);
  const list = async (
    query: string,
    as: SignedIn = cw1,
  ): Promise<{ items: Item[]; nextCursor: string | null }> => {
    const res = await get(`people?${query}`, as);
    expect({ status: res.status, body: res.status === 200 ? undefined : res.body }).toEqual({
      status: 200,
      body: undefined,
    });
    return res.body;
  };
  const ids = (items: { id: string }[]) => items.map((i) => i.id);
  /** Every page of a list, following nextCursor, with `limit` per page. */
  async function walk(query: string, limit: number, as: SignedIn = cw1): Promise<Item[]> {
    const all: Item[] = [];
    let cursor: string | null = null;
    do {
      const page = await list(
        `${query}&limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
        as,
      );
      expect(page.items.length).toBeLessThanOrEqual(limit);
      all.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    return all;
  }
  const patch = (id: string, version: number, body: object, as: SignedIn = cw1) =>
    t.http().patch(`${API}/people/${id}`).set(as.auth).set('If-Match', `"${version}"`).send(body);

  describe('assignment', () => {
    let family: string;
    let mine: PersonBody;
    let theirs: PersonBody;
    let nobodys: PersonBody;

    beforeAll(async () => {
      family = marker('Assign');
      mine = await createPerson(t, cw1, { familyName: family, assignedCaseworkerId: cw1.id });
      theirs = await createPerson(t, cw1, { familyName: family, assignedCaseworkerId: cw2.id });
      nobodys = await createPerson(t, cw1, { familyName: family });
    });

    it('takes an assignee at intake and shows it on the record and in lists', async () => {
      expect(mine.assignedCaseworkerId).toBe(cw1.id);
      expect(nobodys.assignedCaseworkerId).toBeNull();
      const { items } = await list(`q=${family}`);
      expect(items.find((i) => i.id === theirs.id)?.assignedCaseworkerId).toBe(cw2.id);
    });

    it("gives each caseworker their own cases with assignedTo=me, and nobody's with none", async () => {
      expect(ids((await list(`q=${family}&assignedTo=me`, cw1)).items)).toEqual([mine.id]);
      expect(ids((await list(`q=${family}&assignedTo=me`, cw2)).items)).toEqual([theirs.id]);
      expect(ids((await list(`q=${family}&assignedTo=none`)).items)).toEqual([nobodys.id]);
      expect(ids((await list(`q=${family}&assignedTo=${cw2.id}`, admin)).items)).toEqual([theirs.id]);
      expect((await list(`q=${family}&assignedTo=ME`, cw2)).items.map((i) => i.id)).toEqual([theirs.id]);
    });

    it('reassigns by PATCH, and the history shows the change of assignedCaseworkerId', async () => {
      const person = await createPerson(t, cw1, {
        familyName: marker('Reassign'),
        assignedCaseworkerId: cw1.id,
      });
      const res = await patch(person.id, person.version, { assignedCaseworkerId: cw2.id });
      expect(res.status).toBe(200);
      expect(res.body.assignedCaseworkerId).toBe(cw2.id);
      const unassigned = await patch(person.id, res.body.version, { assignedCaseworkerId: null });
      expect(unassigned.body.assignedCaseworkerId).toBeNull();

      const history = await get(`people/${person.id}/history`);
      const changes = history.body.items.filter((h: { kind: string }) => h.kind === 'field_change');
      expect(changes).toHaveLength(2);
      for (const change of changes) {
        expect(change.fields).toEqual(['assignedCaseworkerId']);
        expect(change.actorId).toBe(cw1.id);
      }
      expect(history.body.items.find((h: { kind: string }) => h.kind === 'created').fields).toContain(
        'assignedCaseworkerId',
      );
    });

    it('refuses a disabled user, an analyst, an embassy officer and an unknown id with 422 INVALID_ASSIGNEE, writing nothing', async () => {
      const disabled = await createUser(t, 'caseworker');
      await t.db.query('UPDATE users SET disabled = true WHERE id = $1', [disabled.id]);
      const analyst = await createUser(t, 'analyst');
      const consul = await createUser(t, 'consular', ['THA']);
      const person = await createPerson(t, cw1, { familyName: marker('Refused') });
      const before = await t.db.query('SELECT count(*)::int AS n FROM people');
      for (const assignee of [disabled.id, analyst.id, consul.id, randomUUID()]) {
        expectError(
          await t
            .http()
            .post(`${API}/people`)
            .set(cw1.auth)
            .send({
              givenName: 'Refused',
              sex: 'male',
              nationalities: [{ code: 'THA' }],
              rescuedAt: '2024-01-01T00:00:00Z',
              assignedCaseworkerId: assignee,
            }),
          422,
          'INVALID_ASSIGNEE',
        );
        expectError(
          await patch(person.id, person.version, { assignedCaseworkerId: assignee }),
          422,
          'INVALID_ASSIGNEE',
        );
      }
      expect(await t.db.query('SELECT count(*)::int AS n FROM people')).toEqual(before);
      expect((await get(`people/${person.id}`)).body).toEqual(
        expect.objectContaining({ version: person.version, assignedCaseworkerId: null }),
      );
    });

    it('takes an admin or a supervisor as assignee, and refuses a malformed id or assignedTo with 400', async () => {
      const supervisor = await createUser(t, 'supervisor');
      const p = await createPerson(t, cw1, {
        familyName: marker('Staff'),
        assignedCaseworkerId: supervisor.id,
      });
      expect((await patch(p.id, p.version, { assignedCaseworkerId: admin.id })).status).toBe(200);
      expectError(
        await patch(p.id, p.version + 1, { assignedCaseworkerId: 'someone' }),
        400,
        'VALIDATION_FAILED',
      );
      for (const bad of ['someone', '12345', 'me,none']) {
        expectError(await get(`people?assignedTo=${bad}`), 400, 'VALIDATION_FAILED');
      }
    });

    it("keeps a case's editing open after its caseworker is disabled (the assignee is checked only when it changes)", async () => {
      const leaving = await login(t, await createUser(t, 'caseworker'));
      const p = await createPerson(t, cw1, {
        familyName: marker('Leaving'),
        assignedCaseworkerId: leaving.id,
      });
      await t.db.query('UPDATE users SET disabled = true WHERE id = $1', [leaving.id]);
      const res = await patch(p.id, p.version, { givenName: 'Still', assignedCaseworkerId: leaving.id });
      expect(res.status).toBe(200);
      expect(res.body.assignedCaseworkerId).toBe(leaving.id);
    });
  });

  describe('filters with several values', () => {
    let family: string;
    const people: Record<string, PersonBody> = {};

    beforeAll(async () => {
      family = marker('Multi');
      const make = async (key: string, overrides: Record<string, unknown>) => {
        people[key] = await createPerson(t, cw1, { familyName: family, ...overrides });
      };
      await make('thaMinor', { nationalities: [{ code: 'THA' }], vulnerabilities: ['minor'] });
      await make('phlPregnant', {
        nationalities: [{ code: 'PHL' }],
        vulnerabilities: ['pregnant', 'medical'],
      });
      await make('vnm', { nationalities: [{ code: 'VNM' }] });
      await make('dual', { nationalities: [{ code: 'THA' }, { code: 'PHL' }] });
      await forceStatus(t, people.thaMinor.id, 'screening');
      await forceStatus(t, people.phlPregnant.id, 'presumed_victim');
    });

    const found = async (query: string) => ids((await list(`q=${family}&${query}`)).items).sort();
    const of = (...keys: string[]) => keys.map((k) => people[k].id).sort();

    it('takes comma-separated statuses, nationalities (a dual national once) and vulnerabilities', async () => {
      expect(await found('status=screening,presumed_victim')).toEqual(of('thaMinor', 'phlPregnant'));
      expect(await found('status=identified')).toEqual(of('vnm', 'dual'));
      expect(await found('nationality=THA,PHL')).toEqual(of('thaMinor', 'phlPregnant', 'dual'));
      expect(await found('nationality=VNM,PHL&status=identified,presumed_victim')).toEqual(
        of('phlPregnant', 'vnm', 'dual'),
      );
      expect(await found('vulnerability=pregnant')).toEqual(of('phlPregnant'));
      expect(await found('vulnerability=minor,medical')).toEqual(of('thaMinor', 'phlPregnant'));
    });

    it('refuses an unknown or empty value in any of them with 400', async () => {
      for (const query of [
        'status=screening,lost',
        'status=screening,',
        'nationality=THA,QQQ',
        'nationality=THA,th',
        'vulnerability=minor,tired',
        'overdue=yes',
        'sort=name',
        'order=up',
      ]) {
        expectError(await get(`people?${query}`), 400, 'VALIDATION_FAILED');
      }
    });

    it('shows vulnerabilities, the assignee and the last update on each item', async () => {
      const { items } = await list(`q=${family}&vulnerability=pregnant`);
      expect(items[0]).toEqual(
        expect.objectContaining({
          vulnerabilities: ['pregnant', 'medical'],
          assignedCaseworkerId: null,
          updatedAt: expect.stringMatching(/Z$/),
        }),
      );
      expect(items[0]).not.toHaveProperty('overdueSince');
    });
  });

  describe('sorting and keyset paging', () => {
    let family: string;
    let people: PersonBody[];
    // Three rescue times for seven people: equal values must neither skip nor repeat across pages.
    const rescued = [
      '2024-03-01T00:00:00.000Z',
      '2024-03-01T00:00:00.000Z',
      '2024-03-01T00:00:00.000Z',
      '2024-01-15T00:00:00.000Z',
      '2024-05-20T00:00:00.000Z',
      '2024-05-20T00:00:00.000Z',
      '2024-01-15T00:00:00.000Z',
    ];

    beforeAll(async () => {
      family = marker('Sort');
      people = [];
      for (const rescuedAt of rescued)
        people.push(await createPerson(t, cw1, { familyName: family, rescuedAt }));
      // Equal update times too (one statement), in two groups.
      await t.db.query(
        `UPDATE people SET updated_at = CASE WHEN id = ANY($2::uuid[]) THEN '2025-06-01T00:00:00Z'::timestamptz
                                            ELSE '2025-07-01T00:00:00Z'::timestamptz END
          WHERE id = ANY($1::uuid[])`,
        [people.map((p) => p.id), people.slice(0, 4).map((p) => p.id)],
      );
    });

    /** The order the API must give: by the value, then by id, both in the direction asked. */
    function expected(value: (p: Item) => string, direction: 'asc' | 'desc', items: Item[]): string[] {
      const sign = direction === 'asc' ? 1 : -1;
      // Plain code-point order, as PostgreSQL compares these (ISO timestamps, case numbers, uuids).
      const cmp = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
      return [...items].sort((a, b) => sign * (cmp(value(a), value(b)) || cmp(a.id, b.id))).map((p) => p.id);
    }

    it.each([
      ['rescuedAt', (p: Item) => p.rescuedAt],
      ['updatedAt', (p: Item) => p.updatedAt],
      ['caseNumber', (p: Item) => p.caseNumber],
    ] as const)(
      'sorts by %s both ways, one page of two after another, never skipping or repeating',
      async (key, value) => {
        const everyone = (await list(`q=${family}&limit=200`)).items;
        expect(everyone).toHaveLength(people.length);
        for (const direction of ['asc', 'desc'] as const) {
          for (const limit of [1, 2, 3]) {
            const walked = await walk(`q=${family}&sort=${key}&order=${direction}`, limit);
            expect(ids(walked)).toEqual(expected(value, direction, everyone));
          }
        }
      },
    );

    it('defaults to newest created first, and order=asc gives oldest first; any sort defaults to descending', async () => {
      expect(ids(await walk(`q=${family}&sort=caseNumber`, 4))).toEqual(
        ids(await walk(`q=${family}&sort=caseNumber&order=desc`, 4)),
      );
      const created = [...people].map((p) => p.id);
      expect(ids(await walk(`q=${family}`, 2))).toEqual([...created].reverse());
      expect(ids(await walk(`q=${family}&order=asc`, 3))).toEqual(created);
    });

    it('refuses a cursor of one order in another (400), and a tampered one', async () => {
      const byRescue = await list(`q=${family}&sort=rescuedAt&limit=2`);
      const byDefault = await list(`q=${family}&limit=2`);
      const cursor = (c: string) => `&cursor=${encodeURIComponent(c)}`;
      for (const query of [
        `sort=updatedAt${cursor(byRescue.nextCursor!)}`,
        `sort=rescuedAt&order=asc${cursor(byRescue.nextCursor!)}`,
        `${cursor(byRescue.nextCursor!)}`,
        `sort=rescuedAt${cursor(byDefault.nextCursor!)}`,
        `sort=caseNumber${cursor(Buffer.from(JSON.stringify(['caseNumber:asc', "2024' OR 1=1", randomUUID()])).toString('base64url'))}`,
        `sort=rescuedAt${cursor(Buffer.from(JSON.stringify(['rescuedAt:asc', '0000-01-01T00:00:00.000Z', randomUUID()])).toString('base64url'))}`,
      ]) {
        expectError(await get(`people?q=${family}&${query}`), 400, 'VALIDATION_FAILED');
      }
      expect((await get(`people?q=${family}&sort=rescuedAt${cursor(byRescue.nextCursor!)}`)).status).toBe(
        200,
      );
    });
  });

  it("pages an embassy's case list too (it goes through the same access-checked page)", async () => {
    const consul = await loginAs(t, 'consular', ['SGP']);
    const ours: string[] = [];
    for (let i = 0; i < 3; i++) {
      const p = await createPerson(t, cw1, {
        familyName: marker('Embassy'),
        nationalities: [{ code: 'SGP' }],
        consents: { consularNotification: true },
      });
      ours.push(p.id);
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res = await get(
        `consular/cases?limit=1${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
        consul,
      );
      expect(res.status).toBe(200);
      seen.push(...ids(res.body.items));
      cursor = res.body.nextCursor;
    } while (cursor);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.filter((id) => ours.includes(id))).toEqual([...ours].reverse());
  });

  describe('GET /people/count', () => {
    it('counts with the same filters as the list', async () => {
      const family = marker('Count');
      for (const code of ['THA', 'THA', 'PHL'])
        await createPerson(t, cw1, { familyName: family, nationalities: [{ code }] });
      expect((await get(`people/count?q=${family}`)).body).toEqual({ count: 3 });
      expect((await get(`people/count?q=${family}&nationality=PHL,VNM`)).body).toEqual({ count: 1 });
      expect((await get(`people/count?q=${family}&assignedTo=me`)).body).toEqual({ count: 0 });
      expect((await get(`people/count?q=nobody${family}`)).body).toEqual({ count: 0 });
    });

    it('counts one nationality alone once per person, a dual national included', async () => {
      await createPerson(t, cw1, {
        familyName: marker('Dual'),
        nationalities: [{ code: 'LAO' }, { code: 'THA' }],
      });
      const [{ n }] = (await t.db.query(
        `SELECT count(*)::int AS n FROM people p
          WHERE EXISTS (SELECT 1 FROM person_nationalities pn WHERE pn.person_id = p.id AND pn.nationality_code = 'LAO')`,
      )) as { n: number }[];
      expect(n).toBeGreaterThan(0);
      expect((await get('people/count?nationality=LAO')).body).toEqual({ count: n });
    });

    it('takes no paging or order, refuses bad filters, and is for case staff only', async () => {
      for (const query of ['limit=5', 'cursor=abc', 'sort=rescuedAt', 'status=lost', 'nationality=QQQ']) {
        expectError(await get(`people/count?${query}`), 400, 'VALIDATION_FAILED');
      }
      expectError(await get('people/count', await loginAs(t, 'analyst')), 403, 'FORBIDDEN');
    });
  });

  describe('q', () => {
    it('matches name words in any order, and partial words of three letters or more', async () => {
      const tag = marker('Order');
      const a = await createPerson(t, cw1, { givenName: 'Wei', familyName: `Zhang ${tag}` });
      const b = await createPerson(t, cw1, { givenName: 'Zhang', familyName: `Wei ${tag}` });
      for (const q of ['Zhang Wei', 'Wei Zhang', 'wei zhang', 'ZHANG  WEI', 'Zhan Wei']) {
        const found = ids((await list(`q=${encodeURIComponent(`${q} ${tag}`)}`)).items).sort();
        expect({ q, found }).toEqual({ q, found: [a.id, b.id].sort() });
      }
      // A word of one or two letters matches a whole word only: "We" is no word of these names.
      expect((await list(`q=${encodeURIComponent(`We ${tag}`)}`)).items).toEqual([]);
    });

    it('finds a case by its number, exactly', async () => {
      const p = await createPerson(t, cw1, { familyName: marker('Numbered') });
      expect(ids((await list(`q=${p.caseNumber as string}`)).items)).toEqual([p.id]);
      expect((await get(`people/count?q=${p.caseNumber as string}`)).body).toEqual({ count: 1 });
      expect((await list(`q=${(p.caseNumber as string).slice(0, -1)}9999999`)).items).toEqual([]);
    });

    it('finds spelling variants of a whole name through the romanisation key ("Somchay" finds "Somchai")', async () => {
      const tag = marker('Variant');
      const somchai = await createPerson(t, cw1, { givenName: 'Somchai', familyName: `Jaidee ${tag}` });
      const somsak = await createPerson(t, cw1, { givenName: 'Somsak', familyName: `Jaidee ${tag}` });
      expect(ids((await list(`q=Somchay%20Jaide%20${tag}`)).items)).toEqual([somchai.id]);
      expect(ids((await list(`q=Jaide%20Somchay%20${tag}`)).items)).toEqual([somchai.id]);
      expect(ids((await list(`q=Jaidi%20${tag}&sort=caseNumber&order=asc`)).items)).toEqual([
        somchai.id,
        somsak.id,
      ]);
    });

    it('finds people kept only in Latin letters from a name typed in Chinese characters', async () => {
      const xiaoming = await createPerson(t, cw1, {
        givenName: 'Xiaoming',
        familyName: 'Wang',
        nationalities: [{ code: 'CHN' }],
      });
      const wei = await createPerson(t, cw1, {
        givenName: 'Wei',
        familyName: 'Zhang',
        nationalities: [{ code: 'CHN' }],
      });
      const xiaohong = await createPerson(t, cw1, {
        givenName: 'Xiaohong',
        familyName: 'Wang',
        nationalities: [{ code: 'CHN' }],
      });
      const found = async (q: string) => ids((await list(`q=${encodeURIComponent(q)}&limit=200`)).items);
      expect(await found('王小明')).toContain(xiaoming.id);
      expect(await found('王小明')).not.toContain(xiaohong.id);
      expect(await found('张伟')).toContain(wei.id);
      expect(await found('张伟')).not.toContain(xiaoming.id);
      // The native name itself is found too, and so is a record kept in both scripts.
      const both = await createPerson(t, cw1, { givenName: 'Jie', familyName: 'Zhou', nameNative: '周杰' });
      expect(await found('周杰')).toContain(both.id);
    });

    it('finds people kept only in Latin letters from a name typed in Thai script', async () => {
      const tag = marker('Thai');
      const somchai = await createPerson(t, cw1, {
        givenName: 'Somchai',
        familyName: 'Jaidee',
        aliases: [tag],
      });
      const somsak = await createPerson(t, cw1, {
        givenName: 'Somsak',
        familyName: 'Jaidee',
        aliases: [tag],
      });
      const thaksin = await createPerson(t, cw1, {
        givenName: 'Thaksin',
        familyName: 'Saetang',
        aliases: [tag],
      });
      const found = async (q: string) =>
        ids((await list(`q=${encodeURIComponent(`${q} ${tag}`)}`)).items).sort();
      expect(await found('สมชาย ใจดี')).toEqual([somchai.id]);
      expect(await found('ใจดี')).toEqual([somchai.id, somsak.id].sort());
      expect(await found('ทักษิณ แซ่ตั้ง')).toEqual([thaksin.id]);
      expect(await found('สมชาย Jaidee')).toEqual([somchai.id]);
    });

    it('is served from the trigram and case-number indexes: a plan exists that reads no row of people it does not return', async () => {
      for (const q of ['nguyen', 'Zhang Wei', 'Somchay', 'li na', 'สมชาย ใจดี', '王小明', '2026-000123']) {
        const { params, bind } = sqlParams();
        const sql = listSql(
          { q: parseNameQuery(q) },
          { key: 'createdAt', direction: 'desc' },
          51,
          'TRUE',
          'p.id',
          bind,
        );
        const plan = await t.db.transaction(async (m) => {
          await m.query('SET LOCAL enable_seqscan = off');
          await m.query(`SELECT set_config('pg_trgm.strict_word_similarity_threshold', '1', true)`);
          // Walking the created-at index with q as a filter would also read every row: not allowed either.
          await m.query('SET LOCAL enable_indexscan = off');
          return ((await m.query(`EXPLAIN (FORMAT JSON) ${sql}`, params)) as { 'QUERY PLAN': unknown }[])[0];
        });
        const text = JSON.stringify(plan);
        expect({ q, seqScan: /"Seq Scan"[^}]*"Relation Name":"people"/.test(text) }).toEqual({
          q,
          seqScan: false,
        });
        expect({
          q,
          indexes: /people_search_trgm|people_name_key_trgm|people_case_number_key/.test(text),
        }).toEqual({
          q,
          indexes: true,
        });
      }
    });
  });

  describe('overdue=true', () => {
    const HOUR = 3_600_000;
    let compoundId: string;
    let rows: Record<string, string>;
    const since: Record<string, string> = {};

    beforeAll(async () => {
      [{ id: compoundId }] = (await t.db.query(
        `INSERT INTO compounds (name, country_code, status) VALUES ($1, 'MMR', 'raided') RETURNING id`,
        [marker('Clock compound ')],
      )) as { id: string }[];
      // Whole seconds, so that entry + target is exact to the millisecond.
      const now = Math.floor(Date.now() / 1000) * 1000;
      const ago = (hours: number) => new Date(now - hours * HOUR).toISOString();
      const fixtures = {
        verifiedLong: { status: 'identity_verified', hours: 500 }, // overdue since 164 h
        notified: { status: 'consular_notified', hours: 400 }, // overdue since 64 h
        notifiedTwin: { status: 'consular_notified', hours: 400 }, // the same instant: ordered by id
        presumedConsenting: { status: 'presumed_victim', hours: 100 }, // overdue since 28 h
        presumedNoConsent: { status: 'presumed_victim', hours: 100 }, // no clock without consent
        notifiedRecently: { status: 'consular_notified', hours: 10 }, // not yet overdue
        screeningLong: { status: 'screening', hours: 1000 }, // a stage without a clock
      };
      const keys = Object.keys(fixtures) as (keyof typeof fixtures)[];
      for (const k of keys) since[k] = ago(fixtures[k].hours);
      const created = await insertPersonRows(
        t,
        keys.map((k) => ({
          nationalities: ['THA'],
          status: fixtures[k].status,
          statusSince: since[k],
          compoundId,
        })),
      );
      rows = Object.fromEntries(keys.map((k, i) => [k, created[i]]));
      await t.db.query(
        `INSERT INTO consents (person_id, type, granted, recorded_by) VALUES ($1, 'consular_notification', true, $2)`,
        [rows.presumedConsenting, admin.id],
      );
    });

    const overdueSince = (key: string, targetHours: number) =>
      new Date(Date.parse(since[key]) + targetHours * HOUR).toISOString();

    it('lists the cases past their stage target, oldest overdue first, each with overdueSince', async () => {
      const twins = [rows.notified, rows.notifiedTwin].sort();
      const walked = await walk(`overdue=true&compoundId=${compoundId}`, 1);
      expect(ids(walked)).toEqual([rows.verifiedLong, ...twins, rows.presumedConsenting]);
      expect(walked.map((i) => i.overdueSince)).toEqual([
        overdueSince('verifiedLong', 336),
        overdueSince('notified', 336),
        overdueSince('notifiedTwin', 336),
        overdueSince('presumedConsenting', 72),
      ]);
      expect(ids(await walk(`overdue=true&compoundId=${compoundId}&order=desc`, 2))).toEqual([
        rows.presumedConsenting,
        ...[...twins].reverse(),
        rows.verifiedLong,
      ]);
      expect((await get(`people/count?overdue=true&compoundId=${compoundId}`)).body).toEqual({ count: 4 });
    });

    it('combines with other filters and with another order', async () => {
      const twins = [rows.notified, rows.notifiedTwin].sort();
      expect(
        ids((await list(`overdue=true&compoundId=${compoundId}&status=consular_notified,screening`)).items),
      ).toEqual(twins);
      const byCase = await walk(`overdue=true&compoundId=${compoundId}&sort=caseNumber&order=asc`, 3);
      expect(byCase.map((i) => i.caseNumber)).toEqual([...byCase.map((i) => i.caseNumber)].sort());
      expect(byCase).toHaveLength(4);
      expect(byCase.every((i) => typeof i.overdueSince === 'string')).toBe(true);
      const notOverdue = await list(`overdue=false&compoundId=${compoundId}`);
      expect(notOverdue.items).toHaveLength(7);
      expect(notOverdue.items.some((i) => 'overdueSince' in i)).toBe(false);
    });
  });
});
