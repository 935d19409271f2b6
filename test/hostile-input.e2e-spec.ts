import { API, createTestApp, expectError, loginAs, type SignedIn, type TestApp } from './support/app';
import { personPayload } from './support/people';

/**
 * What an attacker sends, anonymous or signed in (API.md "Conventions", Hostile input): each gets a
 * 4xx in the contract's shape, never a 500, and nothing is written.
 */
describe('hostile input', () => {
  let t: TestApp;
  let caseworker: SignedIn;
  beforeAll(async () => {
    t = await createTestApp();
    caseworker = await loginAs(t, 'caseworker');
  });
  afterAll(() => t.close());

  const people = async () =>
    Number(((await t.db.query('SELECT count(*)::int AS n FROM people')) as { n: number }[])[0].n);

  describe('before any sign-in', () => {
    it('a body nested 10,000 deep is refused with 400, the app still answering', async () => {
      const deep = '{"a":'.repeat(10_000) + '1' + '}'.repeat(10_000);
      const res = await t.http().post(`${API}/auth/login`).set('Content-Type', 'application/json').send(deep);
      expectError(res, 400, 'NESTING_TOO_DEEP');
      expect((await t.http().get(`${API}/health`)).status).toBe(200);
    });

    it('33 levels are refused and 32 are read (and then fail validation as usual)', async () => {
      const nest = (levels: number) => '['.repeat(levels - 1) + '{"email":"a@b.c"}' + ']'.repeat(levels - 1);
      const post = (body: string) =>
        t.http().post(`${API}/auth/login`).set('Content-Type', 'application/json').send(body);
      expectError(await post(`{"email":${nest(33)}}`), 400, 'NESTING_TOO_DEEP');
      expectError(await post(`{"email":${nest(31)}}`), 400, 'VALIDATION_FAILED');
    });

    it('a charset other than UTF-8 is 415, a Content-Encoding the server does not read is 415', async () => {
      const latin1 = await t
        .http()
        .post(`${API}/auth/login`)
        .set('Content-Type', 'application/json; charset=iso-8859-1')
        .send('{"email":"a@b.c","password":"x"}');
      expectError(latin1, 415, 'UNSUPPORTED_MEDIA_TYPE');
      const unknownEncoding = await t
        .http()
        .post(`${API}/auth/login`)
        .set('Content-Type', 'application/json')
        .set('Content-Encoding', 'compress')
        .send('{"email":"a@b.c","password":"x"}');
      expectError(unknownEncoding, 415, 'UNSUPPORTED_MEDIA_TYPE');
    });

    it('a gzip body that does not decompress is a 4xx in the error shape', async () => {
      const broken = await t
        .http()
        .post(`${API}/auth/login`)
        .set('Content-Type', 'application/json')
        .set('Content-Encoding', 'gzip')
        .send(Buffer.from('not gzip at all'));
      expectError(broken, 400, 'MALFORMED_BODY');
    });

    it('request headers over the size limit are 431 in the error shape, not a bare 431 from Node', async () => {
      const res = await t.http().get(`${API}/health`).set('X-Padding', 'x'.repeat(40_000));
      expect(res.status).toBe(431);
      expect(res.body).toEqual({
        statusCode: 431,
        error: 'Request Header Fields Too Large',
        code: 'HEADERS_TOO_LARGE',
        message: expect.any(String),
        requestId: expect.any(String),
      });
      expect(res.headers['cache-control']).toBe('no-store');
      // A URL over the limit (a 40 KB query) is refused the same way.
      const longUrl = await t.http().get(`${API}/health?q=${'%E0%B8%81'.repeat(5_000)}`);
      expect({ status: longUrl.status, code: longUrl.body.code }).toEqual({
        status: 431,
        code: 'HEADERS_TOO_LARGE',
      });
      expect((await t.http().get(`${API}/health`)).status).toBe(200);
    });

    it('a body over 1 MiB is 413 on every route that takes a body, and the document says so', async () => {
      const big = { name: 'x'.repeat(1_100_000), countryCode: 'MMR', status: 'active' };
      const res = await t.http().post(`${API}/compounds`).send(big);
      expectError(res, 413, 'PAYLOAD_TOO_LARGE');
      const doc = (await t.http().get('/api/docs-json')).body as {
        paths: Record<string, Record<string, { requestBody?: unknown; responses: Record<string, unknown> }>>;
      };
      const undocumented = Object.entries(doc.paths).flatMap(([path, item]) =>
        Object.entries(item)
          .filter(([, op]) => op.requestBody && !op.responses['413'])
          .map(([method]) => `${method.toUpperCase()} ${path}`),
      );
      expect(undocumented).toEqual([]);
    });

    it('a lone surrogate in an email is a 400 of the field, not a 500', async () => {
      const res = await t
        .http()
        .post(`${API}/auth/login`)
        .set('Content-Type', 'application/json')
        .send('{"email":"a\\ud800@example.org","password":"x"}');
      expectError(res, 400, 'VALIDATION_FAILED');
    });
  });

  describe('signed in', () => {
    it.each(['2023-02-30T00:00:00Z', '0000-01-01T00:00:00Z', '2023-13-01T00:00:00Z'])(
      'an impossible date in a body (%s) is 400 and writes nothing',
      async (rescuedAt) => {
        const before = await people();
        const res = await t
          .http()
          .post(`${API}/people`)
          .set(caseworker.auth)
          .send(personPayload({ rescuedAt }));
        expectError(res, 400, 'VALIDATION_FAILED');
        expect(res.body.details[0].field).toBe('rescuedAt');
        expect(await people()).toBe(before);
      },
    );

    it.each(['2023-02-30', '0000-06-01'])('an impossible date of birth (%s) is 400', async (dateOfBirth) => {
      const res = await t
        .http()
        .post(`${API}/people`)
        .set(caseworker.auth)
        .send(personPayload({ dateOfBirth }));
      expectError(res, 400, 'VALIDATION_FAILED');
    });

    it.each([
      ['rescuedFrom', '2023-02-30'],
      ['rescuedTo', '0000-01-01'],
    ])('an impossible date in a filter (%s=%s) is 400', async (name, value) => {
      const res = await t.http().get(`${API}/people?${name}=${value}`).set(caseworker.auth);
      expectError(res, 400, 'VALIDATION_FAILED');
    });

    it('a report range with an impossible day is 400', async () => {
      const res = await t
        .http()
        .get(`${API}/reports/repatriations?groupBy=nationality&from=2023-02-30&to=2023-03-01`)
        .set(caseworker.auth);
      expectError(res, 400, 'VALIDATION_FAILED');
    });

    it.each([
      'status=identified',
      'status=identified,closed&q=Anong&order=asc',
      'status=departed&nationality=THA',
    ])(
      'overdue cases among statuses without a stage clock (%s) are an empty page, not a 500',
      async (filters) => {
        const res = await t.http().get(`${API}/people?overdue=true&${filters}`).set(caseworker.auth);
        expect(res.status).toBe(200);
        expect(res.body).toEqual({ items: [], nextCursor: null });
      },
    );

    it.each(['logout', 'refresh'])(
      'a null refreshToken on /auth/%s is 400 required, not a 500',
      async (route) => {
        const own = await loginAs(t, 'caseworker');
        const res = await t.http().post(`${API}/auth/${route}`).set(own.auth).send({ refreshToken: null });
        expectError(res, 400, 'VALIDATION_FAILED');
        expect(res.body.details).toEqual([
          expect.objectContaining({ field: 'refreshToken', code: 'required' }),
        ]);
      },
    );

    it('a null intake consent is 400 of that field, not a 500, and writes nothing', async () => {
      const before = await people();
      const res = await t
        .http()
        .post(`${API}/people`)
        .set(caseworker.auth)
        .send(personPayload({ consents: { shareWithPartners: null } }));
      expectError(res, 400, 'VALIDATION_FAILED');
      expect(res.body.details).toEqual([expect.objectContaining({ field: 'consents.shareWithPartners' })]);
      expect(await people()).toBe(before);
    });

    it('a cursor that carries an impossible date is 400', async () => {
      const forged = Buffer.from(
        JSON.stringify(['2023-02-30T00:00:00.000Z', '6f1c2b9e-3d4a-4f5b-8c6d-7e8f9a0b1c2d']),
      ).toString('base64url');
      const res = await t.http().get(`${API}/people?cursor=${forged}`).set(caseworker.auth);
      expectError(res, 400, 'VALIDATION_FAILED');
    });

    it.each(['__proto__', 'constructor', 'prototype'])(
      'a body key %s is refused like any unknown field',
      async (key) => {
        const body = `{"givenName":"Anong","familyName":"Proto","sex":"female","nationalities":[{"code":"THA"}],"rescuedAt":"2023-11-01T08:00:00Z","${key}":{"x":1}}`;
        const res = await t
          .http()
          .post(`${API}/people`)
          .set(caseworker.auth)
          .set('Content-Type', 'application/json')
          .send(body);
        expectError(res, 400, 'VALIDATION_FAILED');
        expect(res.body.details).toEqual([expect.objectContaining({ field: key, code: 'unknown_field' })]);
      },
    );

    it.each([
      ['a lone surrogate', 'Ano\ud800ng'],
      ['a right-to-left override', 'Anong\u202Egnona'],
      ['a bidi isolate', '\u2066Anong\u2069'],
      ['nothing but invisible characters', '\u200B\u200C\u2060'],
    ])('a name with %s is 400 and writes nothing', async (_what, givenName) => {
      const before = await people();
      const res = await t
        .http()
        .post(`${API}/people`)
        .set(caseworker.auth)
        .set('Content-Type', 'application/json')
        .send(JSON.stringify(personPayload({ givenName })));
      expectError(res, 400, 'VALIDATION_FAILED');
      expect(res.body.details[0].field).toBe('givenName');
      expect(await people()).toBe(before);
    });

    it('names in any script, joiners included, are still accepted', async () => {
      const res = await t
        .http()
        .post(`${API}/people`)
        .set(caseworker.auth)
        .send(personPayload({ givenName: 'Anong', nameNative: 'อนงค์ सिंह\u200D' }));
      expect(res.status).toBe(201);
    });
  });
});
