import { randomInt } from 'node:crypto';
import passport from 'passport';
import { JwtStrategy } from '../src/auth/jwt.strategy';
import { API, createTestApp, createUser, expectError, SignedIn, TestApp, TestUser } from './support/app';
import { insertPeople } from './support/people';

/**
 * Two app instances on one database behave as one (issue 10, finding 11): what one instance counts or
 * revokes, the other sees at once. Each instance is a whole app with its own connection pool; nothing
 * is shared between them but PostgreSQL.
 */
describe('Two app instances on one database', () => {
  // Low limits, the same on both, as a deployment would configure them.
  const env = {
    AUTH_THROTTLE_LIMIT: '4',
    AUTH_THROTTLE_TTL_SECONDS: '600',
    USER_THROTTLE_LIMIT: '3',
    USER_THROTTLE_TTL_SECONDS: '600',
    READ_ALERT_PER_HOUR: '3',
    // Each sign-in below comes from an address of its own (through a proxy), so that the per-address
    // sign-in throttle counts only where a test means it to.
    TRUST_PROXY: 'true',
  };
  let a: TestApp;
  let b: TestApp;
  beforeAll(async () => {
    a = await createTestApp(env);
    b = await createTestApp(env);
  });
  afterAll(async () => {
    await b.close();
    await a.close();
  });

  /**
   * Requests to one instance. Passport keeps one process-wide strategy registry (see support/app.ts):
   * the instance asked checks tokens with its own strategy, services and pool.
   */
  const on = (instance: TestApp) => {
    passport.use('jwt', instance.app.get(JwtStrategy));
    return instance.http();
  };
  const someAddress = () => `10.${[0, 0, 0].map(() => randomInt(1, 255)).join('.')}`;
  const signIn = (instance: TestApp, email: string, password: string, address = someAddress()) =>
    on(instance).post(`${API}/auth/login`).set('X-Forwarded-For', address).send({ email, password });
  async function signedIn(instance: TestApp, user: TestUser): Promise<SignedIn> {
    const res = await signIn(instance, user.email, user.password);
    expect(res.status).toBe(200);
    const { accessToken, refreshToken } = res.body as { accessToken: string; refreshToken: string };
    return { ...user, token: accessToken, refreshToken, auth: { Authorization: `Bearer ${accessToken}` } };
  }

  it('a lockout made through A refuses the right password on B', async () => {
    const user = await createUser(a, 'caseworker');
    for (let i = 0; i < 5; i++)
      expectError(await signIn(a, user.email, 'wrong-password!'), 401, 'INVALID_CREDENTIALS');
    const res = await signIn(b, user.email, user.password);
    expectError(res, 429, 'LOGIN_LOCKED');
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('a logout on A makes the access token fail on B at once', async () => {
    const user = await signedIn(a, await createUser(a, 'caseworker'));
    expect((await on(b).get(`${API}/auth/me`).set(user.auth)).status).toBe(200);
    const logout = await on(a)
      .post(`${API}/auth/logout`)
      .set(user.auth)
      .send({ refreshToken: user.refreshToken });
    expect(logout.status).toBe(204);
    expectError(await on(b).get(`${API}/auth/me`).set(user.auth), 401, 'UNAUTHENTICATED');
    expectError(
      await on(b)
        .post(`${API}/auth/refresh`)
        .set('X-Forwarded-For', someAddress())
        .send({ refreshToken: user.refreshToken }),
      401,
      'INVALID_REFRESH_TOKEN',
    );
  });

  it('sign-ins from one address are counted on A and B together', async () => {
    const address = someAddress();
    const attempt = (instance: TestApp) => signIn(instance, 'nobody@example.org', 'some-password-1', address);
    for (const instance of [a, b, a, b]) expectError(await attempt(instance), 401, 'INVALID_CREDENTIALS');
    expectError(await attempt(a), 429, 'THROTTLED');
    expectError(await attempt(b), 429, 'THROTTLED');
  });

  it('a user’s calls to an expensive route are counted on A and B together', async () => {
    const user = await signedIn(a, await createUser(a, 'caseworker'));
    const search = (instance: TestApp) =>
      // A name nobody holds: the search shows no one, so the bulk-read limit (3 here) stays out of it
      // whatever people the specs before this one left in the worker's database.
      on(instance).get(`${API}/people/duplicates`).query({ givenName: 'Xqzjvkw' }).set(user.auth);
    for (const instance of [a, b, a]) expect((await search(instance)).status).toBe(200);
    expectError(await search(b), 429, 'THROTTLED');
    expectError(await search(a), 429, 'THROTTLED');
  });

  it('person records shown on A and B count toward one bulk-read limit, flagged once', async () => {
    const admin = await signedIn(a, await createUser(a, 'admin'));
    const user = await signedIn(a, await createUser(a, 'caseworker'));
    const ids = await insertPeople(a, 4, { status: 'screening', createdBy: admin.id });
    const read = (instance: TestApp, id: string) => on(instance).get(`${API}/people/${id}`).set(user.auth);
    // 4 people, over 3, some shown on both: the read that crosses the line is answered.
    for (const [instance, id] of [
      [a, ids[0]],
      [b, ids[0]],
      [b, ids[1]],
      [a, ids[2]],
      [a, ids[1]],
      [b, ids[3]],
    ] as const) {
      expect((await read(instance, id)).status).toBe(200);
    }
    expectError(await read(a, ids[0]), 429, 'THROTTLED');
    expectError(await read(b, ids[0]), 429, 'THROTTLED');
    const flags = await on(b)
      .get(`${API}/audit`)
      .query({ action: 'access.bulk_read', actorId: user.id })
      .set(admin.auth);
    expect(flags.status).toBe(200);
    expect(flags.body.items).toHaveLength(1);
  });
});
