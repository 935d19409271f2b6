import { randomUUID } from 'node:crypto';
import type { Response } from 'supertest';
import { API, createTestApp, expectError, loginAs, type SignedIn, type TestApp } from './support/app';
import { createPerson } from './support/people';

/** The support fixture's rescue time (personPayload). */
const RESCUED_AT = '2023-11-01T08:00:00.000Z';

interface ConsentEntry {
  id: string;
  type: string;
  granted: boolean;
  givenAt: string;
  recordedAt: string;
  recordedBy: { id: string; displayName: string | null; role: string | null } | null;
  note: string | null;
}

describe('Consent evidence', () => {
  let t: TestApp;
  let cw: SignedIn;
  let sup: SignedIn;
  const cwName = `Consent Taker ${randomUUID().slice(0, 6)}`;

  beforeAll(async () => {
    t = await createTestApp();
    cw = await loginAs(t, 'caseworker');
    sup = await loginAs(t, 'supervisor');
    await t.db.query('UPDATE users SET display_name = $2 WHERE id = $1', [cw.id, cwName]);
  });
  afterAll(() => t.close());

  const record = (personId: string, body: Record<string, unknown>, as: SignedIn = cw) =>
    t.http().post(`${API}/people/${personId}/consents`).set(as.auth).send(body);
  const list = (personId: string, query: Record<string, string | number> = {}, as: SignedIn = cw) =>
    t.http().get(`${API}/people/${personId}/consents`).query(query).set(as.auth);
  const person = async (id: string) => (await t.http().get(`${API}/people/${id}`).set(cw.auth)).body;
  const rowsOf = async (id: string) =>
    (
      (await t.db.query('SELECT count(*)::int AS n FROM consents WHERE person_id = $1', [id])) as {
        n: number;
      }[]
    )[0].n;

  function expectFieldError(res: Response, field: string): void {
    expectError(res, 400, 'VALIDATION_FAILED');
    expect(res.body.details).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
  }

  describe('GET /people/:id/consents', () => {
    it('lists every grant and withdrawal, newest first, with who recorded it by name', async () => {
      const p = await createPerson(t, cw, { consents: { services: true } });
      expect(
        (await record(p.id, { type: 'consular_notification', granted: true, note: 'asked in Thai' })).status,
      ).toBe(201);
      expect((await record(p.id, { type: 'consular_notification', granted: false }, sup)).status).toBe(201);

      const res = await list(p.id);
      expect(res.status).toBe(200);
      expect(res.headers['cache-control']).toBe('no-store');
      expect(res.body.nextCursor).toBeNull();
      const items = res.body.items as ConsentEntry[];
      expect(items.map((i) => [i.type, i.granted])).toEqual([
        ['consular_notification', false],
        ['consular_notification', true],
        ['services', true],
      ]);
      for (const item of items) {
        expect(Object.keys(item).sort()).toEqual(
          ['givenAt', 'granted', 'id', 'note', 'recordedAt', 'recordedBy', 'type'].sort(),
        );
        // recorded as given, when no givenAt was sent
        expect(item.givenAt).toBe(item.recordedAt);
      }
      expect(items[0].recordedBy).toEqual({ id: sup.id, displayName: 'Test supervisor', role: 'supervisor' });
      expect(items[1]).toEqual(
        expect.objectContaining({
          note: 'asked in Thai',
          recordedBy: { id: cw.id, displayName: cwName, role: 'caseworker' },
        }),
      );
      expect(items[2]).toEqual(expect.objectContaining({ note: 'given at intake' }));
    });

    it('answers an empty page for a person with no answer, 404 for an unknown person', async () => {
      const p = await createPerson(t, cw);
      expect((await list(p.id)).body).toEqual({ items: [], nextCursor: null });
      expectError(await list(randomUUID()), 404, 'NOT_FOUND');
    });

    it('pages with limit and cursor, each answer once, and refuses a cursor it did not issue', async () => {
      const p = await createPerson(t, cw);
      for (let i = 0; i < 5; i++) {
        await record(p.id, {
          type: 'research',
          granted: i % 2 === 0,
          givenAt: `2023-12-0${i + 1}T10:00:00Z`,
        });
      }
      const seen: ConsentEntry[] = [];
      let cursor: string | undefined;
      for (;;) {
        const res = await list(p.id, { limit: 2, ...(cursor ? { cursor } : {}) });
        expect(res.status).toBe(200);
        seen.push(...res.body.items);
        if (!res.body.nextCursor) break;
        cursor = res.body.nextCursor;
      }
      expect(seen.map((s) => s.givenAt)).toEqual([5, 4, 3, 2, 1].map((d) => `2023-12-0${d}T10:00:00.000Z`));
      expectFieldError(await list(p.id, { cursor: 'not-a-cursor' }), 'cursor');
    });

    it('is an audited read: the person’s access log shows it', async () => {
      const p = await createPerson(t, cw);
      await list(p.id, {}, sup);
      const [entry] = (await t.db.query(
        `SELECT actor_id FROM audit_entries WHERE entity_id = $1 AND action = 'person.consents.read'`,
        [p.id],
      )) as { actor_id: string }[];
      expect(entry).toEqual({ actor_id: sup.id });
    });

    it.each([['consular'], ['analyst'], ['donor']] as const)('answers 403 to a %s', async (role) => {
      const p = await createPerson(t, cw);
      expectError(await list(p.id, {}, await loginAs(t, role)), 403, 'FORBIDDEN');
    });
  });

  describe('POST /people/:id/consents with givenAt (consent taken on paper)', () => {
    it('stores when the consent was given; the current answer is the latest given, not the latest typed in', async () => {
      const p = await createPerson(t, cw);
      const grant = await record(p.id, {
        type: 'consular_notification',
        granted: true,
        givenAt: '2023-11-05T10:00:00+07:00',
      });
      expect(grant.status).toBe(201);
      expect(grant.body).toEqual(
        expect.objectContaining({
          givenAt: '2023-11-05T03:00:00.000Z',
          recordedBy: { id: cw.id, displayName: cwName, role: 'caseworker' },
          consents: expect.objectContaining({ consularNotification: true }),
        }),
      );
      expect(Date.parse(grant.body.recordedAt)).toBeGreaterThan(Date.now() - 60_000);

      // A withdrawal signed earlier and typed in later does not undo the grant given after it.
      const older = await record(p.id, {
        type: 'consular_notification',
        granted: false,
        givenAt: '2023-11-03T09:00:00Z',
      });
      expect(older.status).toBe(201);
      expect(older.body.consents.consularNotification).toBe(true);
      expect((await person(p.id)).consents.consularNotification).toBe(true);
      expect(((await list(p.id)).body.items as ConsentEntry[]).map((i) => i.givenAt)).toEqual([
        '2023-11-05T03:00:00.000Z',
        '2023-11-03T09:00:00.000Z',
      ]);

      // A withdrawal given now does.
      const now = await record(p.id, { type: 'consular_notification', granted: false });
      expect(now.body.consents.consularNotification).toBe(false);
      expect((await person(p.id)).consents.consularNotification).toBe(false);
      expect(((await list(p.id)).body.items as ConsentEntry[])[0].id).toBe(now.body.id);
    });

    it('lets an embassy see the person by the same reading of "current"', async () => {
      const consul = await loginAs(t, 'consular', ['THA']);
      const p = await createPerson(t, cw);
      const seen = async () => (await t.http().get(`${API}/consular/cases/${p.id}`).set(consul.auth)).status;
      await record(p.id, { type: 'consular_notification', granted: true, givenAt: '2023-11-05T10:00:00Z' });
      expect(await seen()).toBe(200);
      await record(p.id, { type: 'consular_notification', granted: false, givenAt: '2023-11-04T10:00:00Z' });
      expect(await seen()).toBe(200);
      await record(p.id, { type: 'consular_notification', granted: false, givenAt: '2023-11-06T10:00:00Z' });
      expect(await seen()).toBe(404);
    });

    it('accepts the rescue time itself and a minute of clock skew', async () => {
      const p = await createPerson(t, cw);
      expect((await record(p.id, { type: 'services', granted: true, givenAt: RESCUED_AT })).status).toBe(201);
      const skewed = new Date(Date.now() + 30_000).toISOString();
      expect((await record(p.id, { type: 'services', granted: true, givenAt: skewed })).status).toBe(201);
    });

    it.each([
      ['in the future', () => new Date(Date.now() + 5 * 60_000).toISOString()],
      ['before the rescue', () => '2023-11-01T07:59:59Z'],
      ['null', () => null],
      ['not a timestamp', () => '5 November 2023'],
      ['a date without a time', () => '2023-11-05'],
      ['an impossible date', () => '2023-02-30T10:00:00Z'],
    ])('refuses a givenAt %s with 400 naming it, writing nothing', async (_name, givenAt) => {
      const p = await createPerson(t, cw);
      const before = (await person(p.id)).version;
      expectFieldError(
        await record(p.id, { type: 'services', granted: true, givenAt: givenAt() }),
        'givenAt',
      );
      expect(await rowsOf(p.id)).toBe(0);
      expect((await person(p.id)).version).toBe(before);
    });
  });

  describe('history', () => {
    it('says which consent changed and whether it was granted or withdrawn, and who did it', async () => {
      const p = await createPerson(t, cw);
      await record(p.id, { type: 'share_with_partners', granted: true });
      await record(p.id, { type: 'share_with_partners', granted: false }, sup);
      const res = await t.http().get(`${API}/people/${p.id}/history`).set(cw.auth);
      const [withdrawn, granted] = res.body.items;
      expect(withdrawn).toEqual(
        expect.objectContaining({
          kind: 'field_change',
          fields: ['consents.shareWithPartners'],
          reason: 'withdrawn',
          actor: { id: sup.id, displayName: 'Test supervisor', role: 'supervisor' },
        }),
      );
      expect(granted).toEqual(
        expect.objectContaining({
          fields: ['consents.shareWithPartners'],
          reason: 'granted',
          actorId: cw.id,
        }),
      );
    });
  });
});
