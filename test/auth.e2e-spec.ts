import { JwtService } from '@nestjs/jwt';
import { randomInt, randomUUID } from 'node:crypto';
import type { Response } from 'supertest';
import { JWT_AUDIENCE, JWT_ISSUER } from '../src/auth/jwt-options';
import {
  API,
  createTestApp,
  createUser,
  expectError,
  login,
  loginAs,
  type SignedIn,
  type TestApp,
  type TestUser,
} from './support/app';

const withoutRequestId = (body: Record<string, unknown>) => {
  const { requestId: _requestId, ...rest } = body;
  return rest;
};

/** A refused refresh: 401 in the error shape (the contract names no code for it). */
function expectRefreshRefused(res: Response): void {
  expect(res.status).toBe(401);
  expect(res.body).toEqual(expect.objectContaining({ statusCode: 401, code: expect.any(String) }));
  expect(res.body.accessToken).toBeUndefined();
}

const b64url = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

describe('Auth', () => {
  let t: TestApp;
  let jwt: JwtService;

  beforeAll(async () => {
    t = await createTestApp();
    jwt = t.app.get(JwtService);
  });
  afterAll(() => t.close());

  const signIn = (email: string, password: string) =>
    t.http().post(`${API}/auth/login`).send({ email, password });
  const me = (token: string) => t.http().get(`${API}/auth/me`).set('Authorization', `Bearer ${token}`);
  const refresh = (refreshToken: string) => t.http().post(`${API}/auth/refresh`).send({ refreshToken });
  const sessionOf = (accessToken: string) => jwt.decode<{ sub: string; sid: string }>(accessToken).sid;

  /** The 401 every unusable access token gets. */
  async function expectTokenRefused(token: string): Promise<void> {
    expectError(await me(token), 401, 'UNAUTHENTICATED');
  }

  describe('POST /auth/login', () => {
    it('answers 200 with an access token, a refresh token, its lifetime and the user', async () => {
      const user = await createUser(t, 'caseworker');
      const res = await signIn(user.email, user.password);
      expect(res.status).toBe(200);
      expect(res.body).toEqual({
        accessToken: expect.any(String),
        refreshToken: expect.any(String),
        expiresIn: expect.any(Number),
        mustChangePassword: false,
        mfaEnrollmentRequired: false,
        user: {
          id: user.id,
          email: user.email,
          displayName: 'Test caseworker',
          role: 'caseworker',
          nationalities: [],
          mfaEnabled: false,
        },
      });
      const claims = jwt.decode<{ iat: number; exp: number; sub: string }>(res.body.accessToken);
      expect(claims.sub).toBe(user.id);
      expect(claims.exp - claims.iat).toBe(res.body.expiresIn);
      expect((await me(res.body.accessToken)).status).toBe(200);
    });

    it('accepts the email in any letter case', async () => {
      const user = await createUser(t, 'analyst');
      const res = await signIn(user.email.toUpperCase(), user.password);
      expect(res.status).toBe(200);
      expect(res.body.user.id).toBe(user.id);
    });

    it('gives a wrong password and an unknown email the same 401 INVALID_CREDENTIALS', async () => {
      const user = await createUser(t, 'caseworker');
      const wrongPassword = await signIn(user.email, `${user.password}x`);
      const unknownEmail = await signIn(`nobody-${randomUUID()}@example.org`, user.password);
      expectError(wrongPassword, 401, 'INVALID_CREDENTIALS');
      expectError(unknownEmail, 401, 'INVALID_CREDENTIALS');
      expect(withoutRequestId(wrongPassword.body)).toEqual(withoutRequestId(unknownEmail.body));
      expect(wrongPassword.body.accessToken).toBeUndefined();
    });

    it('gives a disabled user the same 401 even with the right password', async () => {
      const user = await createUser(t, 'supervisor');
      await t.db.query('UPDATE users SET disabled = true WHERE id = $1', [user.id]);
      const disabled = await signIn(user.email, user.password);
      const wrongPassword = await signIn(user.email, 'not-the-password-at-all');
      expectError(disabled, 401, 'INVALID_CREDENTIALS');
      expect(withoutRequestId(disabled.body)).toEqual(withoutRequestId(wrongPassword.body));
    });

    it('refuses a body without email or password with 400 VALIDATION_FAILED', async () => {
      const res = await t.http().post(`${API}/auth/login`).send({ email: 'a@example.org' });
      expectError(res, 400, 'VALIDATION_FAILED');
      expect(res.body.details).toEqual(
        expect.arrayContaining([expect.objectContaining({ field: 'password' })]),
      );
    });
  });

  describe('lockout after 5 failed sign-ins for one email', () => {
    async function failFiveTimes(email: string): Promise<void> {
      for (let i = 0; i < 5; i++) {
        expectError(await signIn(email, `wrong-password-${i}`), 401, 'INVALID_CREDENTIALS');
      }
    }

    function expectLocked(res: Response): void {
      expectError(res, 429, 'LOGIN_LOCKED');
      const retryAfter = Number(res.headers['retry-after']);
      expect(Number.isInteger(retryAfter)).toBe(true);
      expect(retryAfter).toBeGreaterThan(0);
      expect(retryAfter).toBeLessThanOrEqual(15 * 60);
    }

    it('locks an existing account: 429 LOGIN_LOCKED with Retry-After even with the right password', async () => {
      const user = await createUser(t, 'caseworker');
      await failFiveTimes(user.email);
      expectLocked(await signIn(user.email, user.password));
      expectLocked(await signIn(user.email.toUpperCase(), user.password));
    });

    it('locks an email no account has, answering exactly as for an existing one', async () => {
      const user = await createUser(t, 'caseworker');
      const unknown = `ghost-${randomUUID()}@example.org`;
      await failFiveTimes(user.email);
      await failFiveTimes(unknown);
      const existing = await signIn(user.email, user.password);
      const missing = await signIn(unknown, 'whatever-password');
      expectLocked(existing);
      expectLocked(missing);
      expect(withoutRequestId(missing.body)).toEqual(withoutRequestId(existing.body));
    });

    it('counts failures per email whatever the letter case, and only for that email', async () => {
      const user = await createUser(t, 'caseworker');
      const other = await createUser(t, 'caseworker');
      const capitalised = user.email[0].toUpperCase() + user.email.slice(1);
      for (const variant of [user.email, user.email.toUpperCase(), capitalised, user.email, user.email]) {
        await signIn(variant, 'wrong-password!');
      }
      expectLocked(await signIn(user.email, user.password));
      expect((await signIn(other.email, other.password)).status).toBe(200);
    });

    it('does not lock on the fourth failure', async () => {
      const user = await createUser(t, 'caseworker');
      for (let i = 0; i < 4; i++) await signIn(user.email, 'wrong-password!');
      expect((await signIn(user.email, user.password)).status).toBe(200);
    });

    it('lets the right password in again once the lock has ended, and counts failures afresh', async () => {
      const user = await createUser(t, 'caseworker');
      await failFiveTimes(user.email);
      expectLocked(await signIn(user.email, user.password));

      await t.db.query(
        `UPDATE login_failures SET locked_until = now() - interval '1 second',
                window_started_at = now() - interval '16 minutes' WHERE email_key = lower($1)`,
        [user.email],
      );
      expectError(await signIn(user.email, 'wrong-password!'), 401, 'INVALID_CREDENTIALS');
      const res = await signIn(user.email, user.password);
      expect(res.status).toBe(200);
      expect(res.body.user.id).toBe(user.id);
    });

    it('does not lock for 5 failures spread over more than 15 minutes', async () => {
      const user = await createUser(t, 'caseworker');
      for (let i = 0; i < 4; i++) await signIn(user.email, 'wrong-password!');
      await t.db.query(
        `UPDATE login_failures SET window_started_at = now() - interval '16 minutes' WHERE email_key = lower($1)`,
        [user.email],
      );
      expectError(await signIn(user.email, 'wrong-password!'), 401, 'INVALID_CREDENTIALS');
      expect((await signIn(user.email, user.password)).status).toBe(200);
    });
  });

  describe('per-IP throttling', () => {
    // The counters are shared by every app on the database (as instances in production are): each
    // test signs in from an address of its own, through a proxy the app trusts.
    const someAddress = () => `10.${[0, 0, 0].map(() => randomInt(1, 255)).join('.')}`;
    let throttled: TestApp;
    beforeAll(async () => {
      throttled = await createTestApp({
        AUTH_THROTTLE_LIMIT: '3',
        AUTH_THROTTLE_TTL_SECONDS: '60',
        TRUST_PROXY: 'true',
      });
    });
    afterAll(async () => {
      await throttled.close();
    });

    it('answers 429 THROTTLED with Retry-After past the limit, whatever the emails', async () => {
      const address = someAddress();
      const attempt = () =>
        throttled
          .http()
          .post(`${API}/auth/login`)
          .set('X-Forwarded-For', address)
          .send({ email: `ip-${randomUUID()}@example.org`, password: 'some-password-1' });
      for (let i = 0; i < 3; i++) expectError(await attempt(), 401, 'INVALID_CREDENTIALS');
      const res = await attempt();
      expectError(res, 429, 'THROTTLED');
      expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
      // Another address is not held back by this one.
      const other = await throttled
        .http()
        .post(`${API}/auth/login`)
        .set('X-Forwarded-For', someAddress())
        .send({ email: `ip-${randomUUID()}@example.org`, password: 'some-password-1' });
      expectError(other, 401, 'INVALID_CREDENTIALS');
    });

    it('throttles only the routes that take credentials: /auth/me keeps answering', async () => {
      const office = await createTestApp({
        AUTH_THROTTLE_LIMIT: '2',
        AUTH_THROTTLE_TTL_SECONDS: '60',
        TRUST_PROXY: 'true',
      });
      try {
        const address = someAddress();
        const user = await createUser(office, 'caseworker');
        const signIn = (email: string, password: string) =>
          office.http().post(`${API}/auth/login`).set('X-Forwarded-For', address).send({ email, password });
        const signedIn = await signIn(user.email, user.password);
        expect(signedIn.status).toBe(200);
        for (let i = 0; i < 6; i++) {
          const me = await office
            .http()
            .get(`${API}/auth/me`)
            .set('X-Forwarded-For', address)
            .set('Authorization', `Bearer ${signedIn.body.accessToken}`);
          expect(me.status).toBe(200);
        }
        await signIn('x@example.org', 'y');
        expectError(await signIn('x@example.org', 'y'), 429, 'THROTTLED');
      } finally {
        await office.close();
      }
    });
  });

  describe('POST /auth/refresh', () => {
    it('rotates: a new pair that works, and the presented refresh token is spent', async () => {
      const user = await login(t, await createUser(t, 'caseworker'));
      const res = await refresh(user.refreshToken);
      expect(res.status).toBe(200);
      expect(res.body).toEqual({
        accessToken: expect.any(String),
        refreshToken: expect.any(String),
        expiresIn: expect.any(Number),
        mustChangePassword: false,
        mfaEnrollmentRequired: false,
        user: expect.objectContaining({ id: user.id, role: 'caseworker' }),
      });
      expect(res.body.refreshToken).not.toBe(user.refreshToken);
      expect((await me(res.body.accessToken)).status).toBe(200);

      expectRefreshRefused(await refresh(user.refreshToken));
    });

    it('keeps rotating along the chain', async () => {
      const user = await login(t, await createUser(t, 'caseworker'));
      let current = user.refreshToken;
      for (let i = 0; i < 3; i++) {
        const res = await refresh(current);
        expect(res.status).toBe(200);
        current = res.body.refreshToken;
      }
    });

    it('revokes the whole login when a spent refresh token is presented again', async () => {
      const user = await login(t, await createUser(t, 'caseworker'));
      const rotated = await refresh(user.refreshToken);
      expect(rotated.status).toBe(200);
      const otherLogin = await login(t, user);

      expectRefreshRefused(await refresh(user.refreshToken));

      await expectTokenRefused(rotated.body.accessToken);
      await expectTokenRefused(user.token);
      expectRefreshRefused(await refresh(rotated.body.refreshToken));
      // Another login of the same user is not that login.
      expect((await me(otherLogin.token)).status).toBe(200);
    });

    it('refuses a refresh token it never issued', async () => {
      expectRefreshRefused(await refresh(`${randomUUID()}.${'a'.repeat(43)}`));
      expectRefreshRefused(await refresh('garbage'));
      const user = await login(t, await createUser(t, 'caseworker'));
      const [id] = user.refreshToken.split('.');
      expectRefreshRefused(await refresh(`${id}.${'b'.repeat(43)}`));
      // guessing the secret did not spend or revoke the real token
      expect((await refresh(user.refreshToken)).status).toBe(200);
    });

    it('refuses a disabled user a new pair', async () => {
      const user = await login(t, await createUser(t, 'caseworker'));
      await t.db.query('UPDATE users SET disabled = true WHERE id = $1', [user.id]);
      expectRefreshRefused(await refresh(user.refreshToken));
    });
  });

  describe('POST /auth/logout', () => {
    it('answers 204; the access token and the refresh token of that login stop working at once', async () => {
      const user = await login(t, await createUser(t, 'caseworker'));
      const otherLogin = await login(t, user);
      const res = await t
        .http()
        .post(`${API}/auth/logout`)
        .set(user.auth)
        .send({ refreshToken: user.refreshToken });
      expect(res.status).toBe(204);
      expect(res.text).toBe('');

      await expectTokenRefused(user.token);
      expectRefreshRefused(await refresh(user.refreshToken));
      expect((await me(otherLogin.token)).status).toBe(200);
    });

    it('needs a bearer token', async () => {
      const user = await login(t, await createUser(t, 'caseworker'));
      const res = await t.http().post(`${API}/auth/logout`).send({ refreshToken: user.refreshToken });
      expectError(res, 401, 'UNAUTHENTICATED');
      expect((await me(user.token)).status).toBe(200);
    });
  });

  describe('access tokens', () => {
    let user: SignedIn;
    let claims: { sub: string; sid: string };
    beforeAll(async () => {
      user = await loginAs(t, 'caseworker');
      claims = { sub: user.id, sid: sessionOf(user.token) };
    });

    it('accepts a token the app signs for a live login (the control for the cases below)', async () => {
      expect((await me(jwt.sign(claims))).status).toBe(200);
    });

    it('refuses an expired token with 401', async () => {
      await expectTokenRefused(jwt.sign(claims, { expiresIn: -60 }));
    });

    it('refuses a token with one character of its signature changed', async () => {
      const [header, payload, signature] = user.token.split('.');
      const i = 10; // inside the signature: every bit of this character counts
      const changed = signature.slice(0, i) + (signature[i] === 'A' ? 'B' : 'A') + signature.slice(i + 1);
      await expectTokenRefused(`${header}.${payload}.${changed}`);
    });

    it('refuses a token signed with another secret', async () => {
      await expectTokenRefused(
        jwt.sign(claims, { secret: 'another-secret-that-is-long-enough-to-use-1234' }),
      );
    });

    it('refuses an unsigned token (alg: none)', async () => {
      const now = Math.floor(Date.now() / 1000);
      const body = { ...claims, iat: now, exp: now + 600, iss: JWT_ISSUER, aud: JWT_AUDIENCE };
      await expectTokenRefused(`${b64url({ alg: 'none', typ: 'JWT' })}.${b64url(body)}.`);
    });

    it('refuses a token for another audience or issuer', async () => {
      await expectTokenRefused(jwt.sign(claims, { audience: 'someone-else' }));
      await expectTokenRefused(jwt.sign(claims, { issuer: 'someone-else' }));
    });

    it('refuses a well-signed token naming no live login', async () => {
      await expectTokenRefused(jwt.sign({ sub: user.id, sid: randomUUID() }));
      await expectTokenRefused(jwt.sign({ sub: randomUUID(), sid: claims.sid }));
    });

    it('refuses a missing, empty or non-bearer Authorization header', async () => {
      expectError(await t.http().get(`${API}/auth/me`), 401, 'UNAUTHENTICATED');
      expectError(
        await t.http().get(`${API}/auth/me`).set('Authorization', 'Bearer '),
        401,
        'UNAUTHENTICATED',
      );
      expectError(
        await t.http().get(`${API}/auth/me`).set('Authorization', `Basic ${user.token}`),
        401,
        'UNAUTHENTICATED',
      );
    });
  });

  describe('GET /auth/me', () => {
    it('answers the caller, with nationalities [] for a non-consular role', async () => {
      const user = await loginAs(t, 'donor');
      const res = await me(user.token);
      expect(res.status).toBe(200);
      expect(res.body).toEqual({
        id: user.id,
        email: user.email,
        displayName: 'Test donor',
        role: 'donor',
        nationalities: [],
        mfaEnabled: false,
      });
    });

    it("lists a consular user's countries", async () => {
      const user = await loginAs(t, 'consular', ['THA', 'PHL']);
      const res = await me(user.token);
      expect(res.status).toBe(200);
      expect(res.body).toEqual(expect.objectContaining({ id: user.id, role: 'consular' }));
      expect([...res.body.nationalities].sort()).toEqual(['PHL', 'THA']);
    });
  });

  describe('the 12 h absolute limit of a login', () => {
    let user: TestUser;
    beforeAll(async () => {
      user = await createUser(t, 'caseworker');
    });

    it('is set to 12 hours at sign-in and not extended by refreshing', async () => {
      const signedIn = await login(t, user);
      const sid = sessionOf(signedIn.token);
      const lengthOf = async () =>
        (
          (await t.db.query(
            `SELECT extract(epoch FROM expires_at - created_at)::int AS seconds, expires_at FROM auth_sessions WHERE id = $1`,
            [sid],
          )) as { seconds: number; expires_at: Date }[]
        )[0];
      const before = await lengthOf();
      expect(before.seconds).toBe(12 * 3600);
      expect((await refresh(signedIn.refreshToken)).status).toBe(200);
      expect((await lengthOf()).expires_at).toEqual(before.expires_at);
    });

    it('ends the login when it is reached: access token 401, refresh refused', async () => {
      const signedIn = await login(t, user);
      expect((await me(signedIn.token)).status).toBe(200);
      await t.db.query(`UPDATE auth_sessions SET expires_at = now() - interval '1 second' WHERE id = $1`, [
        sessionOf(signedIn.token),
      ]);
      await expectTokenRefused(signedIn.token);
      expectRefreshRefused(await refresh(signedIn.refreshToken));
    });
  });
});
