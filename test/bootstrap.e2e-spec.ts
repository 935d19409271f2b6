import { Client } from 'pg';
import { API, createTestApp, TestApp } from './support/app';

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
      DATABASE_URL: `${base}${name}`,
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
      DATABASE_URL: `${base}${name}`,
      BOOTSTRAP_ADMIN_EMAIL: 'second.admin@example.org',
      BOOTSTRAP_ADMIN_PASSWORD: 'another-long-password',
    });
    await again.close();
    const users = await t.db.query('SELECT email FROM users');
    expect(users).toEqual([{ email: admin.email }]);
    const entries = await t.db.query(`SELECT actor_id FROM audit_entries WHERE action = 'user.bootstrap'`);
    expect(entries).toEqual([{ actor_id: null }]);
  });

  it('answers health 503 when its database is gone', async () => {
    expect((await t.http().get(`${API}/health`)).status).toBe(200);
    await onServer(`DROP DATABASE "${name}" WITH (FORCE)`);
    const res = await t.http().get(`${API}/health`);
    expect(res.status).toBe(503);
    expect(res.body).toEqual({ status: 'error', database: 'down' });
  });
});
