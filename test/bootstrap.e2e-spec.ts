import { Client } from 'pg';
import { API, createTestApp, expectError, TestApp } from './support/app';
import { testDatabaseEnv } from './support/database';

/** A database of its own: the bootstrap admin is created only when no user exists at all. */
describe('First start and a lost database', () => {
  const name = `sr_bootstrap_${process.env.JEST_WORKER_ID ?? '1'}_${Date.now()}`;
  const base = process.env.TEST_DATABASE_URL_BASE!;
  const admin = { email: 'first.admin@example.org', password: 'a-long-bootstrap-password' };
  let t: TestApp;

  async function onServer(sql: string): Promise<void> {
    const client = new Client({ connectionString: `${base}postgres` });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  }

  beforeAll(async () => {
    await onServer(`CREATE DATABASE "${name}"`);
    t = await createTestApp({
      ...testDatabaseEnv(name),
      BOOTSTRAP_ADMIN_EMAIL: admin.email,
      BOOTSTRAP_ADMIN_PASSWORD: admin.password,
    });
  });
  afterAll(async () => {
    await t.close();
    await onServer(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  });

  it('creates the bootstrap admin on an empty database, once, and audits it', async () => {
    const res = await t.http().post(`${API}/auth/login`).send(admin);
    expect(res.status).toBe(200);
    expect(res.body.user).toMatchObject({ email: admin.email, role: 'admin', nationalities: [] });

    const again = await createTestApp({
      ...testDatabaseEnv(name),
      BOOTSTRAP_ADMIN_EMAIL: 'second.admin@example.org',
      BOOTSTRAP_ADMIN_PASSWORD: 'another-long-password',
    });
    await again.close();
    const users = await t.db.query('SELECT email FROM users');
    expect(users).toEqual([{ email: admin.email }]);
    const entries = await t.db.query(`SELECT actor_id FROM audit_entries WHERE action = 'user.bootstrap'`);
    expect(entries).toEqual([{ actor_id: null }]);
  });

  it('refuses to demote or disable the last active admin (422 LAST_ADMIN), even two at once', async () => {
    const first = (await t.http().post(`${API}/auth/login`).send(admin)).body;
    const auth = { Authorization: `Bearer ${first.accessToken}` };
    const patch = (id: string, version: number, body: object, as = auth) =>
      t.http().patch(`${API}/users/${id}`).set(as).set('If-Match', `"${version}"`).send(body);
    const self = (await t.http().get(`${API}/users/${first.user.id}`).set(auth)).body;
    expectError(await patch(self.id, self.version, { role: 'supervisor' }), 422, 'LAST_ADMIN');
    expectError(await patch(self.id, self.version, { disabled: true }), 422, 'LAST_ADMIN');

    const second = await t.http().post(`${API}/users`).set(auth).send({
      email: 'second.admin.live@example.org',
      displayName: 'Second',
      password: 'another-long-password',
      role: 'admin',
    });
    const secondAuth = {
      Authorization: `Bearer ${
        (
          await t
            .http()
            .post(`${API}/auth/login`)
            .send({ email: 'second.admin.live@example.org', password: 'another-long-password' })
        ).body.accessToken
      }`,
    };
    // Each demotes the other at the same moment: one wins, the other finds itself the last admin.
    const results = await Promise.all([
      patch(second.body.id, second.body.version, { role: 'analyst' }),
      patch(self.id, self.version, { role: 'analyst' }, secondAuth),
    ]);
    // The loser is refused either by the rule (422 LAST_ADMIN) or, when the winner committed before
    // its request was checked, because it is no longer an admin at all (403).
    const statuses = results.map((r) => r.status).sort();
    expect(statuses[0]).toBe(200);
    expect([403, 422]).toContain(statuses[1]);
    const admins = await t.db.query(
      `SELECT count(*)::int AS n FROM users WHERE role = 'admin' AND NOT disabled`,
    );
    expect(admins[0].n).toBe(1);
  });

  it('answers health 503 when its database is gone', async () => {
    expect((await t.http().get(`${API}/health`)).status).toBe(200);
    await onServer(`DROP DATABASE "${name}" WITH (FORCE)`);
    const res = await t.http().get(`${API}/health`);
    expect(res.status).toBe(503);
    expect(res.body).toEqual({ status: 'error', database: 'down' });
  });
});
