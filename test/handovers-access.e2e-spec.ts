import { randomUUID } from 'node:crypto';
import { API, createTestApp, expectError, loginAs, SignedIn, TestApp } from './support/app';
import { createPerson, insertPeople } from './support/people';

/** Who sees which handover events, erased people, validation, and the list. */
describe('Handovers: reading, scope and validation', () => {
  let t: TestApp;
  let cw: SignedIn;
  let admin: SignedIn;
  beforeAll(async () => {
    t = await createTestApp();
    cw = await loginAs(t, 'caseworker');
    admin = await loginAs(t, 'admin');
  });
  afterAll(() => t.close());

  const body = (people: string[], overrides: Record<string, unknown> = {}) => ({
    type: 'border_handover',
    occurredAt: '2022-05-01T10:00:00Z',
    place: 'Thai–Myanmar Friendship Bridge 2',
    countryCode: 'THA',
    fromParty: 'Border Guard Force',
    toParty: 'Royal Thai Police',
    people: people.map((personId) => ({ personId })),
    ...overrides,
  });

  const post = (payload: unknown, user: SignedIn = cw) =>
    t
      .http()
      .post(`${API}/handovers`)
      .set(user.auth)
      .send(payload as object);

  async function record(people: string[], overrides: Record<string, unknown> = {}): Promise<string> {
    const res = await post(body(people, overrides));
    if (res.status !== 201) throw new Error(`handover failed: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.id as string;
  }

  const fixtures = (
    count: number,
    nationalities: string[],
    extra: { status?: string; consent?: boolean } = {},
  ) =>
    insertPeople(t, count, {
      nationalities,
      status: extra.status ?? 'exit_cleared',
      consularConsent: extra.consent ?? false,
      createdBy: cw.id,
    });

  const get = (user: SignedIn, path: string) => t.http().get(`${API}/handovers${path}`).set(user.auth);

  describe('an embassy', () => {
    let tha: SignedIn;
    let phl: SignedIn;
    let thaVisible: string[];
    let dual: string;
    let mixed: string;
    let filipinoOnly: string;
    let unconsenting: string;

    beforeAll(async () => {
      tha = await loginAs(t, 'consular', ['THA']);
      phl = await loginAs(t, 'consular', ['PHL']);
      const [thaConsenting] = await fixtures(1, ['THA'], { consent: true });
      [dual] = await fixtures(1, ['PHL', 'THA'], { consent: true });
      thaVisible = [thaConsenting, dual];
      const [thaSilent] = await fixtures(1, ['THA']);
      const [phlConsenting] = await fixtures(1, ['PHL'], { consent: true });
      const [claimant] = await fixtures(1, ['THA'], { consent: true, status: 'protection_claim' });
      mixed = await record([thaConsenting, thaSilent, phlConsenting, dual, claimant], {
        occurredAt: '2021-04-01T09:00:00Z',
        notes: 'Mixed group notes 9c1f',
      });
      filipinoOnly = await record(await fixtures(2, ['PHL'], { consent: true }), {
        occurredAt: '2021-04-02T09:00:00Z',
      });
      unconsenting = await record(await fixtures(1, ['THA']), { occurredAt: '2021-04-03T09:00:00Z' });
    });

    const APRIL = '?from=2021-04-01&to=2021-04-30';
    const THA_SUMMARY = {
      people: 2,
      byOutcome: { handed_over: 2, absent: 0, declined: 0 },
      byNationality: [{ code: 'THA', count: 2 }],
    };

    it('lists only events holding its consenting nationals, counting only them, without notes', async () => {
      const res = await get(tha, APRIL);
      expect(res.status).toBe(200);
      expect(res.body.items.map((i: { id: string }) => i.id)).toEqual([mixed]);
      expect(res.body.items[0]).toMatchObject({ notes: null, summary: THA_SUMMARY });
      expect(res.body.items[0].people).toBeUndefined();
      expect(JSON.stringify(res.body)).not.toContain('9c1f');
    });

    it('GET one shows only those people, the counts over them, and no notes', async () => {
      const res = await get(tha, `/${mixed}`);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ id: mixed, notes: null, summary: THA_SUMMARY });
      expect(res.headers['cache-control']).toBe('no-store');
      expect(res.body.people.map((p: { personId: string }) => p.personId).sort()).toEqual(
        [...thaVisible].sort(),
      );
      expect(JSON.stringify(res.body)).not.toContain('9c1f');
    });

    it('another embassy sees its own nationals of the same event, a dual national in its own row only', async () => {
      const res = await get(phl, `/${mixed}`);
      expect(res.status).toBe(200);
      expect(res.body.people).toHaveLength(2);
      expect(res.body.people.map((p: { personId: string }) => p.personId)).toContain(dual);
      expect(res.body.summary.byNationality).toEqual([{ code: 'PHL', count: 2 }]);
    });

    it('staff see the whole event with its notes', async () => {
      const res = await get(cw, `/${mixed}`);
      expect(res.status).toBe(200);
      expect(res.body.notes).toBe('Mixed group notes 9c1f');
      expect(res.headers['cache-control']).toBe('no-store');
      expect(res.body.summary).toEqual({
        people: 5,
        byOutcome: { handed_over: 5, absent: 0, declined: 0 },
        byNationality: [
          { code: 'THA', count: 4 },
          { code: 'PHL', count: 2 },
        ],
      });
      const listed = await get(cw, APRIL);
      expect(listed.headers['cache-control']).toBe('no-store');
      expect(listed.body.items.map((i: { id: string }) => i.id)).toEqual([unconsenting, filipinoOnly, mixed]);
    });

    it('an event with none of its visible nationals is a 404, exactly like a missing one', async () => {
      const missing = await get(tha, `/${randomUUID()}`);
      expectError(missing, 404, 'NOT_FOUND');
      for (const id of [filipinoOnly, unconsenting]) {
        const res = await get(tha, `/${id}`);
        expectError(res, 404, 'NOT_FOUND');
        expect({ ...res.body, requestId: undefined }).toEqual({ ...missing.body, requestId: undefined });
      }
    });

    it('loses sight of the event when its nationals withdraw their consent', async () => {
      const [a, b] = await fixtures(2, ['THA'], { consent: true });
      const id = await record([a, b], { occurredAt: '2021-05-01T09:00:00Z' });
      expect((await get(tha, `/${id}`)).body.people).toHaveLength(2);
      const withdraw = (personId: string) =>
        t
          .http()
          .post(`${API}/people/${personId}/consents`)
          .set(cw.auth)
          .send({ type: 'consular_notification', granted: false });
      expect((await withdraw(a)).status).toBe(201);
      expect((await get(tha, `/${id}`)).body.people.map((p: { personId: string }) => p.personId)).toEqual([
        b,
      ]);
      expect((await withdraw(b)).status).toBe(201);
      expectError(await get(tha, `/${id}`), 404, 'NOT_FOUND');
    });

    it('may not record a handover (403), even with a body that would fail validation', async () => {
      expectError(await post(body(thaVisible), tha), 403, 'FORBIDDEN');
      expectError(await post({}, tha), 403, 'FORBIDDEN');
    });

    it.each(['analyst', 'donor'] as const)('a %s may not read handovers (403)', async (role) => {
      const user = await loginAs(t, role);
      expectError(await get(user, ''), 403, 'FORBIDDEN');
      expectError(await get(user, `/${mixed}`), 403, 'FORBIDDEN');
    });
  });

  describe('erased people', () => {
    const secrets = {
      givenName: 'Wiparat',
      familyName: 'Erasedtestname',
      nameNative: 'วิภารัตน์',
      aliases: ['Nok Erasedalias'],
      dateOfBirth: '1996-02-29',
      rescuePlace: 'Erased rescue place KK Park',
      documentNumber: 'AA9911827',
      narrative: 'Erased narrative 55e1',
    };

    it('an erased person in the list: 422 PERSON_ERASED naming every offender, nothing written', async () => {
      const p = await createPerson(t, cw);
      expect((await t.http().delete(`${API}/people/${p.id}`).set(admin.auth)).status).toBe(204);
      const [ok] = await fixtures(1, ['THA']);
      const missing = randomUUID();
      const [{ n: before }] = await t.db.query('SELECT count(*)::int AS n FROM handover_events');
      const res = await post(body([ok, p.id, missing]));
      expectError(res, 422, 'PERSON_ERASED');
      expect(res.body.details).toEqual([
        { personId: p.id, reason: 'erased' },
        { personId: missing, reason: 'not_found' },
      ]);
      const [{ n: after }] = await t.db.query('SELECT count(*)::int AS n FROM handover_events');
      expect(after).toBe(before);
      const [{ n: touched }] = await t.db.query(
        `SELECT count(*)::int AS n FROM person_history WHERE person_id = ANY($1::uuid[]) AND kind = 'event'`,
        [[ok, p.id]],
      );
      expect(touched).toBe(0);
      const dry = await t
        .http()
        .post(`${API}/handovers?dryRun=true`)
        .set(cw.auth)
        .send(body([ok, p.id]));
      expect(dry.body).toMatchObject({
        valid: false,
        eligible: [ok],
        offenders: [{ personId: p.id, reason: 'erased' }],
      });
    });

    it('after erasure, the events that held the person show nothing personal of theirs', async () => {
      const p = await createPerson(t, cw, secrets);
      const other = await createPerson(t, cw);
      const id = await record([p.id, other.id], { occurredAt: '2021-06-01T09:00:00Z' });
      const before = JSON.stringify((await get(cw, `/${id}`)).body);
      expect(before).toContain(p.id);
      expect((await t.http().delete(`${API}/people/${p.id}`).set(admin.auth)).status).toBe(204);
      const after = await get(cw, `/${id}`);
      expect(after.status).toBe(200);
      expect(after.body.people.map((x: { personId: string }) => x.personId)).toEqual([p.id, other.id]);
      const listed = await get(cw, '?from=2021-06-01&to=2021-06-01');
      for (const text of [JSON.stringify(after.body), JSON.stringify(listed.body)]) {
        for (const value of [...Object.values(secrets).flat(), '1996']) expect(text).not.toContain(value);
      }
    });
  });

  describe('validation', () => {
    let ids: string[];
    beforeAll(async () => {
      ids = await fixtures(1, ['THA']);
    });

    const fields = (res: { body: { details?: { field: string }[] } }) =>
      (res.body.details ?? []).map((d) => d.field);

    it.each([
      [
        'more than 2,000 people',
        () => ({ people: Array.from({ length: 2001 }, () => ({ personId: randomUUID() })) }),
        'people',
      ],
      ['no people', () => ({ people: [] }), 'people'],
      ['people missing', () => ({ people: undefined }), 'people'],
      [
        'an occurredAt in the future',
        () => ({ occurredAt: new Date(Date.now() + 5 * 60_000).toISOString() }),
        'occurredAt',
      ],
      ['an occurredAt without a time zone', () => ({ occurredAt: '2022-05-01T10:00:00' }), 'occurredAt'],
      ['an unknown type', () => ({ type: 'evacuation' }), 'type'],
      [
        'an unknown outcome',
        () => ({ people: [{ personId: ids[0], outcome: 'escaped' }] }),
        'people.0.outcome',
      ],
      ['a personId that is no UUID', () => ({ people: [{ personId: '42' }] }), 'people.0.personId'],
      [
        'an unknown field in a person',
        () => ({ people: [{ personId: ids[0], name: 'x' }] }),
        'people.0.name',
      ],
      ['an unknown country code', () => ({ countryCode: 'ZZZ' }), 'countryCode'],
      ['a country code that is no alpha-3', () => ({ countryCode: 'th' }), 'countryCode'],
      ['an unknown consular contact', () => ({ consularContactId: randomUUID() }), 'consularContactId'],
      ['an unknown field', () => ({ vehicle: 'bus' }), 'vehicle'],
      ['a place over 300 characters', () => ({ place: 'p'.repeat(301) }), 'place'],
      ['a blank fromParty', () => ({ fromParty: '   ' }), 'fromParty'],
      ['notes over 2,000 characters', () => ({ notes: 'n'.repeat(2001) }), 'notes'],
    ])('refuses %s with 400 on that field, writing nothing', async (_name, change, field) => {
      const [{ n: before }] = await t.db.query('SELECT count(*)::int AS n FROM handover_events');
      const res = await post({ ...body(ids), ...change() });
      expectError(res, 400, 'VALIDATION_FAILED');
      expect(fields(res)).toContain(field);
      const [{ n: after }] = await t.db.query('SELECT count(*)::int AS n FROM handover_events');
      expect(after).toBe(before);
    });

    it('checks the body before the people: a bad body with unknown people is a 400, not a 422', async () => {
      expectError(await post(body([randomUUID()], { type: 'evacuation' })), 400, 'VALIDATION_FAILED');
    });

    it('takes exactly 2,000 people', async () => {
      const many = await fixtures(2000, ['THA']);
      const res = await post(body(many));
      expect(res.status).toBe(201);
      expect(res.body.summary.people).toBe(2000);
    });

    it('stores text trimmed and NFC-normalised, and a known consular contact', async () => {
      const [{ id: contact }] = await t.db.query(
        `INSERT INTO consular_contacts (country_code, mission, name) VALUES ('THA', 'Royal Thai Embassy, Yangon', 'Consul') RETURNING id`,
      );
      const res = await post(
        body(ids, {
          place: '  Mae Sot\u0301 ',
          fromParty: ' DKBA ',
          consularContactId: contact,
          notes: ' n ',
        }),
      );
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        place: 'Mae Sot\u0301'.normalize('NFC'),
        fromParty: 'DKBA',
        notes: 'n',
        consularContactId: contact,
      });
    });

    it('takes an event recorded late, earlier than events already recorded', async () => {
      const res = await post(body(ids, { occurredAt: '2019-01-05T00:00:00+07:00' }));
      expect(res.status).toBe(201);
      expect(res.body.occurredAt).toBe('2019-01-04T17:00:00.000Z');
    });

    it('refuses a malformed Idempotency-Key with 400', async () => {
      const res = await t
        .http()
        .post(`${API}/handovers`)
        .set(cw.auth)
        .set('Idempotency-Key', 'k'.repeat(256))
        .send(body(ids));
      expectError(res, 400, 'VALIDATION_FAILED');
    });
  });

  it('the OpenAPI document describes both answers of the POST and the dryRun parameter', async () => {
    const doc = (await t.http().get('/api/docs-json')).body;
    const post = doc.paths[`${API}/handovers`].post;
    expect(Object.keys(post.responses)).toEqual(expect.arrayContaining(['200', '201', '400', '403', '422']));
    expect(post.responses['201'].content['application/json'].schema.$ref).toMatch(/HandoverView$/);
    expect(post.responses['200'].content['application/json'].schema.$ref).toMatch(/HandoverDryRunView$/);
    expect(post.parameters.map((p: { name: string }) => p.name)).toEqual(
      expect.arrayContaining(['dryRun', 'Idempotency-Key']),
    );
    const schemas = doc.components.schemas;
    expect(schemas.CreateHandoverDto.properties.occurredAt.format).toBe('date-time');
    expect(schemas.CreateHandoverDto.properties.people.maxItems).toBe(2000);
    expect(schemas.HandoverView.properties.people.type).toBe('array');
    expect(schemas.HandoverView.properties.occurredAt.format).toBe('date-time');
    expect(schemas.HandoverPersonView.properties.personId.format).toBe('uuid');
  });

  describe('the list', () => {
    let rescue: string;
    let late: string;
    let departure: string;
    beforeAll(async () => {
      rescue = await record(await fixtures(1, ['THA']), {
        type: 'rescue',
        occurredAt: '2020-02-01T00:00:00Z',
        countryCode: 'MMR',
      });
      late = await record(await fixtures(1, ['THA']), {
        occurredAt: '2020-02-02T23:59:59.999Z',
        countryCode: 'LAO',
      });
      departure = await record(await fixtures(2, ['THA']), {
        occurredAt: '2020-02-03T00:00:00Z',
        countryCode: 'MMR',
      });
    });

    const ids = async (query: string, user = cw) => {
      const res = await get(user, query);
      expect(res.status).toBe(200);
      return res.body.items.map((i: { id: string }) => i.id) as string[];
    };

    it('is newest first, the to day included whole (UTC)', async () => {
      expect(await ids('?from=2020-02-01&to=2020-02-03')).toEqual([departure, late, rescue]);
      expect(await ids('?from=2020-02-01&to=2020-02-02')).toEqual([late, rescue]);
      expect(await ids('?from=2020-02-03&to=2020-02-03')).toEqual([departure]);
    });

    it('filters by type and by country', async () => {
      expect(await ids('?from=2020-02-01&to=2020-02-03&type=rescue')).toEqual([rescue]);
      expect(await ids('?from=2020-02-01&to=2020-02-03&countryCode=MMR')).toEqual([departure, rescue]);
      expect(await ids('?from=2020-02-01&to=2020-02-03&countryCode=LAO&type=border_handover')).toEqual([
        late,
      ]);
    });

    it('pages by keyset, one event at a time, to the end', async () => {
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const res = await get(
          cw,
          `?from=2020-02-01&to=2020-02-03&limit=1${cursor ? `&cursor=${cursor}` : ''}`,
        );
        expect(res.status).toBe(200);
        expect(res.body.items).toHaveLength(1);
        seen.push(res.body.items[0].id);
        cursor = res.body.nextCursor;
      } while (cursor && seen.length < 5);
      expect(seen).toEqual([departure, late, rescue]);
      expect(cursor).toBeNull();
    });

    it('items carry the event and its counts', async () => {
      const res = await get(cw, '?from=2020-02-03&to=2020-02-03');
      expect(res.body).toEqual({
        items: [
          expect.objectContaining({
            id: departure,
            type: 'border_handover',
            occurredAt: '2020-02-03T00:00:00.000Z',
            countryCode: 'MMR',
            createdBy: cw.id,
            summary: {
              people: 2,
              byOutcome: { handed_over: 2, absent: 0, declined: 0 },
              byNationality: [{ code: 'THA', count: 2 }],
            },
          }),
        ],
        nextCursor: null,
      });
    });

    it.each([
      ['an unknown type', '?type=evacuation'],
      ['an unknown country', '?countryCode=ZZZ'],
      ['an impossible date', '?from=2023-02-30'],
      ['year 0', '?from=0000-01-01'],
      ['from after to', '?from=2020-02-03&to=2020-02-01'],
      ['a limit of 0', '?limit=0'],
      ['a tampered cursor', '?cursor=bm9wZQ'],
      ['an unknown parameter', '?status=departed'],
    ])('refuses %s with 400', async (_name, query) => {
      expectError(await get(cw, query), 400, 'VALIDATION_FAILED');
    });

    it('is audited, as is each read of one event (and of each person it shows), with counts', async () => {
      await get(admin, '?from=2020-02-01&to=2020-02-03');
      await get(admin, `/${departure}`);
      const entries = await t.db.query(
        `SELECT action, entity_id, details FROM audit_entries
          WHERE actor_id = $1 AND action IN ('handover.list', 'handover.read') ORDER BY id`,
        [admin.id],
      );
      expect(entries).toEqual([
        {
          action: 'handover.list',
          entity_id: null,
          details: { filters: expect.arrayContaining(['from', 'to']), returned: 3 },
        },
        { action: 'handover.read', entity_id: departure, details: { people: 2 } },
      ]);
      // Each person the event showed has the read in their own access log.
      const perPerson = await t.db.query(
        `SELECT count(*)::int AS n FROM audit_entries
          WHERE actor_id = $1 AND action = 'person.handover.read' AND details->>'handoverId' = $2`,
        [admin.id, departure],
      );
      expect(perPerson).toEqual([{ n: 2 }]);
    });
  });
});
