import { API, createTestApp, expectError, loginAs, SignedIn, TestApp } from './support/app';
import { createPerson, personPayload } from './support/people';

describe('People intake and records', () => {
  let t: TestApp;
  let cw: SignedIn;
  beforeAll(async () => {
    t = await createTestApp();
    cw = await loginAs(t, 'caseworker');
  });
  afterAll(() => t.close());

  const post = (body: Record<string, unknown>) => t.http().post(`${API}/people`).set(cw.auth).send(body);

  describe('POST /people', () => {
    it('registers a person with a case number, status identified, version 1 and no consent unless given', async () => {
      const res = await post(personPayload({ consents: { consularNotification: true } }));
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        caseNumber: expect.stringMatching(new RegExp(`^${new Date().getUTCFullYear()}-\\d{6}$`)),
        status: 'identified',
        version: 1,
        erased: false,
        consents: { services: false, consularNotification: true, shareWithPartners: false, research: false },
      });
      expect(res.headers.etag).toBe('"1"');
    });

    it.each([
      ['Thai', { givenName: 'Somchai', familyName: 'Jaidee', nameNative: 'สมชาย ใจดี' }],
      ['Burmese', { givenName: 'Tun Tun', familyName: 'Naing', nameNative: 'ထွန်းထွန်း နိုင်' }],
      ['Chinese', { givenName: 'Wei', familyName: 'Zhang', nameNative: '张伟' }],
      ['Khmer', { givenName: 'Sokha', familyName: 'Chan', nameNative: 'ចាន់ សុខា' }],
      ['Vietnamese', { givenName: 'Đức Minh', familyName: 'Trần', nameNative: 'Trần Đức Minh' }],
      ['outside the BMP', { givenName: '𠜎𠜱', familyName: '𡃁', nameNative: '𠜎𠜱𡃁' }],
    ])('round-trips names in %s script', async (_script, names) => {
      const created = await post(personPayload(names));
      expect(created.status).toBe(201);
      const read = await t.http().get(`${API}/people/${created.body.id}`).set(cw.auth);
      expect(read.body).toMatchObject(names);
    });

    it('stores names NFC-normalised (decomposed input comes back composed)', async () => {
      const decomposed = 'Tra\u0302\u0300n'; // "Trần" typed as base letters + combining marks
      const res = await post(personPayload({ familyName: decomposed }));
      expect(res.body.familyName).toBe('Trần'.normalize('NFC'));
      expect(res.body.familyName).not.toBe(decomposed);
    });

    it('counts length limits in characters, not bytes or UTF-16 units', async () => {
      const twoHundredAstral = '𠜎'.repeat(200); // 200 characters, 400 UTF-16 units, 800 bytes
      expect((await post(personPayload({ givenName: twoHundredAstral }))).status).toBe(201);
      expectError(await post(personPayload({ givenName: '𠜎'.repeat(201) })), 400, 'VALIDATION_FAILED');
    });

    const tomorrow = new Date(Date.now() + 86_400_000);
    it.each([
      ['no nationality', { nationalities: [] }, 'nationalities'],
      ['nationalities missing', { nationalities: undefined }, 'nationalities'],
      ['unknown nationality code', { nationalities: [{ code: 'ZZZ' }] }, 'nationalities[0]'],
      ['lower-case code', { nationalities: [{ code: 'tha' }] }, 'nationalities.0.code'],
      [
        'the same nationality twice',
        { nationalities: [{ code: 'THA' }, { code: 'THA' }] },
        'nationalities[1].code',
      ],
      ['unknown sex', { sex: 'x' }, 'sex'],
      ['sex missing', { sex: undefined }, 'sex'],
      ['rescuedAt missing', { rescuedAt: undefined }, 'rescuedAt'],
      ['rescuedAt in the future', { rescuedAt: tomorrow.toISOString() }, 'rescuedAt'],
      ['rescuedAt without time zone', { rescuedAt: '2023-11-01T08:00:00' }, 'rescuedAt'],
      ['traffickedAt in the future', { traffickedAt: tomorrow.toISOString() }, 'traffickedAt'],
      ['traffickedAt after rescuedAt', { traffickedAt: '2023-12-01T00:00:00Z' }, 'traffickedAt'],
      ['dateOfBirth in the future', { dateOfBirth: tomorrow.toISOString().slice(0, 10) }, 'dateOfBirth'],
      ['dateOfBirth not a real day', { dateOfBirth: '2001-02-30' }, 'dateOfBirth'],
      ['both dateOfBirth and estimatedAge', { dateOfBirth: '2001-02-03', estimatedAge: 22 }, 'dateOfBirth'],
      ['estimatedAge out of range', { estimatedAge: 130 }, 'estimatedAge'],
      ['estimatedAge not an integer', { estimatedAge: 22.5 }, 'estimatedAge'],
      ['unknown recruitedVia', { recruitedVia: 'myspace' }, 'recruitedVia'],
      ['unknown vulnerability', { vulnerabilities: ['minor', 'tired'] }, 'vulnerabilities'],
      ['empty given name', { givenName: '   ' }, 'givenName'],
      ['name too long', { familyName: 'a'.repeat(201) }, 'familyName'],
      ['narrative too long', { narrative: 'a'.repeat(20_001) }, 'narrative'],
      ['bad language tag', { languages: ['Thai language'] }, 'languages'],
      ['unknown compound', { compoundId: '00000000-0000-4000-8000-000000000000' }, 'compoundId'],
      ['compoundId not a uuid', { compoundId: 'kk-park' }, 'compoundId'],
      ['consents not booleans', { consents: { research: 'yes' } }, 'consents.research'],
      ['unknown consent type', { consents: { marketing: true } }, 'consents.marketing'],
    ])('refuses %s with 400 VALIDATION_FAILED naming the field', async (_case, overrides, field) => {
      const res = await post(personPayload(overrides));
      expectError(res, 400, 'VALIDATION_FAILED');
      expect(res.body.details).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
      for (const d of res.body.details) expect(typeof d.message).toBe('string');
    });

    it.each([
      ['status'],
      ['caseNumber'],
      ['version'],
      ['id'],
      ['erased'],
      ['createdBy'],
      ['documentNumberEnc'],
    ])('refuses mass assignment of %s', async (field) => {
      const res = await post(personPayload({ [field]: field === 'version' ? 7 : 'closed' }));
      expectError(res, 400, 'VALIDATION_FAILED');
      expect(res.body.details).toEqual([expect.objectContaining({ field })]);
    });

    it('refuses a NUL character anywhere (body, query) with 400, not a database error', async () => {
      const body = await post(personPayload({ aliases: ['ok', 'a\u0000b'] }));
      expectError(body, 400, 'VALIDATION_FAILED');
      expect(body.body.details).toEqual([expect.objectContaining({ field: 'aliases.1' })]);
      expectError(await t.http().get(`${API}/people?q=a%00b`).set(cw.auth), 400, 'VALIDATION_FAILED');
      expectError(
        await t.http().post(`${API}/auth/login`).send({ email: 'a\u0000@example.org', password: 'x' }),
        400,
        'VALIDATION_FAILED',
      );
    });

    it('writes nothing when validation fails', async () => {
      const familyName = `NoWrite${Date.now()}`;
      await post(personPayload({ familyName, sex: 'x' }));
      const rows = await t.db.query('SELECT 1 FROM people WHERE family_name = $1', [familyName]);
      expect(rows).toHaveLength(0);
    });
  });

  describe('GET and PATCH /people/:id', () => {
    it('reads a person with its ETag, and 404 for an unknown id, 400 for a malformed one', async () => {
      const p = await createPerson(t, cw);
      const res = await t.http().get(`${API}/people/${p.id}`).set(cw.auth);
      expect(res.status).toBe(200);
      expect(res.headers.etag).toBe(`"${res.body.version}"`);
      expectError(
        await t.http().get(`${API}/people/6f1c7a57-1111-4c4c-9a9a-000000000000`).set(cw.auth),
        404,
        'NOT_FOUND',
      );
      expectError(await t.http().get(`${API}/people/not-a-uuid`).set(cw.auth), 400, 'VALIDATION_FAILED');
    });

    it('edits with If-Match, returns the new ETag, and records the changed field names in the history', async () => {
      const p = await createPerson(t, cw);
      const res = await t
        .http()
        .patch(`${API}/people/${p.id}`)
        .set(cw.auth)
        .set('If-Match', '"1"')
        .send({ givenName: 'Anongnat', rescuePlace: 'Mae Sot' });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ givenName: 'Anongnat', rescuePlace: 'Mae Sot', version: 2 });
      expect(res.headers.etag).toBe('"2"');
      const history = await t.http().get(`${API}/people/${p.id}/history`).set(cw.auth);
      expect(history.body.items[0]).toMatchObject({
        kind: 'field_change',
        fields: ['givenName', 'rescuePlace'],
      });
      expect(JSON.stringify(history.body)).not.toContain('Mae Sot');
    });

    it('answers 428 without If-Match, 412 with a stale one and 400 with one that names no version', async () => {
      const p = await createPerson(t, cw);
      const patch = () => t.http().patch(`${API}/people/${p.id}`).set(cw.auth);
      expectError(await patch().send({ givenName: 'X' }), 428, 'PRECONDITION_REQUIRED');
      expectError(await patch().set('If-Match', '"7"').send({ givenName: 'X' }), 412, 'VERSION_MISMATCH');
      const garbage = await patch().set('If-Match', 'garbage').send({ givenName: 'X' });
      expectError(garbage, 400, 'VALIDATION_FAILED');
      expect(garbage.body.details).toEqual([
        expect.objectContaining({ field: 'If-Match', code: 'invalid_format' }),
      ]);
    });

    it.each([['status'], ['caseNumber'], ['version'], ['id'], ['consents']])(
      'refuses %s in a PATCH with 400',
      async (field) => {
        const p = await createPerson(t, cw);
        const res = await t
          .http()
          .patch(`${API}/people/${p.id}`)
          .set(cw.auth)
          .set('If-Match', '"1"')
          .send({ [field]: field === 'version' ? 9 : 'closed' });
        expectError(res, 400, 'VALIDATION_FAILED');
      },
    );

    it('refuses null for required fields and keeps the both-ages rule across edits', async () => {
      const p = await createPerson(t, cw, { estimatedAge: 25 });
      const patch = (body: object) =>
        t.http().patch(`${API}/people/${p.id}`).set(cw.auth).set('If-Match', '"1"').send(body);
      expectError(await patch({ sex: null }), 400, 'VALIDATION_FAILED');
      expectError(await patch({ nationalities: null }), 400, 'VALIDATION_FAILED');
      expectError(await patch({ dateOfBirth: '2000-01-01' }), 400, 'VALIDATION_FAILED');
      const ok = await patch({ dateOfBirth: '2000-01-01', estimatedAge: null });
      expect(ok.status).toBe(200);
      expect(ok.body).toMatchObject({ dateOfBirth: '2000-01-01', estimatedAge: null });
    });
  });

  describe('consents', () => {
    it('records grants and withdrawals as rows; the person shows the latest answer per type', async () => {
      const p = await createPerson(t, cw);
      const consent = (type: string, granted: boolean) =>
        t
          .http()
          .post(`${API}/people/${p.id}/consents`)
          .set(cw.auth)
          .send({ type, granted, note: 'asked in Thai' });
      const granted = await consent('consular_notification', true);
      expect(granted.status).toBe(201);
      expect(granted.body).toMatchObject({
        type: 'consular_notification',
        granted: true,
        recordedBy: { id: cw.id, displayName: 'Test caseworker', role: 'caseworker' },
        version: 2,
      });
      expect(granted.body.consents.consularNotification).toBe(true);
      await consent('consular_notification', false);
      const person = await t.http().get(`${API}/people/${p.id}`).set(cw.auth);
      expect(person.body.consents).toEqual({
        services: false,
        consularNotification: false,
        shareWithPartners: false,
        research: false,
      });
      expect(person.body.version).toBe(3);
      const rows = await t.db.query(
        'SELECT granted FROM consents WHERE person_id = $1 ORDER BY recorded_at',
        [p.id],
      );
      expect(rows).toEqual([{ granted: true }, { granted: false }]);
      expectError(
        await t
          .http()
          .post(`${API}/people/${p.id}/consents`)
          .set(cw.auth)
          .send({ type: 'marketing', granted: true }),
        400,
        'VALIDATION_FAILED',
      );
    });
  });

  describe('GET /people', () => {
    let marker: string;
    const ids: string[] = [];
    beforeAll(async () => {
      marker = `Listtest${Date.now()}`;
      for (let i = 0; i < 7; i++) {
        const p = await createPerson(t, cw, {
          familyName: `${marker}${i}`,
          givenName: i % 2 ? 'Nguyễn' : 'Maria',
          nationalities: i < 3 ? [{ code: 'PHL' }, { code: 'USA' }] : [{ code: 'VNM' }],
          rescuedAt: `2024-0${i + 1}-15T00:00:00Z`,
        });
        ids.push(p.id);
      }
    });

    const list = (query: string) => t.http().get(`${API}/people?${query}`).set(cw.auth);

    it('pages newest first with limit and cursor, without gaps or repeats', async () => {
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const res = await list(`q=${marker}&limit=3${cursor ? `&cursor=${cursor}` : ''}`);
        expect(res.status).toBe(200);
        expect(res.body.items.length).toBeLessThanOrEqual(3);
        seen.push(...res.body.items.map((p: { id: string }) => p.id));
        cursor = res.body.nextCursor;
      } while (cursor);
      expect(seen).toEqual([...ids].reverse());
    });

    it('gives 50 people a page when no limit is asked for', async () => {
      const many = `Manytest${Date.now()}`;
      for (let i = 0; i < 51; i++) await createPerson(t, cw, { familyName: `${many}${i}` });
      const res = await list(`q=${many}`);
      expect(res.body.items).toHaveLength(50);
      expect(res.body.nextCursor).toEqual(expect.any(String));
    });

    it('pages the same way whatever the filters (nationality with q, a narrow rescue-date range)', async () => {
      for (const filters of [
        `nationality=PHL&q=${marker}`,
        `rescuedFrom=2024-01-01&rescuedTo=2024-12-31&q=${marker}`,
      ]) {
        const seen: string[] = [];
        let cursor: string | null = null;
        do {
          const res = await list(`${filters}&limit=2${cursor ? `&cursor=${cursor}` : ''}`);
          seen.push(...res.body.items.map((p: { id: string }) => p.id));
          cursor = res.body.nextCursor;
        } while (cursor);
        const expected = filters.startsWith('nationality') ? ids.slice(0, 3) : ids;
        expect(seen).toEqual([...expected].reverse());
      }
    });

    it('filters by nationality (dual nationals included), status, compound and rescue dates', async () => {
      const phl = await list(`q=${marker}&nationality=PHL`);
      expect(phl.body.items.map((p: { id: string }) => p.id).sort()).toEqual(ids.slice(0, 3).sort());
      const usa = await list(`q=${marker}&nationality=USA&limit=2`);
      expect(usa.body.items).toHaveLength(2);
      const usaNext = await list(`q=${marker}&nationality=USA&limit=2&cursor=${usa.body.nextCursor}`);
      expect(usaNext.body.items.map((p: { id: string }) => p.id)).toEqual([ids[0]]);
      const dated = await list(`q=${marker}&rescuedFrom=2024-02-15&rescuedTo=2024-04-15`);
      expect(dated.body.items).toHaveLength(3); // the whole `to` day counts
      const screening = await list(`q=${marker}&status=screening`);
      expect(screening.body.items).toHaveLength(0);
    });

    it('finds names ignoring case and accents, and treats LIKE wildcards literally', async () => {
      const res = await list(`q=${encodeURIComponent('nguyen ' + marker.toLowerCase())}`);
      expect(res.body.items.length).toBeGreaterThan(0);
      const accented = await list(`q=${encodeURIComponent('NGUYỄN')}&limit=200`);
      expect(accented.body.items.map((p: { id: string }) => p.id)).toEqual(
        expect.arrayContaining([ids[1], ids[3]]),
      );
      expect((await list(`q=%25`)).body.items).toHaveLength(0);
      expect((await list(`q=_`)).body.items).toHaveLength(0);
    });

    it.each([
      ['limit=0'],
      ['limit=201'],
      ['limit=abc'],
      ['cursor=not-a-cursor'],
      ['status=lost'],
      ['nationality=ZZZ'],
      ['nationality=th'],
      ['compoundId=1'],
      ['rescuedFrom=2024-13-01'],
      ['sort=name'],
      ["q=x'%3B DROP TABLE people;--&status=identified' OR '1'='1"],
    ])('refuses a bad query %s with 400', async (query) => {
      expectError(await list(query), 400, 'VALIDATION_FAILED');
    });

    it('keeps injection attempts in q as plain text', async () => {
      const res = await list(`q=${encodeURIComponent("'; DROP TABLE people; --")}`);
      expect(res.status).toBe(200);
      expect(res.body.items).toEqual([]);
      expect(await t.db.query('SELECT count(*) FROM people')).toHaveLength(1);
    });
  });

  describe('roles', () => {
    it.each([['analyst'], ['donor'], ['consular']] as const)(
      '%s gets 403 on every /people route',
      async (role) => {
        const user = await loginAs(t, role);
        const p = await createPerson(t, cw);
        const id = p.id;
        const calls = [
          t.http().post(`${API}/people`).send(personPayload()),
          t.http().get(`${API}/people`),
          t.http().get(`${API}/people/duplicates?givenName=Anong`),
          t.http().get(`${API}/people/${id}`),
          t.http().patch(`${API}/people/${id}`).set('If-Match', '"1"').send({ givenName: 'X' }),
          t.http().post(`${API}/people/${id}/transitions`).set('If-Match', '"1"').send({ to: 'screening' }),
          t.http().get(`${API}/people/${id}/history`),
          t.http().post(`${API}/people/${id}/consents`).send({ type: 'research', granted: true }),
          t.http().get(`${API}/people/${id}/access-log`),
          t.http().delete(`${API}/people/${id}`),
        ];
        for (const call of calls) expectError(await call.set(user.auth), 403, 'FORBIDDEN');
      },
    );

    it('caseworkers and supervisors may not erase; caseworkers may not read the access log', async () => {
      const p = await createPerson(t, cw);
      const sup = await loginAs(t, 'supervisor');
      expectError(await t.http().delete(`${API}/people/${p.id}`).set(cw.auth), 403, 'FORBIDDEN');
      expectError(await t.http().delete(`${API}/people/${p.id}`).set(sup.auth), 403, 'FORBIDDEN');
      expectError(await t.http().get(`${API}/people/${p.id}/access-log`).set(cw.auth), 403, 'FORBIDDEN');
      expect((await t.http().get(`${API}/people/${p.id}/access-log`).set(sup.auth)).status).toBe(200);
    });

    it('checks the role before validation: a donor gets 403 even for a bad body', async () => {
      const donor = await loginAs(t, 'donor');
      expectError(
        await t.http().post(`${API}/people`).set(donor.auth).send({ nonsense: true }),
        403,
        'FORBIDDEN',
      );
    });
  });
});
