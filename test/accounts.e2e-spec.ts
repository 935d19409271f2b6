import { randomUUID } from 'node:crypto';
import type { Response } from 'supertest';
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

const NEW_PASSWORD = 'a fresh and long passphrase';

/** 400 VALIDATION_FAILED naming `field`. */
function expectFieldError(res: Response, field: string): void {
  expectError(res, 400, 'VALIDATION_FAILED');
  expect(res.body.details).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
}

describe('Accounts: passwords, resets, locks and sign-ins', () => {
  let t: TestApp;
  let admin: SignedIn;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await loginAs(t, 'admin');
  });
  afterAll(() => t.close());

  const signIn = (email: string, password: string) =>
    t.http().post(`${API}/auth/login`).send({ email, password });
  const me = (user: { auth: Record<string, string> }) => t.http().get(`${API}/auth/me`).set(user.auth);
  const people = (user: { auth: Record<string, string> }) =>
    t.http().get(`${API}/people`).query({ limit: 1 }).set(user.auth);
  const refresh = (refreshToken: string) => t.http().post(`${API}/auth/refresh`).send({ refreshToken });
  const changePassword = (user: { auth: Record<string, string> }, body: object) =>
    t.http().post(`${API}/auth/password`).set(user.auth).send(body);
  const reset = (id: string, body: object, as: SignedIn = admin) =>
    t.http().post(`${API}/users/${id}/password-reset`).set(as.auth).send(body);
  const revoke = (id: string, as: SignedIn = admin) =>
    t.http().post(`${API}/users/${id}/revoke-sessions`).set(as.auth).send({});
  const unlock = (email: string, as: SignedIn = admin) =>
    t.http().post(`${API}/users/unlock`).set(as.auth).send({ email });
  const userView = async (id: string) => (await t.http().get(`${API}/users/${id}`).set(admin.auth)).body;

  async function expectSignedOut(session: SignedIn): Promise<void> {
    expectError(await me(session), 401, 'UNAUTHENTICATED');
    expect((await refresh(session.refreshToken)).status).toBe(401);
  }

  async function failFiveTimes(email: string): Promise<void> {
    for (let i = 0; i < 5; i++) {
      expectError(await signIn(email, `wrong-password-${i}`), 401, 'INVALID_CREDENTIALS');
    }
  }

  const auditOf = async (action: string, entityId: string) =>
    (await t.db.query(
      `SELECT actor_id, outcome, details FROM audit_entries WHERE action = $1 AND entity_id = $2 ORDER BY id`,
      [action, entityId],
    )) as { actor_id: string | null; outcome: string; details: Record<string, unknown> }[];

  describe('POST /auth/password', () => {
    it('changes the password and ends every other sign-in of the user; this one goes on', async () => {
      const user = await createUser(t, 'caseworker');
      const here = await login(t, user);
      const other = await login(t, user);
      const third = await login(t, user);

      const res = await changePassword(here, { currentPassword: user.password, newPassword: NEW_PASSWORD });
      expect(res.status).toBe(204);
      expect(res.body).toEqual({});

      // the other sign-ins: access tokens and refresh tokens refused at once
      await expectSignedOut(other);
      await expectSignedOut(third);
      // this one: its access token, a route beyond /auth, and its refresh token keep working
      expect((await me(here)).status).toBe(200);
      expect((await people(here)).status).toBe(200);
      const refreshed = await refresh(here.refreshToken);
      expect(refreshed.status).toBe(200);
      expect(refreshed.body.mustChangePassword).toBe(false);

      expectError(await signIn(user.email, user.password), 401, 'INVALID_CREDENTIALS');
      expect((await signIn(user.email, NEW_PASSWORD)).status).toBe(200);

      const [entry] = await auditOf('auth.password_change', user.id);
      expect(entry).toEqual(
        expect.objectContaining({
          actor_id: user.id,
          outcome: 'success',
          details: expect.objectContaining({ signInsEnded: 2 }),
        }),
      );
      expect(JSON.stringify(entry)).not.toContain(NEW_PASSWORD);
      expect(JSON.stringify(entry)).not.toContain(user.password);
    });

    it('answers a wrong current password with 401 INVALID_CREDENTIALS, counted toward the lockout', async () => {
      const user = await createUser(t, 'supervisor');
      const session = await login(t, user);
      for (let i = 0; i < 4; i++) {
        expectError(
          await changePassword(session, { currentPassword: `wrong-${i}`, newPassword: NEW_PASSWORD }),
          401,
          'INVALID_CREDENTIALS',
        );
      }
      // still the old password, and still signed in: a wrong guess changes nothing
      expect((await me(session)).status).toBe(200);
      // the fifth failure (a sign-in this time) locks the email, for sign-ins and changes alike
      expectError(await signIn(user.email, 'wrong-again'), 401, 'INVALID_CREDENTIALS');
      expectError(await signIn(user.email, user.password), 429, 'LOGIN_LOCKED');
      const locked = await changePassword(session, {
        currentPassword: user.password,
        newPassword: NEW_PASSWORD,
      });
      expectError(locked, 429, 'LOGIN_LOCKED');
      expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);

      const failures = await auditOf('auth.password_change', user.id);
      expect(failures.map((e) => e.outcome)).toEqual([...Array(4).fill('failure'), 'denied']);
    });

    it.each([
      ['a common password', { newPassword: 'password1234' }, 'newPassword'],
      ['a short one', { newPassword: 'short-one' }, 'newPassword'],
      ['whitespace only', { newPassword: ' '.repeat(20) }, 'newPassword'],
      ['over 128 characters', { newPassword: 'y'.repeat(129) }, 'newPassword'],
      ['no current password', { currentPassword: undefined }, 'currentPassword'],
      ['an unknown field', { confirmPassword: NEW_PASSWORD }, 'confirmPassword'],
    ])('refuses %s with 400 naming the field, changing nothing', async (_name, change, field) => {
      const user = await createUser(t, 'caseworker');
      const session = await login(t, user);
      const other = await login(t, user);
      const res = await changePassword(session, {
        currentPassword: user.password,
        newPassword: NEW_PASSWORD,
        ...change,
      });
      expectFieldError(res, field);
      expect((await me(other)).status).toBe(200);
      expect((await signIn(user.email, user.password)).status).toBe(200);
    });

    it('refuses the current password as the new one', async () => {
      const user = await createUser(t, 'caseworker');
      const session = await login(t, user);
      expectFieldError(
        await changePassword(session, { currentPassword: user.password, newPassword: user.password }),
        'newPassword',
      );
    });

    it('is open to every role, and answers 401 without a token', async () => {
      for (const role of ['donor', 'analyst', 'consular'] as const) {
        const user = await createUser(t, role, role === 'consular' ? ['THA'] : []);
        const session = await login(t, user);
        expect(
          (await changePassword(session, { currentPassword: user.password, newPassword: NEW_PASSWORD }))
            .status,
        ).toBe(204);
      }
      expectError(
        await t.http().post(`${API}/auth/password`).send({ currentPassword: 'x', newPassword: NEW_PASSWORD }),
        401,
        'UNAUTHENTICATED',
      );
    });
  });

  describe('POST /users/:id/password-reset', () => {
    const TEMPORARY = 'temporary passphrase 4 you';

    it('ends every sign-in, then the user must change the temporary password before anything else', async () => {
      const user = await createUser(t, 'caseworker');
      const before = await login(t, user);

      expect((await reset(user.id, { temporaryPassword: TEMPORARY })).status).toBe(204);
      await expectSignedOut(before);
      expectError(await signIn(user.email, user.password), 401, 'INVALID_CREDENTIALS');
      expect(await userView(user.id)).toEqual(expect.objectContaining({ mustChangePassword: true }));

      const res = await signIn(user.email, TEMPORARY);
      expect(res.status).toBe(200);
      expect(res.body.mustChangePassword).toBe(true);
      const session: SignedIn = {
        ...user,
        password: TEMPORARY,
        token: res.body.accessToken,
        refreshToken: res.body.refreshToken,
        auth: { Authorization: `Bearer ${res.body.accessToken}` },
      };

      // every route but /auth/* is closed until the change
      expectError(await people(session), 403, 'PASSWORD_CHANGE_REQUIRED');
      expectError(
        await t.http().get(`${API}/users/directory`).set(session.auth),
        403,
        'PASSWORD_CHANGE_REQUIRED',
      );
      expectError(
        await t.http().get(`${API}/nationalities`).set(session.auth),
        403,
        'PASSWORD_CHANGE_REQUIRED',
      );
      expect((await me(session)).status).toBe(200);
      const refreshed = await refresh(session.refreshToken);
      expect(refreshed.status).toBe(200);
      expect(refreshed.body.mustChangePassword).toBe(true);
      session.refreshToken = refreshed.body.refreshToken;

      expect(
        (await changePassword(session, { currentPassword: TEMPORARY, newPassword: NEW_PASSWORD })).status,
      ).toBe(204);
      // the same token, on the very next request
      expect((await people(session)).status).toBe(200);
      expect(await userView(user.id)).toEqual(expect.objectContaining({ mustChangePassword: false }));
      const again = await signIn(user.email, NEW_PASSWORD);
      expect(again.status).toBe(200);
      expect(again.body.mustChangePassword).toBe(false);
    });

    it('closes routes the role may not use with PASSWORD_CHANGE_REQUIRED too, before the role check', async () => {
      const user = await createUser(t, 'donor');
      expect((await reset(user.id, { temporaryPassword: TEMPORARY })).status).toBe(204);
      const session = await login(t, { ...user, password: TEMPORARY });
      expectError(await people(session), 403, 'PASSWORD_CHANGE_REQUIRED');
    });

    it('ends a lock on the email, so the user can sign in with the temporary password at once', async () => {
      const user = await createUser(t, 'caseworker');
      await failFiveTimes(user.email);
      expectError(await signIn(user.email, user.password), 429, 'LOGIN_LOCKED');
      expect((await reset(user.id, { temporaryPassword: TEMPORARY })).status).toBe(204);
      expect((await signIn(user.email, TEMPORARY)).status).toBe(200);
    });

    it('is audited with the sign-ins ended, never the password', async () => {
      const user = await createUser(t, 'analyst');
      await login(t, user);
      await login(t, user);
      expect((await reset(user.id, { temporaryPassword: TEMPORARY })).status).toBe(204);
      const [entry] = await auditOf('user.password_reset', user.id);
      expect(entry).toEqual({
        actor_id: admin.id,
        outcome: 'success',
        details: { signInsEnded: 2, wasLocked: false },
      });
    });

    it('refuses a common, short or missing temporary password with 400, and an unknown user with 404', async () => {
      const user = await createUser(t, 'caseworker');
      expectFieldError(await reset(user.id, { temporaryPassword: 'qwerty123456' }), 'temporaryPassword');
      expectFieldError(await reset(user.id, { temporaryPassword: 'short' }), 'temporaryPassword');
      expectFieldError(await reset(user.id, {}), 'temporaryPassword');
      expect((await signIn(user.email, user.password)).status).toBe(200);
      expectError(await reset(randomUUID(), { temporaryPassword: TEMPORARY }), 404, 'NOT_FOUND');
    });
  });

  describe('POST /users/unlock', () => {
    it('ends a lock at once, whatever the letter case of the email', async () => {
      const user = await createUser(t, 'caseworker');
      await failFiveTimes(user.email);
      expectError(await signIn(user.email, user.password), 429, 'LOGIN_LOCKED');
      const res = await unlock(user.email.toUpperCase());
      expect(res.status).toBe(204);
      expect((await signIn(user.email, user.password)).status).toBe(200);

      const [entry] = await auditOf('user.unlock', user.id);
      expect(entry).toEqual({
        actor_id: admin.id,
        outcome: 'success',
        details: { wasLocked: true, accountExists: true },
      });
      expect(JSON.stringify(entry)).not.toContain(user.email);
    });

    it('forgets the failures counted so far: a new lock takes five more', async () => {
      const user = await createUser(t, 'caseworker');
      for (let i = 0; i < 4; i++) await signIn(user.email, `wrong-${i}`);
      expect((await unlock(user.email)).status).toBe(204);
      for (let i = 0; i < 4; i++) await signIn(user.email, `wrong-${i}`);
      expect((await signIn(user.email, user.password)).status).toBe(200);
    });

    it('answers 204 for an email no account has (locks are counted per email), audited without it', async () => {
      const ghost = `ghost-${randomUUID()}@example.org`;
      await failFiveTimes(ghost);
      expect((await unlock(ghost)).status).toBe(204);
      const [entry] = (await t.db.query(
        `SELECT entity_id, details FROM audit_entries WHERE action = 'user.unlock' ORDER BY id DESC LIMIT 1`,
      )) as { entity_id: string | null; details: Record<string, unknown> }[];
      expect(entry).toEqual({ entity_id: null, details: { wasLocked: true, accountExists: false } });
    });

    it('refuses a body without a valid email with 400', async () => {
      expectFieldError(await unlock('not-an-email'), 'email');
      expectFieldError(await t.http().post(`${API}/users/unlock`).set(admin.auth).send({}), 'email');
    });
  });

  describe('POST /users/:id/revoke-sessions', () => {
    it('ends every sign-in of the user at once; the user may sign in again', async () => {
      const user = await createUser(t, 'caseworker');
      const a = await login(t, user);
      const b = await login(t, user);
      expect((await revoke(user.id)).status).toBe(204);
      await expectSignedOut(a);
      await expectSignedOut(b);
      const [entry] = await auditOf('user.revoke_sessions', user.id);
      expect(entry.details).toEqual({ signInsEnded: 2 });
      const again = await login(t, user);
      expect((await me(again)).status).toBe(200);
    });

    it('answers 404 for an unknown user and leaves other users signed in', async () => {
      const bystander = await loginAs(t, 'caseworker');
      expectError(await revoke(randomUUID()), 404, 'NOT_FOUND');
      expect((await me(bystander)).status).toBe(200);
    });
  });

  describe('disabling a user', () => {
    const patch = (id: string, body: object, etag: string) =>
      t.http().patch(`${API}/users/${id}`).set(admin.auth).set('If-Match', etag).send(body);

    it('ends every sign-in, and enabling the user again brings none of them back', async () => {
      const user: TestUser = await createUser(t, 'caseworker');
      const a = await login(t, user);
      const b = await login(t, user);
      const version = (await userView(user.id)).version as number;

      const disabled = await patch(user.id, { disabled: true }, `"${version}"`);
      expect(disabled.status).toBe(200);
      await expectSignedOut(a);
      const enabled = await patch(user.id, { disabled: false }, disabled.headers.etag);
      expect(enabled.status).toBe(200);

      // the old tokens stay dead; only a new sign-in works
      await expectSignedOut(a);
      await expectSignedOut(b);
      const fresh = await login(t, user);
      expect((await me(fresh)).status).toBe(200);
    });
  });
});
