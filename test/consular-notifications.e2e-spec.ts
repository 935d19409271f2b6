import { randomUUID } from 'node:crypto';
import { API, createTestApp, expectError, loginAs, type SignedIn, type TestApp } from './support/app';
import { notify, personOf } from './support/consular';
import { forceStatus } from './support/people';

/** Caseworkers record that an embassy was told (API.md "Consular coordination"). */
describe('Consular notifications (staff)', () => {
  let t: TestApp;
  let cw: SignedIn;
  let admin: SignedIn;
  let thaContact: string;
  let phlContact: string;
  beforeAll(async () => {
    t = await createTestApp();
    cw = await loginAs(t, 'caseworker');
    admin = await loginAs(t, 'admin');
    const contact = async (countryCode: string) =>
      (
        await t
          .http()
          .post(`${API}/consular/contacts`)
          .set(cw.auth)
          .send({ countryCode, mission: `Embassy of ${countryCode}, Bangkok`, name: 'Duty officer' })
      ).body.id as string;
    thaContact = await contact('THA');
    phlContact = await contact('PHL');
  });
  afterAll(() => t.close());

  const post = (id: string, body: Record<string, unknown>, user = cw) =>
    t
      .http()
      .post(`${API}/people/${id}/consular-notifications`)
      .set(user.auth)
      .send({ countryCode: 'THA', channel: 'email', notifiedAt: new Date().toISOString(), ...body });
  const person = (id: string) => t.http().get(`${API}/people/${id}`).set(cw.auth);

  it('moves a case from presumed_victim to consular_notified, bumps its version, shows in the history', async () => {
    const p = await personOf(t, cw, ['THA']);
    const before = (await person(p.id)).body;
    const res = await post(p.id, { contactId: thaContact, channel: 'phone' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      personId: p.id,
      countryCode: 'THA',
      contactId: thaContact,
      channel: 'phone',
      acknowledgedAt: null,
      identityVerifiedAt: null,
      travelDocument: null,
      createdBy: cw.id,
      personVersion: before.version + 1,
    });
    const after = (await person(p.id)).body;
    expect(after).toMatchObject({ status: 'consular_notified', version: before.version + 1 });
    const history = await t.http().get(`${API}/people/${p.id}/history`).set(cw.auth);
    expect(history.body.items[0]).toMatchObject({
      kind: 'status_change',
      fromStatus: 'presumed_victim',
      toStatus: 'consular_notified',
      event: { type: 'consular_notification', id: res.body.id },
    });
  });

  it('records a later notification (second nationality) without a move, as an event in the history', async () => {
    const p = await personOf(t, cw, ['THA', 'MMR']);
    await notify(t, cw, p.id, 'THA');
    const before = (await person(p.id)).body;
    const res = await post(p.id, { countryCode: 'MMR' });
    expect(res.status).toBe(201);
    expect((await person(p.id)).body).toMatchObject({
      status: 'consular_notified',
      version: before.version + 1,
    });
    const history = await t.http().get(`${API}/people/${p.id}/history`).set(cw.auth);
    expect(history.body.items[0]).toMatchObject({
      kind: 'event',
      event: { type: 'consular_notification', id: res.body.id },
    });
  });

  it('audits each notification as consular.notify in the person’s access log', async () => {
    const p = await personOf(t, cw, ['THA']);
    const first = await notify(t, cw, p.id, 'THA');
    await notify(t, cw, p.id, 'THA');
    const log = await t.http().get(`${API}/people/${p.id}/access-log`).set(admin.auth);
    const actions = log.body.items.map((e: { action: string }) => e.action);
    expect(actions.filter((a: string) => a === 'consular.notify')).toHaveLength(2);
    expect(actions).toContain('person.transition');
    const entries = await t.db.query(
      `SELECT details FROM audit_entries WHERE entity_id = $1 AND action = 'consular.notify' ORDER BY id`,
      [p.id],
    );
    expect(entries[0].details).toEqual({ event: { type: 'consular_notification', id: first.id } });
  });

  describe('business rules, in the contract’s order', () => {
    it('refuses a person without consent: 422 CONSENT_REQUIRED, nothing written', async () => {
      const p = await personOf(t, cw, ['THA'], { consent: false });
      expectError(await post(p.id, {}), 422, 'CONSENT_REQUIRED');
      expect((await person(p.id)).body.status).toBe('presumed_victim');
      const rows = await t.db.query('SELECT 1 FROM consular_notifications WHERE person_id = $1', [p.id]);
      expect(rows).toEqual([]);
    });

    it('refuses a protection claim first, even without consent and for another country', async () => {
      const p = await personOf(t, cw, ['THA'], { consent: false, status: 'protection_claim' });
      expectError(await post(p.id, {}), 422, 'PROTECTION_CLAIM');
      expectError(await post(p.id, { countryCode: 'PHL' }), 422, 'PROTECTION_CLAIM');
    });

    it('refuses a hold entered from a protection claim as a protection claim', async () => {
      const p = await personOf(t, cw, ['THA']);
      await forceStatus(t, p.id, 'on_hold', 'protection_claim');
      expectError(await post(p.id, {}), 422, 'PROTECTION_CLAIM');
    });

    it('refuses a country that is not one of the person’s nationalities: 422 NATIONALITY_MISMATCH', async () => {
      const p = await personOf(t, cw, ['THA']);
      expectError(await post(p.id, { countryCode: 'PHL' }), 422, 'NATIONALITY_MISMATCH');
    });

    it.each(['identified', 'screening', 'not_victim', 'departed', 'closed', 'withdrawn'])(
      'refuses a case in %s: 422 INVALID_TRANSITION',
      async (status) => {
        const p = await personOf(t, cw, ['THA'], { status });
        expectError(await post(p.id, {}), 422, 'INVALID_TRANSITION');
      },
    );

    it.each(['identity_verified', 'documents_issued', 'exit_cleared', 'movement_scheduled'])(
      'accepts a case in %s and leaves its status',
      async (status) => {
        const p = await personOf(t, cw, ['THA'], { status });
        expect((await post(p.id, {})).status).toBe(201);
        expect((await person(p.id)).body.status).toBe(status);
      },
    );

    it('refuses an erased person: 422 PERSON_ERASED', async () => {
      const p = await personOf(t, cw, ['THA']);
      expect((await t.http().delete(`${API}/people/${p.id}`).set(admin.auth)).status).toBe(204);
      expectError(await post(p.id, {}), 422, 'PERSON_ERASED');
    });

    it('answers 404 for a person that does not exist', async () => {
      expectError(await post(randomUUID(), {}), 404, 'NOT_FOUND');
    });
  });

  describe('validation', () => {
    let id: string;
    beforeAll(async () => {
      id = (await personOf(t, cw, ['THA'])).id;
    });

    it.each([
      ['an unknown country', { countryCode: 'ZZZ' }, 'countryCode'],
      ['no country at all', { countryCode: 'XXX' }, 'countryCode'],
      ['an unknown channel', { channel: 'pigeon' }, 'channel'],
      ['a time in the future', { notifiedAt: new Date(Date.now() + 5 * 60_000).toISOString() }, 'notifiedAt'],
      ['a time before the rescue', { notifiedAt: '2023-10-01T00:00:00Z' }, 'notifiedAt'],
      ['a contact of another country', { contactId: 'PHL' }, 'contactId'],
      ['a contact that does not exist', { contactId: 'missing' }, 'contactId'],
      ['an unknown field', { urgent: true }, 'urgent'],
    ])('refuses %s with 400 on that field, nothing written', async (_what, body, field) => {
      const resolved = { ...body } as Record<string, unknown>;
      if (resolved.contactId === 'PHL') resolved.contactId = phlContact;
      if (resolved.contactId === 'missing') resolved.contactId = randomUUID();
      const res = await post(id, resolved);
      expectError(res, 400, 'VALIDATION_FAILED');
      expect(res.body.details.map((d: { field: string }) => d.field)).toContain(field);
      expect((await person(id)).body.status).toBe('presumed_victim');
    });

    it('accepts a clock up to a minute ahead', async () => {
      const p = await personOf(t, cw, ['THA']);
      expect((await post(p.id, { notifiedAt: new Date(Date.now() + 30_000).toISOString() })).status).toBe(
        201,
      );
    });
  });

  describe('GET /people/:id/consular-notifications', () => {
    it('lists the person’s notifications newest first, keyset-paged, as an audited read', async () => {
      const p = await personOf(t, cw, ['THA', 'MMR']);
      const first = await notify(t, cw, p.id, 'THA', { notifiedAt: '2023-11-05T10:00:00Z' });
      const second = await notify(t, cw, p.id, 'MMR', { notifiedAt: '2023-11-06T10:00:00Z' });
      const page1 = await t.http().get(`${API}/people/${p.id}/consular-notifications?limit=1`).set(cw.auth);
      expect(page1.status).toBe(200);
      expect(page1.headers['cache-control']).toBe('no-store');
      expect(page1.body.items.map((n: { id: string }) => n.id)).toEqual([second.id]);
      const page2 = await t
        .http()
        .get(`${API}/people/${p.id}/consular-notifications?limit=1&cursor=${page1.body.nextCursor}`)
        .set(cw.auth);
      expect(page2.body).toMatchObject({ items: [{ id: first.id, countryCode: 'THA' }], nextCursor: null });
      const audited = await t.db.query(
        `SELECT count(*)::int AS n FROM audit_entries
          WHERE entity_id = $1 AND action = 'consular.notifications.read' AND actor_id = $2`,
        [p.id, cw.id],
      );
      expect(audited[0].n).toBe(2);
    });

    it('answers 404 for a person that does not exist', async () => {
      expectError(
        await t.http().get(`${API}/people/${randomUUID()}/consular-notifications`).set(cw.auth),
        404,
        'NOT_FOUND',
      );
    });
  });

  describe('roles', () => {
    it('refuses consular users on the staff side: people, users, audit, contacts writes, notifications', async () => {
      const officer = await loginAs(t, 'consular', ['THA']);
      const p = await personOf(t, cw, ['THA']);
      const calls = [
        t.http().get(`${API}/people`),
        t.http().get(`${API}/people/${p.id}`),
        t.http().get(`${API}/users`),
        t.http().get(`${API}/audit`),
        t.http().post(`${API}/consular/contacts`).send({ countryCode: 'THA', mission: 'M', name: 'N' }),
        t.http().patch(`${API}/consular/contacts/${thaContact}`).set('If-Match', '"1"').send({ name: 'N' }),
        t
          .http()
          .post(`${API}/people/${p.id}/consular-notifications`)
          .send({ countryCode: 'THA', channel: 'email', notifiedAt: new Date().toISOString() }),
        t.http().get(`${API}/people/${p.id}/consular-notifications`),
      ];
      for (const call of calls) expectError(await call.set(officer.auth), 403, 'FORBIDDEN');
      expect((await person(p.id)).body.status).toBe('presumed_victim');
    });

    it.each(['admin', 'supervisor', 'caseworker', 'analyst', 'donor'] as const)(
      'refuses the %s role on the embassy’s routes',
      async (role) => {
        const user = await loginAs(t, role);
        expectError(await t.http().get(`${API}/consular/cases`).set(user.auth), 403, 'FORBIDDEN');
        const p = await personOf(t, cw, ['THA']);
        expectError(await t.http().get(`${API}/consular/cases/${p.id}`).set(user.auth), 403, 'FORBIDDEN');
        expectError(
          await t.http().post(`${API}/consular/cases/${p.id}/acknowledge`).set(user.auth).send({}),
          403,
          'FORBIDDEN',
        );
      },
    );
  });
});
