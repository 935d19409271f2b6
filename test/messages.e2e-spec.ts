import { gzipSync } from 'node:zlib';
import { API, createTestApp, expectError, loginAs, SignedIn, TestApp } from './support/app';
import { createPerson, personPayload } from './support/people';

/**
 * Answers a translated front end can use: one detail per field with a stable code and the
 * constraint's values, refusals of bodies the API cannot read, and contradictions in intake data.
 */
describe('Messages a translated front end can use', () => {
  let t: TestApp;
  let cw: SignedIn;
  let admin: SignedIn;
  beforeAll(async () => {
    t = await createTestApp();
    cw = await loginAs(t, 'caseworker');
    admin = await loginAs(t, 'admin');
  });
  afterAll(() => t.close());

  const intake = (body: Record<string, unknown>) => t.http().post(`${API}/people`).set(cw.auth).send(body);

  /** The details of a 400 VALIDATION_FAILED, by field. */
  function detailsOf(res: { status: number; body: { code: string; details: { field: string }[] } }) {
    expectError(res as never, 400, 'VALIDATION_FAILED');
    return Object.fromEntries(res.body.details.map((d) => [d.field, d]));
  }

  describe('one detail per field, its first failing rule, with code and params', () => {
    it('people intake: required before anything else, type before length, the limits as params', async () => {
      const res = await intake({
        ...personPayload(),
        sex: undefined,
        rescuedAt: undefined,
        givenName: 42,
        familyName: 'a'.repeat(201),
        estimatedAge: 130,
        recruitedVia: 'myspace',
        vulnerabilities: ['minor', 'tired'],
        shoeSize: 44,
      });
      expect(detailsOf(res)).toEqual({
        sex: {
          field: 'sex',
          code: 'required',
          message: 'sex is required',
          params: { allowed: ['female', 'male', 'other', 'unknown'] },
        },
        rescuedAt: { field: 'rescuedAt', code: 'required', message: 'rescuedAt is required' },
        givenName: expect.objectContaining({ code: 'invalid_type', params: { type: 'string' } }),
        familyName: expect.objectContaining({ code: 'too_long', params: { max: 200 } }),
        estimatedAge: expect.objectContaining({ code: 'too_large', params: { max: 120 } }),
        recruitedVia: expect.objectContaining({
          code: 'one_of',
          params: { allowed: expect.arrayContaining(['telegram', 'job_site']) },
        }),
        vulnerabilities: expect.objectContaining({ code: 'one_of' }),
        shoeSize: { field: 'shoeSize', code: 'unknown_field', message: 'unknown field' },
      });
    });

    it('a missing list says required, an empty one too_short, a long one too_long — never both', async () => {
      const missing = detailsOf(await intake(personPayload({ nationalities: undefined })));
      expect(missing.nationalities).toEqual(expect.objectContaining({ code: 'required' }));
      const empty = detailsOf(await intake(personPayload({ nationalities: [] })));
      expect(empty.nationalities).toEqual(expect.objectContaining({ code: 'too_short', params: { min: 1 } }));
      const many = Array.from({ length: 11 }, () => ({ code: 'tha' }));
      expect(detailsOf(await intake(personPayload({ nationalities: many })))).toEqual({
        nationalities: expect.objectContaining({ code: 'too_long', params: { max: 10 } }),
      });
    });

    it('dates: a day that does not exist is invalid_format, a future one not_in_future', async () => {
      const tomorrow = new Date(Date.now() + 86_400_000);
      const res = await intake(
        personPayload({ dateOfBirth: '2001-02-30', traffickedAt: tomorrow.toISOString() }),
      );
      expect(detailsOf(res)).toEqual({
        dateOfBirth: expect.objectContaining({ code: 'invalid_format', params: { format: 'date' } }),
        traffickedAt: expect.objectContaining({ code: 'not_in_future' }),
      });
    });

    it('service checks carry codes too: an unknown nationality is unknown_code', async () => {
      const res = await intake(personPayload({ nationalities: [{ code: 'ZZZ' }] }));
      expect(detailsOf(res)).toEqual({
        'nationalities[0]': expect.objectContaining({ code: 'unknown_code' }),
      });
    });

    it('users: format, length and membership, one detail each', async () => {
      const res = await t
        .http()
        .post(`${API}/users`)
        .set(admin.auth)
        .send({ email: 'not-an-email', displayName: '', password: 'short', role: 'root' });
      expect(detailsOf(res)).toEqual({
        email: expect.objectContaining({ code: 'invalid_format', params: { format: 'email' } }),
        displayName: expect.objectContaining({ code: 'too_short', params: { min: 1 } }),
        password: expect.objectContaining({ code: 'too_short', params: { min: 12 } }),
        role: expect.objectContaining({
          code: 'one_of',
          params: { allowed: expect.arrayContaining(['admin']) },
        }),
      });
      const consular = await t
        .http()
        .post(`${API}/users`)
        .set(admin.auth)
        .send({
          email: `c-${Date.now()}@example.org`,
          displayName: 'Consul',
          password: 'a long enough password',
          role: 'consular',
        });
      expect(detailsOf(consular)).toEqual({
        nationalities: expect.objectContaining({ code: 'required', params: { role: 'consular' } }),
      });
    });

    it('transitions: an unknown target, and closing without a reason', async () => {
      const p = await createPerson(t, cw);
      const sup = await loginAs(t, 'supervisor');
      const move = (body: object) =>
        t
          .http()
          .post(`${API}/people/${p.id}/transitions`)
          .set(sup.auth)
          .set('If-Match', `"${p.version}"`)
          .send(body);
      expect(detailsOf(await move({ to: 'home' }))).toEqual({
        to: expect.objectContaining({
          code: 'one_of',
          params: { allowed: expect.arrayContaining(['screening']) },
        }),
      });
      expect(detailsOf(await move({ to: 'closed' }))).toEqual({
        reason: expect.objectContaining({
          code: 'required',
          params: { allowed: expect.arrayContaining(['reintegrated', 'declined']) },
        }),
      });
      expect(detailsOf(await move({ to: 'closed', reason: 'bored' }))).toEqual({
        reason: expect.objectContaining({ code: 'one_of' }),
      });
    });

    it('query parameters too: a limit out of range is too_large with its bound', async () => {
      const res = await t.http().get(`${API}/people?limit=500`).set(cw.auth);
      expect(detailsOf(res)).toEqual({
        limit: expect.objectContaining({ code: 'too_large', params: { max: 200 } }),
      });
    });
  });

  describe('a target only an event reaches says which event, and where to record it', () => {
    it.each([
      ['departed', /repatriation_departure handover \(POST \/handovers\)/, 'POST /handovers'],
      ['received_home', /arrival_home handover \(POST \/handovers\)/, 'POST /handovers'],
      [
        'consular_notified',
        /consular notification \(POST \/people\/:id\/consular-notifications\)/,
        'POST /people/:id/consular-notifications',
      ],
    ])('%s', async (to, message, route) => {
      const p = await createPerson(t, cw);
      const res = await t
        .http()
        .post(`${API}/people/${p.id}/transitions`)
        .set(cw.auth)
        .set('If-Match', `"${p.version}"`)
        .send({ to });
      expectError(res, 422, 'INVALID_TRANSITION');
      expect(res.body.message).toMatch(message);
      expect(res.body.details).toEqual([
        expect.objectContaining({
          field: 'to',
          code: 'event_only',
          params: expect.objectContaining({ routes: [route] }),
        }),
      ]);
    });

    it('a target a transition reaches from elsewhere lists what is allowed instead', async () => {
      const p = await createPerson(t, cw);
      const res = await t
        .http()
        .post(`${API}/people/${p.id}/transitions`)
        .set(cw.auth)
        .set('If-Match', `"${p.version}"`)
        .send({ to: 'exit_cleared' });
      expectError(res, 422, 'INVALID_TRANSITION');
      expect(res.body.message).toMatch(/allowed from identified: screening/);
      expect(res.body.details).toBeUndefined();
    });
  });

  describe('bodies the API cannot read', () => {
    const post = () => t.http().post(`${API}/people`).set(cw.auth);
    const json = JSON.stringify(personPayload());

    it('415 for a body that is not JSON', async () => {
      expectError(await post().set('Content-Type', 'text/plain').send(json), 415, 'UNSUPPORTED_MEDIA_TYPE');
      expectError(
        await post().set('Content-Type', 'application/x-www-form-urlencoded').send('sex=female'),
        415,
        'UNSUPPORTED_MEDIA_TYPE',
      );
    });

    it('415 for a charset other than UTF-8; UTF-8 in any spelling is read', async () => {
      const latin1 = await post().set('Content-Type', 'application/json; charset=latin1').send(json);
      expectError(latin1, 415, 'UNSUPPORTED_MEDIA_TYPE');
      expect(latin1.body.message).toMatch(/UTF-8/);
      const utf16 = await post().set('Content-Type', 'application/json; charset=utf-16').send(json);
      expectError(utf16, 415, 'UNSUPPORTED_MEDIA_TYPE');
      const utf8 = await post().set('Content-Type', 'application/json; charset="UTF-8"').send(json);
      expect(utf8.status).toBe(201);
    });

    it('415 for a Content-Encoding the server does not accept; 400 for a body that does not decode', async () => {
      // Bytes as they are (supertest would otherwise write a Buffer out as JSON).
      const raw = (encoding: string, body: Buffer | string) =>
        post()
          .set('Content-Type', 'application/json')
          .set('Content-Encoding', encoding)
          .serialize((b: unknown) => b as string)
          .send(body);
      expectError(await raw('bogus', json), 415, 'UNSUPPORTED_MEDIA_TYPE');
      expectError(await raw('gzip', Buffer.from('this is not gzip')), 400, 'MALFORMED_BODY');
      expect((await raw('gzip', gzipSync(json))).status).toBe(201);
    });

    it('a POST without a body is not a media-type question: it is validated as an empty one', async () => {
      const res = await post();
      expectError(res, 400, 'VALIDATION_FAILED');
    });
  });

  describe('If-Match that names no version', () => {
    it.each([['3'], ['*'], ['garbage'], ['"3", "4"'], ['W/3']])(
      '%s → 400 on the field If-Match',
      async (ifMatch) => {
        const p = await createPerson(t, cw);
        const res = await t
          .http()
          .patch(`${API}/people/${p.id}`)
          .set(cw.auth)
          .set('If-Match', ifMatch)
          .send({ givenName: 'Mali' });
        expect(detailsOf(res)).toEqual({
          'If-Match': expect.objectContaining({ code: 'invalid_format', params: { format: '"<version>"' } }),
        });
      },
    );

    it('is checked with validation, before the scope: even for a record that does not exist', async () => {
      const res = await t
        .http()
        .post(`${API}/people/6f1c7a57-1111-4c4c-9a9a-000000000000/transitions`)
        .set(cw.auth)
        .set('If-Match', 'garbage')
        .send({ to: 'screening' });
      expectError(res, 400, 'VALIDATION_FAILED');
    });

    it('a weak ETag of the current version is accepted', async () => {
      const p = await createPerson(t, cw);
      const res = await t
        .http()
        .patch(`${API}/people/${p.id}`)
        .set(cw.auth)
        .set('If-Match', `W/"${p.version}"`)
        .send({ givenName: 'Mali' });
      expect(res.status).toBe(200);
    });
  });

  describe('contradictory intake data', () => {
    it('XXX (unspecified) beside a known nationality', async () => {
      const res = await intake(personPayload({ nationalities: [{ code: 'THA' }, { code: 'XXX' }] }));
      expect(detailsOf(res)).toEqual({
        'nationalities[1].code': expect.objectContaining({
          code: 'conflict',
          params: { with: ['THA'] },
          message: expect.stringMatching(/XXX .*THA/),
        }),
      });
      expect((await intake(personPayload({ nationalities: [{ code: 'XXX' }] }))).status).toBe(201);
    });

    it('the same alias or language twice (case aside)', async () => {
      const res = await intake(personPayload({ aliases: ['Nong', 'nong'], languages: ['th', 'TH'] }));
      expect(detailsOf(res)).toEqual({
        aliases: expect.objectContaining({ code: 'duplicate' }),
        languages: expect.objectContaining({ code: 'duplicate' }),
      });
    });

    it('minor with an age of 18 or more, given or from the date of birth at rescue', async () => {
      const estimated = await intake(personPayload({ vulnerabilities: ['minor'], estimatedAge: 30 }));
      expect(detailsOf(estimated)).toEqual({
        vulnerabilities: expect.objectContaining({
          code: 'conflict',
          params: { with: 'estimatedAge', age: 30, max: 17 },
          message: expect.stringContaining('minor'),
        }),
      });
      const born = await intake(personPayload({ vulnerabilities: ['minor'], dateOfBirth: '1990-05-01' }));
      expect(detailsOf(born)).toEqual({
        vulnerabilities: expect.objectContaining({
          code: 'conflict',
          params: { with: 'dateOfBirth', age: 33, max: 17 },
        }),
      });
      expect((await intake(personPayload({ vulnerabilities: ['minor'], estimatedAge: 16 }))).status).toBe(
        201,
      );
    });

    it('an edit that would make the record contradict itself is refused too', async () => {
      const p = await createPerson(t, cw, { estimatedAge: 30 });
      const res = await t
        .http()
        .patch(`${API}/people/${p.id}`)
        .set(cw.auth)
        .set('If-Match', `"${p.version}"`)
        .send({ vulnerabilities: ['minor'] });
      expect(detailsOf(res)).toEqual({ vulnerabilities: expect.objectContaining({ code: 'conflict' }) });
    });
  });
});
