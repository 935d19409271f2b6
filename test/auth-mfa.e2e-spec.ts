import { setTimeout as sleep } from 'node:timers/promises';
import { FieldEncryption } from '../src/common/crypto/field-encryption.service';
import {
  API,
  createTestApp,
  createUser,
  expectError,
  login,
  type SignedIn,
  type TestApp,
  type TestUser,
} from './support/app';
import { totpCode } from './support/totp';

const STEP_MS = 30_000;

/** The code an authenticator app shows `steps` 30-second steps from now. */
const codeAt = (secret: string, steps = 0) => totpCode(secret, steps * STEP_MS);

/** Codes no authenticator shows in the ±1-step window now, to be sure a "wrong" code is wrong. */
async function wrongCodes(secret: string, n: number): Promise<string[]> {
  const right = new Set([await codeAt(secret, -1), await codeAt(secret), await codeAt(secret, 1)]);
  return ['000000', '111111', '222222', '333333', '444444', '555555', '666666', '777777']
    .filter((c) => !right.has(c))
    .slice(0, n);
}

/**
 * Waits, when the current step ends within 5 s, for the next one: a run of codes computed for
 * "this step and its neighbours" must not straddle a step change on its way to the server.
 */
async function awayFromStepEdge(): Promise<void> {
  const left = STEP_MS - (Date.now() % STEP_MS);
  if (left < 5_000) await sleep(left + 100);
}

/** A user's raw two-factor columns, as the database holds them. */
async function storedFactor(t: TestApp, userId: string) {
  const [row] = (await t.db.query(
    `SELECT mfa_secret_enc, mfa_enabled_at, mfa_last_step,
            (SELECT count(*)::int FROM user_recovery_codes WHERE user_id = u.id) AS codes
       FROM users u WHERE id = $1`,
    [userId],
  )) as { mfa_secret_enc: string | null; mfa_enabled_at: Date | null; codes: number }[];
  return row;
}

async function auditActions(t: TestApp, userId: string): Promise<string[]> {
  const rows = (await t.db.query(
    `SELECT action, outcome FROM audit_entries WHERE entity_id = $1::text ORDER BY id`,
    [userId],
  )) as { action: string; outcome: string }[];
  return rows.map((r) => `${r.action}:${r.outcome}`);
}

describe('Two-factor sign-in (TOTP)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const signIn = (user: TestUser) =>
    t.http().post(`${API}/auth/login`).send({ email: user.email, password: user.password });
  const secondStep = (body: Record<string, unknown>) => t.http().post(`${API}/auth/login/mfa`).send(body);
  const enroll = (who: SignedIn) => t.http().post(`${API}/auth/mfa/enroll`).set(who.auth).send({});
  const activate = (who: SignedIn, code: string) =>
    t.http().post(`${API}/auth/mfa/activate`).set(who.auth).send({ code });

  /** A signed-in user with two-factor on, activated with the code of the step before this one. */
  async function withMfa(role: TestUser['role'] = 'caseworker') {
    const user = await login(t, await createUser(t, role));
    const { secret } = (await enroll(user).expect(200)).body as { secret: string };
    await awayFromStepEdge();
    const { recoveryCodes } = (await activate(user, await codeAt(secret, -1)).expect(200)).body as {
      recoveryCodes: string[];
    };
    return { user, secret, recoveryCodes };
  }

  /** The first step of a sign-in with two-factor on: its token. */
  async function mfaTokenOf(user: TestUser): Promise<string> {
    const res = await signIn(user).expect(200);
    expect(res.body).toEqual({ mfaRequired: true, mfaToken: expect.any(String), expiresIn: 300 });
    return res.body.mfaToken as string;
  }

  it('enrols (secret stored encrypted, pending until a code activates it), then signs in in two steps', async () => {
    const user = await login(t, await createUser(t, 'caseworker'));
    const res = await enroll(user).expect(200);
    expect(res.body).toEqual({
      secret: expect.stringMatching(/^[A-Z2-7]{32}$/),
      otpauthUrl: expect.any(String),
    });
    const { secret, otpauthUrl } = res.body as { secret: string; otpauthUrl: string };
    const url = new URL(otpauthUrl);
    expect([url.protocol, url.host, url.searchParams.get('secret'), url.searchParams.get('issuer')]).toEqual([
      'otpauth:',
      'totp',
      secret,
      'Safe Return',
    ]);

    const stored = await storedFactor(t, user.id);
    expect(stored.mfa_secret_enc).toMatch(/^v1\./);
    expect(stored.mfa_secret_enc).not.toContain(secret);
    expect(t.app.get(FieldEncryption).open('users.mfa_secret', user.id, stored.mfa_secret_enc)).toBe(secret);
    expect(stored.mfa_enabled_at).toBeNull();
    // pending: the password alone still signs in
    expect((await signIn(user).expect(200)).body.accessToken).toEqual(expect.any(String));

    const [wrong] = await wrongCodes(secret, 1);
    expectError(await activate(user, wrong), 401, 'INVALID_MFA_CODE');
    await awayFromStepEdge();
    const activated = await activate(user, await codeAt(secret, -1)).expect(200);
    const codes = activated.body.recoveryCodes as string[];
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const code of codes) expect(code).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$/);
    const digests = (await t.db.query('SELECT code_digest FROM user_recovery_codes WHERE user_id = $1', [
      user.id,
    ])) as { code_digest: string }[];
    expect(digests).toHaveLength(10);
    const stripped = codes.map((c) => c.replace(/-/g, ''));
    expect(digests.filter((d) => stripped.some((c) => d.code_digest.includes(c)))).toEqual([]);

    expectError(await activate(user, await codeAt(secret)), 422, 'MFA_ALREADY_ENABLED');
    expectError(await enroll(user), 422, 'MFA_ALREADY_ENABLED');

    // the code that activated is spent; the next step's works once
    const mfaToken = await mfaTokenOf(user);
    expectError(await secondStep({ mfaToken, code: await codeAt(secret, -1) }), 401, 'INVALID_MFA_CODE');
    const pair = await secondStep({ mfaToken, code: await codeAt(secret) }).expect(200);
    expect(pair.body).toEqual(
      expect.objectContaining({ accessToken: expect.any(String), refreshToken: expect.any(String) }),
    );
    const me = await t.http().get(`${API}/auth/me`).set('Authorization', `Bearer ${pair.body.accessToken}`);
    expect(me.body.mfaEnabled).toBe(true);

    expect(await auditActions(t, user.id)).toEqual(
      expect.arrayContaining([
        'auth.mfa_enroll:success',
        'auth.mfa_activate:failure',
        'auth.mfa_activate:success',
        'auth.mfa_challenge:success',
        'auth.login:success',
      ]),
    );
  });

  it('takes a code once: the same code again, even with a new sign-in, is 401 INVALID_MFA_CODE', async () => {
    const { user, secret } = await withMfa();
    const code = await codeAt(secret);
    await secondStep({ mfaToken: await mfaTokenOf(user), code }).expect(200);
    expectError(await secondStep({ mfaToken: await mfaTokenOf(user), code }), 401, 'INVALID_MFA_CODE');
  });

  it('takes the token of the first step once, and not after 5 minutes', async () => {
    const { user, secret } = await withMfa();
    const mfaToken = await mfaTokenOf(user);
    await secondStep({ mfaToken, code: await codeAt(secret) }).expect(200);
    expectError(await secondStep({ mfaToken, code: await codeAt(secret, 1) }), 401, 'INVALID_MFA_TOKEN');

    const late = await mfaTokenOf(user);
    await t.db.query(
      `UPDATE mfa_challenges SET expires_at = now() - interval '1 second' WHERE user_id = $1 AND used_at IS NULL`,
      [user.id],
    );
    expectError(
      await secondStep({ mfaToken: late, code: await codeAt(secret, 1) }),
      401,
      'INVALID_MFA_TOKEN',
    );
    expectError(await secondStep({ mfaToken: 'not-a-token', code: '123456' }), 401, 'INVALID_MFA_TOKEN');
  });

  it('signs in with a recovery code once each (case, spaces and dashes ignored), audited', async () => {
    const { user, recoveryCodes } = await withMfa();
    const typed = ` ${recoveryCodes[0].toLowerCase().replace(/-/g, ' ')} `;
    await secondStep({ mfaToken: await mfaTokenOf(user), recoveryCode: typed }).expect(200);
    expectError(
      await secondStep({ mfaToken: await mfaTokenOf(user), recoveryCode: recoveryCodes[0] }),
      401,
      'INVALID_MFA_CODE',
    );
    await secondStep({ mfaToken: await mfaTokenOf(user), recoveryCode: recoveryCodes[1] }).expect(200);
    const [{ left }] = (await t.db.query(
      `SELECT details->>'recoveryCodesLeft' AS left FROM audit_entries
        WHERE action = 'auth.mfa_recovery_code_use' AND entity_id = $1::text ORDER BY id DESC LIMIT 1`,
      [user.id],
    )) as { left: string }[];
    expect(left).toBe('8');
  });

  it('asks for exactly one of code and recoveryCode (400), a 6-digit code', async () => {
    const { user, secret, recoveryCodes } = await withMfa();
    const mfaToken = await mfaTokenOf(user);
    for (const body of [
      { mfaToken },
      { mfaToken, code: await codeAt(secret), recoveryCode: recoveryCodes[0] },
      { mfaToken, code: '12345' },
      { mfaToken, code: 123456 },
    ]) {
      expectError(await secondStep(body), 400, 'VALIDATION_FAILED');
    }
    expectError(await activate(user, 'abcdef'), 400, 'VALIDATION_FAILED');
  });

  it('counts wrong codes toward the email lockout: the 5th locks sign-in, right code and password included', async () => {
    const { user, secret } = await withMfa();
    const mfaToken = await mfaTokenOf(user);
    for (const code of await wrongCodes(secret, 5)) {
      expectError(await secondStep({ mfaToken, code }), 401, 'INVALID_MFA_CODE');
    }
    expectError(await secondStep({ mfaToken, code: await codeAt(secret, 1) }), 429, 'LOGIN_LOCKED');
    expectError(await signIn(user), 429, 'LOGIN_LOCKED');
    const failures = (await auditActions(t, user.id)).filter((a) => a === 'auth.login:failure');
    expect(failures).toHaveLength(5);
  });

  it('does not reset the lockout count on a right password while the second step is pending', async () => {
    const { user, secret } = await withMfa();
    for (const code of await wrongCodes(secret, 4)) {
      expectError(await secondStep({ mfaToken: await mfaTokenOf(user), code }), 401, 'INVALID_MFA_CODE');
    }
    expectError(
      await secondStep({ mfaToken: await mfaTokenOf(user), recoveryCode: 'WRONG-CODE-0000' }),
      401,
      'INVALID_MFA_CODE',
    );
    expectError(await signIn(user), 429, 'LOGIN_LOCKED');
  });

  it('turns off with a right code (a wrong one is 401), after which the password alone signs in', async () => {
    const { user, secret, recoveryCodes } = await withMfa();
    const off = (code: string) => t.http().delete(`${API}/auth/mfa`).set(user.auth).send({ code });
    expectError(await off(await codeAt(secret, -1)), 401, 'INVALID_MFA_CODE');
    await off(await codeAt(secret)).expect(204);
    expectError(await off(await codeAt(secret, 1)), 422, 'MFA_NOT_ENABLED');
    const stored = await storedFactor(t, user.id);
    expect(stored).toEqual(expect.objectContaining({ mfa_secret_enc: null, mfa_enabled_at: null, codes: 0 }));
    expect((await signIn(user).expect(200)).body.accessToken).toEqual(expect.any(String));
    expect(recoveryCodes).toHaveLength(10);
    expect(await auditActions(t, user.id)).toEqual(
      expect.arrayContaining(['auth.mfa_disable:failure', 'auth.mfa_disable:success']),
    );
  });

  it('is reset by an admin for a user who lost phone and codes: off, codes gone, every sign-in ended, audited', async () => {
    const { user } = await withMfa();
    const admin = await login(t, await createUser(t, 'admin'));
    const reset = (who: SignedIn, id = user.id) =>
      t.http().post(`${API}/users/${id}/mfa-reset`).set(who.auth).send({});
    // Only an admin, and only a user who exists.
    expectError(await reset(user), 403, 'FORBIDDEN');
    expectError(await reset(admin, '00000000-0000-4000-8000-000000000000'), 404, 'NOT_FOUND');
    expect((await storedFactor(t, user.id)).mfa_enabled_at).not.toBeNull();

    await reset(admin).expect(204);
    expect(await storedFactor(t, user.id)).toEqual(
      expect.objectContaining({ mfa_secret_enc: null, mfa_enabled_at: null, mfa_last_step: null, codes: 0 }),
    );
    // The sign-in made before the reset is over; the password alone signs in now.
    expectError(await t.http().get(`${API}/auth/me`).set(user.auth), 401, 'UNAUTHENTICATED');
    const again = (await signIn(user).expect(200)).body as { accessToken?: string; mfaRequired?: boolean };
    expect(again.mfaRequired).toBeUndefined();
    expect(again.accessToken).toEqual(expect.any(String));
    const [entry] = (await t.db.query(
      `SELECT actor_id, details FROM audit_entries WHERE action = 'user.mfa_reset' AND entity_id = $1`,
      [user.id],
    )) as { actor_id: string; details: Record<string, unknown> }[];
    expect(entry).toEqual({ actor_id: admin.id, details: { wasEnabled: true, signInsEnded: 1 } });
  });
});

describe('Two-factor sign-in required for roles (MFA_REQUIRED_ROLES)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ MFA_REQUIRED_ROLES: 'admin,consular' });
  });
  afterAll(() => t.close());

  it('lets an admin without it reach /auth/* only (403 MFA_ENROLLMENT_REQUIRED) until activated', async () => {
    const admin = await createUser(t, 'admin');
    const res = await t
      .http()
      .post(`${API}/auth/login`)
      .send({ email: admin.email, password: admin.password });
    expect(res.status).toBe(200);
    expect(res.body).toEqual(
      expect.objectContaining({ mfaEnrollmentRequired: true, accessToken: expect.any(String) }),
    );
    const auth = { Authorization: `Bearer ${res.body.accessToken}` };
    expectError(await t.http().get(`${API}/users`).set(auth), 403, 'MFA_ENROLLMENT_REQUIRED');
    await t.http().get(`${API}/auth/me`).set(auth).expect(200);

    const { secret } = (await t.http().post(`${API}/auth/mfa/enroll`).set(auth).send({}).expect(200)).body;
    expectError(await t.http().get(`${API}/users`).set(auth), 403, 'MFA_ENROLLMENT_REQUIRED');
    await awayFromStepEdge();
    await t
      .http()
      .post(`${API}/auth/mfa/activate`)
      .set(auth)
      .send({ code: await codeAt(secret) })
      .expect(200);
    await t.http().get(`${API}/users`).set(auth).expect(200);

    expectError(
      await t
        .http()
        .delete(`${API}/auth/mfa`)
        .set(auth)
        .send({ code: await codeAt(secret, 1) }),
      422,
      'MFA_REQUIRED',
    );
  });

  it('asks nothing of a role not listed', async () => {
    const caseworker = await login(t, await createUser(t, 'caseworker'));
    const res = await t
      .http()
      .post(`${API}/auth/login`)
      .send({ email: caseworker.email, password: caseworker.password });
    expect(res.body.mfaEnrollmentRequired).toBe(false);
    await t.http().get(`${API}/nationalities`).set(caseworker.auth).expect(200);
  });
});
