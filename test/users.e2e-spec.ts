import { randomUUID } from 'node:crypto';
import type { Response } from 'supertest';
import { ROLES, type Role } from '../src/common/roles';
import {
  API,
  createTestApp,
  createUser,
  expectError,
  login,
  loginAs,
  type SignedIn,
  type TestApp,
} from './support/app';

const NON_ADMIN_ROLES = ROLES.filter((r) => r !== 'admin');

const newEmail = (tag = 'user') => `${tag}-${randomUUID()}@example.org`;
const PASSWORD = 'correct horse battery';

/** 400 VALIDATION_FAILED whose details name `field` (expectError checks each `{ field, code, message, params? }`). */
function expectFieldError(res: Response, field: string | RegExp): void {
  expectError(res, 400, 'VALIDATION_FAILED');
  expect(res.body.details).toEqual(
    expect.arrayContaining([
      expect.objectContaining({ field: typeof field === 'string' ? field : expect.stringMatching(field) }),
    ]),
  );
}

/** No password, hash or MFA secret under any key, and no argon2 hash or password among the values. */
function expectNoSecrets(body: unknown, password?: string): void {
  const keys: string[] = [];
  JSON.stringify(body, (key: string, value: unknown) => {
    keys.push(key);
    return value;
  });
  // mustChangePassword is a flag an admin needs to see, not a secret.
  expect(keys.filter((k) => /password|hash|mfa|secret/i.test(k) && k !== 'mustChangePassword')).toEqual([]);
  const json = JSON.stringify(body);
  expect(json).not.toContain('$argon2');
  if (password) expect(json).not.toContain(password);
}

/** Everything written to the console or to stdout/stderr while `work` runs. */
async function captureOutput<T>(work: () => Promise<T>): Promise<{ result: T; text: string }> {
  const chunks: string[] = [];
  const record = (...args: unknown[]) => {
    chunks.push(args.map((a) => (typeof a === 'string' ? a : (JSON.stringify(a) ?? String(a)))).join(' '));
  };
  const spies = [
    ...(['log', 'info', 'warn', 'error', 'debug'] as const).map((m) =>
      jest.spyOn(console, m).mockImplementation(record),
    ),
    jest.spyOn(process.stdout, 'write').mockImplementation((chunk: unknown) => (record(String(chunk)), true)),
    jest.spyOn(process.stderr, 'write').mockImplementation((chunk: unknown) => (record(String(chunk)), true)),
  ];
  try {
    const result = await work();
    return { result, text: chunks.join('\n') };
  } finally {
    for (const spy of spies) spy.mockRestore();
  }
}

describe('Users (admin)', () => {
  let t: TestApp;
  let admin: SignedIn;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await loginAs(t, 'admin');
  });
  afterAll(() => t.close());

  const post = (body: object, as: SignedIn = admin) => t.http().post(`${API}/users`).set(as.auth).send(body);
  const get = (id: string, as: SignedIn = admin) => t.http().get(`${API}/users/${id}`).set(as.auth);
  const patch = (id: string, body: object, ifMatch?: string, as: SignedIn = admin) => {
    const req = t.http().patch(`${API}/users/${id}`).set(as.auth);
    return (ifMatch === undefined ? req : req.set('If-Match', ifMatch)).send(body);
  };
  const me = (user: SignedIn) => t.http().get(`${API}/auth/me`).set(user.auth);
  const usersWithEmail = async (email: string) =>
    (
      (await t.db.query('SELECT count(*)::int AS n FROM users WHERE lower(email) = lower($1)', [email])) as {
        n: number;
      }[]
    )[0].n;

  /** A user created through the API, with the version it is at. */
  async function apiUser(role: Role, nationalities?: string[]) {
    const email = newEmail(role);
    const res = await post({ email, displayName: `API ${role}`, password: PASSWORD, role, nationalities });
    expect(res.status).toBe(201);
    return {
      id: res.body.id as string,
      email,
      password: PASSWORD,
      role,
      version: res.body.version as number,
    };
  }

  describe('POST /users', () => {
    it.each(ROLES.map((r) => [r]))(
      'creates a %s user: 201, the user without any hash, able to sign in',
      async (role) => {
        const email = newEmail(role);
        const nationalities = role === 'consular' ? ['THA', 'PHL'] : undefined;
        const res = await post({
          email,
          displayName: `New ${role}`,
          password: PASSWORD,
          role,
          nationalities,
        });
        expect(res.status).toBe(201);
        expect(res.body).toEqual({
          id: expect.stringMatching(/^[0-9a-f-]{36}$/),
          email,
          displayName: `New ${role}`,
          role,
          nationalities: role === 'consular' ? expect.arrayContaining(['THA', 'PHL']) : [],
          disabled: false,
          mustChangePassword: false,
          version: expect.any(Number),
          createdAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/),
          updatedAt: expect.stringMatching(/Z$/),
        });
        expect(res.body.nationalities).toHaveLength(role === 'consular' ? 2 : 0);
        expectNoSecrets(res.body, PASSWORD);

        const signedIn = await login(t, { id: res.body.id, email, password: PASSWORD, role });
        expect((await me(signedIn)).body).toEqual(expect.objectContaining({ id: res.body.id, role }));
      },
    );

    it('stores a hash, not the password', async () => {
      const { id } = await apiUser('analyst');
      const [row] = (await t.db.query('SELECT password_hash FROM users WHERE id = $1', [id])) as {
        password_hash: string;
      }[];
      expect(row.password_hash).not.toContain(PASSWORD);
      expect(row.password_hash).toMatch(/^\$argon2id\$/);
    });

    describe('refuses invalid bodies with 400 VALIDATION_FAILED naming the field, creating nothing', () => {
      const valid = () => ({
        email: newEmail('invalid'),
        displayName: 'Someone',
        password: PASSWORD,
        role: 'analyst',
      });
      const cases: [string, Record<string, unknown>, string | RegExp][] = [
        ['a password under 12 characters', { password: 'short-pw-11' }, 'password'],
        ['a password over 128 characters', { password: 'x'.repeat(129) }, 'password'],
        ['a password of whitespace only', { password: ' '.repeat(16) }, 'password'],
        ['a common password', { password: 'password1234' }, 'password'],
        ['a common password in capitals', { password: 'QWERTY123456' }, 'password'],
        ['a malformed email', { email: 'not-an-email' }, 'email'],
        ['an unknown role', { role: 'superuser' }, 'role'],
        ['a missing display name', { displayName: undefined }, 'displayName'],
        ['the field passwordHash', { passwordHash: '$argon2id$v=19$m=19456,t=2,p=1$x$y' }, 'passwordHash'],
        ['the field id', { id: randomUUID() }, 'id'],
        ['the field version', { version: 7 }, 'version'],
        ['the fields disabled and mfaSecret', { disabled: false, mfaSecret: 'x' }, 'mfaSecret'],
        ['a consular user without nationalities', { role: 'consular' }, 'nationalities'],
        [
          'a consular user with an empty nationalities list',
          { role: 'consular', nationalities: [] },
          'nationalities',
        ],
        [
          'nationalities for a non-consular role',
          { role: 'caseworker', nationalities: ['THA'] },
          'nationalities',
        ],
        [
          'an unknown nationality code',
          { role: 'consular', nationalities: ['THA', 'ZZZ'] },
          /^nationalities/,
        ],
        ['a lower-case nationality code', { role: 'consular', nationalities: ['tha'] }, /^nationalities/],
      ];
      it.each(cases)('%s', async (_name, change, field) => {
        const body = { ...valid(), ...change };
        const res = await post(body);
        expectFieldError(res, field);
        expect(await usersWithEmail(body.email as string)).toBe(0);
      });
    });

    it('answers 409 EMAIL_TAKEN for an email that differs only in letter case', async () => {
      const email = newEmail('Case.Sensitive');
      const first = await post({ email, displayName: 'First', password: PASSWORD, role: 'analyst' });
      expect(first.status).toBe(201);
      const second = await post({
        email: email.toUpperCase(),
        displayName: 'Second',
        password: PASSWORD,
        role: 'donor',
      });
      expectError(second, 409, 'EMAIL_TAKEN');
      expect(await usersWithEmail(email)).toBe(1);
    });

    it('writes neither the email, the name nor the password hash to the logs when it refuses a duplicate', async () => {
      const email = newEmail('logged');
      const displayName = `Distinctive Name ${randomUUID()}`;
      expect((await post({ email, displayName: 'First', password: PASSWORD, role: 'analyst' })).status).toBe(
        201,
      );
      const output = await captureOutput(() =>
        post({ email: email.toUpperCase(), displayName, password: PASSWORD, role: 'analyst' }),
      );
      expect(output.result.status).toBe(409);
      expect(output.text).not.toContain(displayName);
      expect(output.text.toLowerCase()).not.toContain(email.toLowerCase());
      expect(output.text).not.toContain('$argon2');
    });
  });

  describe('GET /users', () => {
    const list = (query: Record<string, string | number> = {}) =>
      t.http().get(`${API}/users`).query(query).set(admin.auth);

    beforeAll(async () => {
      // enough users for several pages, written straight to the table
      await t.db.query(
        `INSERT INTO users (email, display_name, password_hash, role)
         SELECT 'bulk-' || gen_random_uuid() || '@example.org', 'Bulk user', 'not-a-real-hash', 'analyst'
           FROM generate_series(1, 55)`,
      );
    });

    it('answers a page { items, nextCursor } of at most 50 by default, without hashes', async () => {
      const res = await list();
      expect(res.status).toBe(200);
      expect(Object.keys(res.body).sort()).toEqual(['items', 'nextCursor']);
      expect(res.body.items).toHaveLength(50);
      expect(typeof res.body.nextCursor).toBe('string');
      expect(res.body.items[0]).toEqual(
        expect.objectContaining({
          id: expect.any(String),
          email: expect.any(String),
          role: expect.any(String),
        }),
      );
      expectNoSecrets(res.body);
    });

    /** Every item of every page (or of the first `pages`), following nextCursor. */
    async function walk(limit: number, pages = 10_000): Promise<{ id: string; createdAt: string }[]> {
      const seen: { id: string; createdAt: string }[] = [];
      let cursor: string | null = null;
      for (let page = 0; page < pages; page++) {
        const res: Response = await list(cursor ? { limit, cursor } : { limit });
        expect(res.status).toBe(200);
        expect(res.body.items.length).toBeLessThanOrEqual(limit);
        seen.push(...res.body.items);
        cursor = res.body.nextCursor;
        if (cursor === null) break;
        expect(res.body.items).toHaveLength(limit);
      }
      return seen;
    }

    it('walks every user exactly once, newest first, page by page', async () => {
      const all = ((await t.db.query('SELECT id FROM users')) as { id: string }[]).map((r) => r.id);
      const seen = await walk(7);
      const ids = seen.map((u) => u.id);
      expect(new Set(ids).size).toBe(ids.length);
      expect([...ids].sort()).toEqual([...all].sort());
      const times = seen.map((u) => Date.parse(u.createdAt));
      expect(times.every((time, i) => i === 0 || time <= times[i - 1])).toBe(true);
    });

    it('does not skip users created within the same millisecond as the last one of a page', async () => {
      // Postgres keeps microseconds; three users 1 µs apart, newer than everyone else so they lead the list.
      const ids = (
        (await t.db.query(
          `INSERT INTO users (email, display_name, password_hash, role, created_at)
           SELECT 'same-ms-' || n || '-' || gen_random_uuid() || '@example.org', 'Same ms', 'not-a-real-hash', 'donor',
                  timestamptz '2999-01-01 00:00:00.000300+00' - make_interval(secs => n * 0.000001)
             FROM generate_series(0, 2) AS n
           RETURNING id`,
        )) as { id: string }[]
      ).map((r) => r.id);
      try {
        const firstThree = (await walk(1, 3)).map((u) => u.id);
        expect([...firstThree].sort()).toEqual([...ids].sort());
      } finally {
        await t.db.query('DELETE FROM users WHERE id = ANY($1::uuid[])', [ids]);
      }
    });

    it.each([['0'], ['201'], ['-1'], ['abc'], ['1.5']])(
      'refuses limit=%s with 400 VALIDATION_FAILED',
      async (limit) => {
        expectFieldError(await list({ limit }), 'limit');
      },
    );

    it('accepts limit=1 and limit=200', async () => {
      expect((await list({ limit: 1 })).body.items).toHaveLength(1);
      expect((await list({ limit: 200 })).status).toBe(200);
    });

    it('refuses a cursor it did not issue with 400', async () => {
      expectFieldError(await list({ cursor: 'not-a-cursor' }), 'cursor');
    });

    describe('filters: role, disabled, q over email and display name', () => {
      const tag = randomUUID().slice(0, 8);
      let made: Record<string, string>;

      beforeAll(async () => {
        const insert = async (email: string, displayName: string, role: Role, disabled = false) =>
          (
            (await t.db.query(
              `INSERT INTO users (email, display_name, password_hash, role, disabled)
               VALUES ($1, $2, 'not-a-real-hash', $3, $4) RETURNING id`,
              [email, displayName, role, disabled],
            )) as { id: string }[]
          )[0].id;
        made = {
          percent: await insert(`pct-${tag}@example.org`, `Filter ${tag} 100% Sure`, 'supervisor'),
          digits: await insert(`digits-${tag}@example.org`, `Filter ${tag} 1000 Sure`, 'supervisor'),
          underscore: await insert(`under_${tag}@example.org`, `Filter ${tag} Under`, 'donor', true),
          plain: await insert(`underx${tag}@example.org`, `Filter ${tag} Plain`, 'donor'),
          upper: await insert(`MiXeD-${tag}@Example.org`, `ÉLODIE ${tag.toUpperCase()}`, 'analyst'),
        };
      });

      /** Ids of every page's items, following nextCursor (small pages, so the filters page too). */
      async function ids(query: Record<string, string>): Promise<string[]> {
        const seen: string[] = [];
        let cursor: string | undefined;
        for (;;) {
          const res = await list({ ...query, limit: 2, ...(cursor ? { cursor } : {}) });
          expect(res.status).toBe(200);
          seen.push(...res.body.items.map((u: { id: string }) => u.id));
          if (!res.body.nextCursor) return seen;
          cursor = res.body.nextCursor;
        }
      }

      it('q matches the email or the display name without regard to case', async () => {
        expect((await ids({ q: `filter ${tag}` })).sort()).toEqual(
          [made.percent, made.digits, made.underscore, made.plain].sort(),
        );
        expect(await ids({ q: `mixed-${tag}@EXAMPLE` })).toEqual([made.upper]);
        expect(await ids({ q: `élodie ${tag}` })).toEqual([made.upper]);
      });

      it('q takes % and _ literally', async () => {
        expect(await ids({ q: `${tag} 100%` })).toEqual([made.percent]);
        expect(await ids({ q: `under_${tag}` })).toEqual([made.underscore]);
        expect(await ids({ q: `%${tag}` })).toEqual([]);
      });

      it('role and disabled narrow the list, together with q', async () => {
        const supervisors = await list({ role: 'supervisor', limit: 200 });
        expect(supervisors.body.items.every((u: { role: string }) => u.role === 'supervisor')).toBe(true);
        expect((await ids({ q: tag, role: 'donor' })).sort()).toEqual([made.underscore, made.plain].sort());
        expect(await ids({ q: tag, disabled: 'true' })).toEqual([made.underscore]);
        expect(await ids({ q: tag, role: 'donor', disabled: 'false' })).toEqual([made.plain]);
        const disabled = await list({ disabled: 'true', limit: 200 });
        expect(disabled.body.items.every((u: { disabled: boolean }) => u.disabled)).toBe(true);
      });

      it.each([
        ['role', { role: 'root' }],
        ['disabled', { disabled: 'yes' }],
        ['q', { q: '' }],
        ['q', { q: 'x'.repeat(201) }],
      ])('refuses a bad %s with 400 naming it', async (field, query) => {
        expectFieldError(await list(query), field);
      });
    });

    it('refuses an unknown query parameter with 400', async () => {
      expectFieldError(await list({ role: 'admin', sort: 'email' }), 'sort');
    });
  });

  describe('GET /users/directory', () => {
    const directory = (as: SignedIn) => t.http().get(`${API}/users/directory`).set(as.auth);

    it('lists every active admin, supervisor and caseworker by name: id, displayName and role only', async () => {
      const tag = randomUUID().slice(0, 8);
      const staff = await Promise.all(
        (['caseworker', 'supervisor', 'admin'] as const).map((role) => apiUser(role)),
      );
      const others = await Promise.all(
        (['consular', 'analyst', 'donor'] as const).map((role) =>
          apiUser(role, role === 'consular' ? ['THA'] : undefined),
        ),
      );
      const gone = await apiUser('caseworker');
      expect((await patch(gone.id, { disabled: true }, `"${gone.version}"`)).status).toBe(200);
      await t.db.query(`UPDATE users SET display_name = $2 || display_name WHERE id = $1`, [
        staff[0].id,
        tag,
      ]);

      const caseworker = await loginAs(t, 'caseworker');
      const res = await directory(caseworker);
      expect(res.status).toBe(200);
      expect(res.headers['cache-control']).toBe('no-store');
      expect(Object.keys(res.body)).toEqual(['items']);
      const items = res.body.items as { id: string; displayName: string; role: string }[];
      for (const item of items) expect(Object.keys(item).sort()).toEqual(['displayName', 'id', 'role']);
      const ids = items.map((i) => i.id);
      for (const user of staff) expect(ids).toContain(user.id);
      for (const user of [...others, gone]) expect(ids).not.toContain(user.id);
      expect(items.every((i) => ['admin', 'supervisor', 'caseworker'].includes(i.role))).toBe(true);
      expect(items.find((i) => i.id === staff[0].id)).toEqual({
        id: staff[0].id,
        displayName: `${tag}API caseworker`,
        role: 'caseworker',
      });
      const names = items.map((i) => i.displayName.toLowerCase());
      expect(names).toEqual([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
      expectNoSecrets(res.body);
      expect(JSON.stringify(res.body)).not.toContain('@example.org');
    });

    it('is open to admin, supervisor and caseworker, and audited as a read', async () => {
      for (const role of ['admin', 'supervisor', 'caseworker'] as const) {
        const reader = await loginAs(t, role);
        expect((await directory(reader)).status).toBe(200);
        const [entry] = (await t.db.query(
          `SELECT actor_role, details FROM audit_entries
            WHERE action = 'user.directory.read' AND actor_id = $1`,
          [reader.id],
        )) as { actor_role: string; details: { returned: number } }[];
        expect(entry).toEqual({ actor_role: role, details: { returned: expect.any(Number) } });
      }
    });

    it.each([['consular'], ['analyst'], ['donor']] as const)(
      'answers 403 FORBIDDEN to a %s',
      async (role) => {
        expectError(await directory(await loginAs(t, role)), 403, 'FORBIDDEN');
      },
    );

    it('answers 401 without a token', async () => {
      expectError(await t.http().get(`${API}/users/directory`), 401, 'UNAUTHENTICATED');
    });
  });

  describe('GET /users/:id', () => {
    it('answers the user with ETag "<version>"', async () => {
      const created = await apiUser('supervisor');
      const res = await get(created.id);
      expect(res.status).toBe(200);
      expect(res.body).toEqual(
        expect.objectContaining({ id: created.id, email: created.email, role: 'supervisor' }),
      );
      expect(res.headers.etag).toBe(`"${res.body.version}"`);
      expectNoSecrets(res.body, PASSWORD);
    });

    it('audits each read of a staff record, single and listed', async () => {
      const created = await apiUser('analyst');
      const reads = async () =>
        (
          await t.db.query(
            `SELECT count(*)::int AS n FROM audit_entries WHERE action = 'user.read' AND entity_id = $1`,
            [created.id],
          )
        )[0].n as number;
      const before = await reads();
      expect((await get(created.id)).status).toBe(200);
      expect(await reads()).toBe(before + 1);
    });

    it('answers 404 NOT_FOUND for an unknown id and 400 for a malformed one', async () => {
      expectError(await get(randomUUID()), 404, 'NOT_FOUND');
      expectError(await get('not-a-uuid'), 400, 'VALIDATION_FAILED');
    });
  });

  describe('PATCH /users/:id', () => {
    it('answers 428 PRECONDITION_REQUIRED without If-Match, changing nothing', async () => {
      const user = await apiUser('caseworker');
      expectError(await patch(user.id, { displayName: 'Renamed' }), 428, 'PRECONDITION_REQUIRED');
      expect((await get(user.id)).body).toEqual(
        expect.objectContaining({ displayName: 'API caseworker', version: user.version }),
      );
    });

    it('answers 412 VERSION_MISMATCH for a stale If-Match, changing nothing', async () => {
      const user = await apiUser('caseworker');
      expectError(
        await patch(user.id, { displayName: 'Renamed' }, `"${user.version + 5}"`),
        412,
        'VERSION_MISMATCH',
      );
      expect((await get(user.id)).body.displayName).toBe('API caseworker');
    });

    it('applies a change with the current version and returns the new ETag; the old one is then stale', async () => {
      const user = await apiUser('caseworker');
      const etag = (await get(user.id)).headers.etag;
      const res = await patch(user.id, { displayName: 'Renamed' }, etag);
      expect(res.status).toBe(200);
      expect(res.body).toEqual(
        expect.objectContaining({ id: user.id, displayName: 'Renamed', version: user.version + 1 }),
      );
      expect(res.headers.etag).toBe(`"${user.version + 1}"`);
      expectNoSecrets(res.body, PASSWORD);

      expectError(await patch(user.id, { displayName: 'Again' }, etag), 412, 'VERSION_MISMATCH');
      expect((await patch(user.id, { displayName: 'Again' }, res.headers.etag)).status).toBe(200);
    });

    it('validates before it looks at If-Match, and answers 404 for an unknown user before If-Match', async () => {
      const user = await apiUser('caseworker');
      expectFieldError(await patch(user.id, { role: 'root' }), 'role');
      expectError(await patch(randomUUID(), { displayName: 'x' }), 404, 'NOT_FOUND');
    });

    it.each([
      ['email', { email: 'new@example.org' }],
      ['password', { password: 'a-brand-new-password' }],
      ['passwordHash', { passwordHash: 'x' }],
      ['version', { version: 99 }],
      ['id', { id: '00000000-0000-0000-0000-000000000000' }],
    ])('refuses the field %s with 400', async (field, body) => {
      const user = await apiUser('caseworker');
      expectFieldError(await patch(user.id, body, `"${user.version}"`), field);
      expect((await get(user.id)).body.version).toBe(user.version);
    });

    it('keeps the consular rules on update: nationalities only and always for consular users, known codes only', async () => {
      const caseworker = await apiUser('caseworker');
      const v = `"${caseworker.version}"`;
      expectFieldError(await patch(caseworker.id, { nationalities: ['THA'] }, v), 'nationalities');
      expectFieldError(await patch(caseworker.id, { role: 'consular' }, v), 'nationalities');
      expectFieldError(
        await patch(caseworker.id, { role: 'consular', nationalities: ['ZZZ'] }, v),
        /^nationalities/,
      );
      const consular = await patch(caseworker.id, { role: 'consular', nationalities: ['MMR'] }, v);
      expect(consular.status).toBe(200);
      expect(consular.body.nationalities).toEqual(['MMR']);
      expectFieldError(
        await patch(caseworker.id, { nationalities: [] }, consular.headers.etag),
        'nationalities',
      );
      // leaving the consular role drops the countries
      const back = await patch(caseworker.id, { role: 'analyst' }, consular.headers.etag);
      expect(back.status).toBe(200);
      expect(back.body).toEqual(expect.objectContaining({ role: 'analyst', nationalities: [] }));
    });
  });

  describe('a change applies to the user’s very next request, same token', () => {
    async function signedInViaApi(role: Role, nationalities?: string[]) {
      const user = await apiUser(role, nationalities);
      return { ...(await login(t, user)), version: user.version };
    }

    it('a demoted admin loses /users at once (admin → supervisor)', async () => {
      const other = await signedInViaApi('admin');
      expect((await t.http().get(`${API}/users`).set(other.auth)).status).toBe(200);
      expect((await patch(other.id, { role: 'supervisor' }, `"${other.version}"`)).status).toBe(200);
      expectError(await t.http().get(`${API}/users`).set(other.auth), 403, 'FORBIDDEN');
      expect((await me(other)).body.role).toBe('supervisor');
    });

    it('a caseworker made analyst still gets 403 on /audit, and one made admin gets /audit at once', async () => {
      const user = await signedInViaApi('caseworker');
      expectError(await t.http().get(`${API}/audit`).set(user.auth), 403, 'FORBIDDEN');
      const analyst = await patch(user.id, { role: 'analyst' }, `"${user.version}"`);
      expect(analyst.status).toBe(200);
      expect((await me(user)).body.role).toBe('analyst');
      expectError(await t.http().get(`${API}/audit`).set(user.auth), 403, 'FORBIDDEN');
      expect((await patch(user.id, { role: 'admin' }, analyst.headers.etag)).status).toBe(200);
      expect((await t.http().get(`${API}/audit`).query({ limit: 1 }).set(user.auth)).status).toBe(200);
    });

    it('a disabled user gets 401 on the next request and cannot refresh or sign in', async () => {
      const user = await signedInViaApi('caseworker');
      expect((await me(user)).status).toBe(200);
      const res = await patch(user.id, { disabled: true }, `"${user.version}"`);
      expect(res.status).toBe(200);
      expect(res.body.disabled).toBe(true);
      expectError(await me(user), 401, 'UNAUTHENTICATED');
      expect(
        (await t.http().post(`${API}/auth/refresh`).send({ refreshToken: user.refreshToken })).status,
      ).toBe(401);
      expectError(
        await t.http().post(`${API}/auth/login`).send({ email: user.email, password: user.password }),
        401,
        'INVALID_CREDENTIALS',
      );
    });

    it("a consular user's new countries show in GET /auth/me on the next request", async () => {
      const user = await signedInViaApi('consular', ['THA']);
      expect((await me(user)).body.nationalities).toEqual(['THA']);
      const res = await patch(user.id, { nationalities: ['PHL', 'SGP'] }, `"${user.version}"`);
      expect(res.status).toBe(200);
      expect([...(await me(user)).body.nationalities].sort()).toEqual(['PHL', 'SGP']);
    });
  });

  describe('non-admin roles', () => {
    let target: { id: string; version: number };
    beforeAll(async () => {
      target = await apiUser('donor');
    });

    describe.each(NON_ADMIN_ROLES.map((r) => [r]))('%s', (role) => {
      let caller: SignedIn;
      beforeAll(async () => {
        caller = await loginAs(t, role);
      });

      it('gets 403 FORBIDDEN on GET /users and GET /users/:id', async () => {
        expectError(await t.http().get(`${API}/users`).set(caller.auth), 403, 'FORBIDDEN');
        expectError(await get(target.id, caller), 403, 'FORBIDDEN');
        expectError(await get(caller.id, caller), 403, 'FORBIDDEN');
      });

      it('gets 403 FORBIDDEN on POST /users, valid body or not, and nothing is created', async () => {
        const email = newEmail('by-non-admin');
        expectError(
          await post({ email, displayName: 'X', password: PASSWORD, role: 'admin' }, caller),
          403,
          'FORBIDDEN',
        );
        expectError(await post({ nonsense: true }, caller), 403, 'FORBIDDEN');
        expect(await usersWithEmail(email)).toBe(0);
      });

      it('gets 403 FORBIDDEN on PATCH /users/:id, even on its own account, and nothing changes', async () => {
        expectError(
          await patch(target.id, { role: 'admin' }, `"${target.version}"`, caller),
          403,
          'FORBIDDEN',
        );
        expectError(await patch(caller.id, { role: 'admin' }, '"1"', caller), 403, 'FORBIDDEN');
        expect((await get(target.id)).body).toEqual(
          expect.objectContaining({ role: 'donor', version: target.version }),
        );
        expect((await me(caller)).body.role).toBe(role);
      });
    });
  });

  it('answers 401 on every /users route without a token', async () => {
    const user = await createUser(t, 'donor');
    expectError(await t.http().get(`${API}/users`), 401, 'UNAUTHENTICATED');
    expectError(await t.http().get(`${API}/users/${user.id}`), 401, 'UNAUTHENTICATED');
    expectError(await t.http().post(`${API}/users`).send({}), 401, 'UNAUTHENTICATED');
    expectError(await t.http().patch(`${API}/users/${user.id}`).send({}), 401, 'UNAUTHENTICATED');
  });
});
