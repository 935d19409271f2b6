import type { Response } from 'supertest';
import { API, createTestApp, createUser, expectError, type TestApp, type TestUser } from './support/app';

/**
 * The web app's refresh transport (API.md "Web app"): with `X-Refresh-Transport: cookie` the refresh
 * token lives in an httpOnly, SameSite=Strict cookie scoped to the auth routes, never in a body a
 * script could read.
 */
const COOKIE = 'sr_refresh';
const WEB = { 'X-Refresh-Transport': 'cookie' };

/** The Set-Cookie line of the refresh cookie, split into its value and attributes. */
function refreshCookie(res: Response): { value: string; attributes: string[] } {
  const lines = ([] as string[]).concat(res.headers['set-cookie'] ?? []);
  const line = lines.find((l) => l.startsWith(`${COOKIE}=`));
  if (!line) throw new Error(`no ${COOKIE} cookie in ${JSON.stringify(lines)}`);
  const [pair, ...attributes] = line.split(';').map((p) => p.trim());
  return { value: decodeURIComponent(pair.slice(COOKIE.length + 1)), attributes };
}

const cookieHeader = (value: string) => `${COOKIE}=${encodeURIComponent(value)}`;

describe('Auth: the refresh token in a cookie for the web app', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const webLogin = (user: TestUser, host?: string) => {
    const req = t.http().post(`${API}/auth/login`).set(WEB);
    if (host) req.set('Host', host);
    return req.send({ email: user.email, password: user.password });
  };
  const webRefresh = (cookie: string) =>
    t.http().post(`${API}/auth/refresh`).set(WEB).set('Cookie', cookieHeader(cookie)).send({});
  const me = (token: string) => t.http().get(`${API}/auth/me`).set('Authorization', `Bearer ${token}`);

  async function signedIn(): Promise<{ user: TestUser; token: string; cookie: string }> {
    const user = await createUser(t, 'caseworker');
    const res = await webLogin(user);
    expect(res.status).toBe(200);
    return { user, token: res.body.accessToken, cookie: refreshCookie(res).value };
  }

  it('sign-in sets an httpOnly, SameSite=Strict cookie on the auth routes and keeps the token out of the body', async () => {
    const user = await createUser(t, 'caseworker');
    const res = await webLogin(user);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      accessToken: expect.any(String),
      expiresIn: expect.any(Number),
      mustChangePassword: false,
      mfaEnrollmentRequired: false,
      user: expect.objectContaining({ id: user.id, role: 'caseworker' }),
    });
    expect(JSON.stringify(res.body)).not.toContain(refreshCookie(res).value);
    const { value, attributes } = refreshCookie(res);
    expect(value).toMatch(/^[0-9a-f-]{36}\.[A-Za-z0-9_-]{43}$/);
    expect(attributes).toEqual(expect.arrayContaining(['Path=/api/v1/auth', 'HttpOnly', 'SameSite=Strict']));
    // A session cookie: closing the browser forgets it.
    expect(attributes.some((a) => /^(Max-Age|Expires)=/i.test(a))).toBe(false);
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('is Secure except on plain http to localhost', async () => {
    const user = await createUser(t, 'caseworker');
    expect(refreshCookie(await webLogin(user, 'localhost:3000')).attributes).not.toContain('Secure');
    expect(refreshCookie(await webLogin(user, 'safe-return.example.org')).attributes).toContain('Secure');
  });

  it('refresh reads the cookie, rotates it, and the new pair works', async () => {
    const { cookie } = await signedIn();
    const res = await webRefresh(cookie);
    expect(res.status).toBe(200);
    expect(res.body.refreshToken).toBeUndefined();
    expect((await me(res.body.accessToken)).status).toBe(200);
    const next = refreshCookie(res).value;
    expect(next).not.toBe(cookie);
    expect(refreshCookie(res).attributes).toEqual(
      expect.arrayContaining(['Path=/api/v1/auth', 'HttpOnly', 'SameSite=Strict']),
    );
    expect((await webRefresh(next)).status).toBe(200);
  });

  it('refresh needs the header: the cookie alone is refused', async () => {
    const { cookie } = await signedIn();
    const res = await t.http().post(`${API}/auth/refresh`).set('Cookie', cookieHeader(cookie)).send({});
    expectError(res, 400, 'VALIDATION_FAILED');
    expect(res.body.details).toEqual([expect.objectContaining({ field: 'refreshToken', code: 'required' })]);
    expect(res.headers['set-cookie']).toBeUndefined();
    // The cookie was not spent by the refused request.
    expect((await webRefresh(cookie)).status).toBe(200);
  });

  it('refresh with the header but no cookie is a 401 that clears the cookie', async () => {
    const res = await t.http().post(`${API}/auth/refresh`).set(WEB).send({});
    expectError(res, 401, 'INVALID_REFRESH_TOKEN');
    expect(refreshCookie(res).value).toBe('');
  });

  it('reads the cookie, not a token in the body', async () => {
    const a = await signedIn();
    const b = await signedIn();
    const res = await t
      .http()
      .post(`${API}/auth/refresh`)
      .set(WEB)
      .set('Cookie', cookieHeader(a.cookie))
      .send({ refreshToken: b.cookie });
    expect(res.status).toBe(200);
    expect(res.body.user.id).toBe(a.user.id);
  });

  it('a spent cookie token presented again revokes the whole sign-in', async () => {
    const { token, cookie } = await signedIn();
    const rotated = await webRefresh(cookie);
    expect(rotated.status).toBe(200);
    const replay = await webRefresh(cookie);
    expectError(replay, 401, 'INVALID_REFRESH_TOKEN');
    expect((await webRefresh(refreshCookie(rotated).value)).status).toBe(401);
    expectError(await me(rotated.body.accessToken), 401, 'UNAUTHENTICATED');
    expectError(await me(token), 401, 'UNAUTHENTICATED');
  });

  it('logout reads the cookie, ends the sign-in and clears the cookie', async () => {
    const { token, cookie } = await signedIn();
    const res = await t
      .http()
      .post(`${API}/auth/logout`)
      .set(WEB)
      .set('Authorization', `Bearer ${token}`)
      .set('Cookie', cookieHeader(cookie))
      .send({});
    expect(res.status).toBe(204);
    const cleared = refreshCookie(res);
    expect(cleared.value).toBe('');
    expect(cleared.attributes).toEqual(expect.arrayContaining(['Path=/api/v1/auth', 'HttpOnly']));
    expect(cleared.attributes.find((a) => a.startsWith('Expires='))).toMatch(/1970/);
    expectError(await me(token), 401, 'UNAUTHENTICATED');
    expectError(await webRefresh(cookie), 401, 'INVALID_REFRESH_TOKEN');
  });

  it('logout without the header wants the token in the body, as before', async () => {
    const { token, cookie } = await signedIn();
    const res = await t
      .http()
      .post(`${API}/auth/logout`)
      .set('Authorization', `Bearer ${token}`)
      .set('Cookie', cookieHeader(cookie))
      .send({});
    expectError(res, 400, 'VALIDATION_FAILED');
    expect((await me(token)).status).toBe(200);
  });

  it('without the header nothing changes: the token in the body, no cookie', async () => {
    const user = await createUser(t, 'caseworker');
    const res = await t.http().post(`${API}/auth/login`).send({ email: user.email, password: user.password });
    expect(res.status).toBe(200);
    expect(res.body.refreshToken).toEqual(expect.any(String));
    expect(res.headers['set-cookie']).toBeUndefined();
    const refreshed = await t
      .http()
      .post(`${API}/auth/refresh`)
      .send({ refreshToken: res.body.refreshToken });
    expect(refreshed.status).toBe(200);
    expect(refreshed.headers['set-cookie']).toBeUndefined();
  });

  it('a wrong password with the header sets no cookie', async () => {
    const user = await createUser(t, 'caseworker');
    const res = await webLogin({ ...user, password: 'not-the-password' });
    expectError(res, 401, 'INVALID_CREDENTIALS');
    expect(res.headers['set-cookie']).toBeUndefined();
  });
});
