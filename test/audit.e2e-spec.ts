import type { AuditEntryView } from '../src/audit/dto/audit-entry.view';
import { randomUUID } from 'node:crypto';
import { ROLES } from '../src/common/roles';
import {
  API,
  createTestApp,
  createUser,
  expectError,
  loginAs,
  type SignedIn,
  type TestApp,
} from './support/app';
import { asOwner } from './support/database';

type AuditEntry = AuditEntryView;

const PASSWORD = 'audit-password-1234';
/** An X-Request-Id of our own, so each test finds exactly the entries its requests wrote. */
const newRequestId = () => `audit-test-${randomUUID()}`;

describe('Audit', () => {
  let t: TestApp;
  let admin: SignedIn;
  /** Every email and password this file uses: none may ever appear in an audit entry. */
  const secrets: string[] = [PASSWORD];

  beforeAll(async () => {
    t = await createTestApp();
    admin = await loginAs(t, 'admin');
    secrets.push(admin.email, admin.password);
  });
  afterAll(() => t.close());

  const auditList = (query: Record<string, string | number>) =>
    t.http().get(`${API}/audit`).query(query).set(admin.auth);

  /** The entries a request wrote, found by its request id. */
  async function entriesOf(requestId: string, query: Record<string, string> = {}): Promise<AuditEntry[]> {
    const res = await auditList({ limit: 200, ...query });
    expect(res.status).toBe(200);
    return (res.body.items as AuditEntry[]).filter((e) => e.requestId === requestId);
  }

  function expectNoSecrets(entry: AuditEntry): void {
    const json = JSON.stringify(entry).toLowerCase();
    for (const secret of secrets) expect(json).not.toContain(secret.toLowerCase());
  }

  async function createViaApi(requestId = newRequestId()) {
    const email = `audited-${randomUUID()}@example.org`;
    secrets.push(email);
    const res = await t
      .http()
      .post(`${API}/users`)
      .set(admin.auth)
      .set('X-Request-Id', requestId)
      .send({ email, displayName: 'Audited User', password: PASSWORD, role: 'caseworker' });
    expect(res.status).toBe(201);
    return { id: res.body.id as string, email, requestId, version: res.body.version as number };
  }

  describe('entries for sign-ins', () => {
    it('records a successful sign-in: the user as actor, outcome success, no email or password', async () => {
      const user = await createUser(t, 'caseworker');
      secrets.push(user.email, user.password);
      const requestId = newRequestId();
      const res = await t
        .http()
        .post(`${API}/auth/login`)
        .set('X-Request-Id', requestId)
        .send({ email: user.email, password: user.password });
      expect(res.status).toBe(200);

      const entries = await entriesOf(requestId, { action: 'auth.login', entityId: user.id });
      expect(entries).toHaveLength(1);
      expect(entries[0]).toEqual(
        expect.objectContaining({
          actorId: user.id,
          actorRole: 'caseworker',
          action: 'auth.login',
          entityType: 'user',
          entityId: user.id,
          outcome: 'success',
          requestId,
        }),
      );
      expect(entries[0].at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/);
      expectNoSecrets(entries[0]);
    });

    it('records a wrong password as a failure against that user, without the password tried', async () => {
      const user = await createUser(t, 'analyst');
      const tried = `tried-${randomUUID()}`;
      secrets.push(user.email, user.password, tried);
      const requestId = newRequestId();
      const res = await t
        .http()
        .post(`${API}/auth/login`)
        .set('X-Request-Id', requestId)
        .send({ email: user.email, password: tried });
      expect(res.status).toBe(401);

      const entries = await entriesOf(requestId, { action: 'auth.login', entityId: user.id });
      expect(entries).toHaveLength(1);
      expect(entries[0]).toEqual(expect.objectContaining({ entityId: user.id, outcome: 'failure' }));
      expectNoSecrets(entries[0]);
    });

    it('records a sign-in with an unknown email as a failure with no actor, without the email', async () => {
      const email = `unknown-${randomUUID()}@example.org`;
      const tried = `tried-${randomUUID()}`;
      secrets.push(email, tried);
      const requestId = newRequestId();
      const res = await t
        .http()
        .post(`${API}/auth/login`)
        .set('X-Request-Id', requestId)
        .send({ email, password: tried });
      expect(res.status).toBe(401);

      const entries = await entriesOf(requestId, { action: 'auth.login' });
      expect(entries).toHaveLength(1);
      expect(entries[0]).toEqual(expect.objectContaining({ actorId: null, outcome: 'failure' }));
      expectNoSecrets(entries[0]);
    });

    it('records a sign-in refused by the lockout as denied', async () => {
      const email = `locked-${randomUUID()}@example.org`;
      secrets.push(email);
      for (let i = 0; i < 5; i++)
        await t.http().post(`${API}/auth/login`).send({ email, password: PASSWORD });
      const requestId = newRequestId();
      const res = await t
        .http()
        .post(`${API}/auth/login`)
        .set('X-Request-Id', requestId)
        .send({ email, password: PASSWORD });
      expect(res.status).toBe(429);
      const entries = await entriesOf(requestId, { action: 'auth.login' });
      expect(entries).toHaveLength(1);
      expect(entries[0].outcome).toBe('denied');
      expectNoSecrets(entries[0]);
    });
  });

  describe('entries for user management', () => {
    it('records a user create: the admin as actor, the new user as entity, no email or password', async () => {
      const created = await createViaApi();
      const entries = await entriesOf(created.requestId, { action: 'user.create', entityId: created.id });
      expect(entries).toHaveLength(1);
      expect(entries[0]).toEqual(
        expect.objectContaining({
          actorId: admin.id,
          actorRole: 'admin',
          action: 'user.create',
          entityType: 'user',
          entityId: created.id,
          outcome: 'success',
        }),
      );
      expectNoSecrets(entries[0]);
    });

    it('records a user update with the changed field names, and nothing for a refused update', async () => {
      const created = await createViaApi();
      const stale = newRequestId();
      const refused = await t
        .http()
        .patch(`${API}/users/${created.id}`)
        .set(admin.auth)
        .set('If-Match', `"${created.version + 3}"`)
        .set('X-Request-Id', stale)
        .send({ displayName: 'Not applied' });
      expect(refused.status).toBe(412);

      const requestId = newRequestId();
      const res = await t
        .http()
        .patch(`${API}/users/${created.id}`)
        .set(admin.auth)
        .set('If-Match', `"${created.version}"`)
        .set('X-Request-Id', requestId)
        .send({ role: 'supervisor', displayName: 'Renamed Person' });
      expect(res.status).toBe(200);

      const entries = await entriesOf(requestId, { action: 'user.update', entityId: created.id });
      expect(entries).toHaveLength(1);
      expect(entries[0]).toEqual(
        expect.objectContaining({
          actorId: admin.id,
          actorRole: 'admin',
          entityType: 'user',
          outcome: 'success',
        }),
      );
      expect(JSON.stringify(entries[0].details)).toContain('displayName');
      expect(JSON.stringify(entries[0].details)).not.toContain('Renamed Person');
      expectNoSecrets(entries[0]);
      expect(await entriesOf(stale, { action: 'user.update', entityId: created.id })).toEqual([]);
    });

    it('holds no email or password of this file in any entry of the whole log', async () => {
      const [{ n }] = (await t.db.query(
        `SELECT count(*)::int AS n FROM audit_entries a
          WHERE EXISTS (SELECT 1 FROM unnest($1::text[]) s WHERE strpos(lower(a::text), lower(s)) > 0)`,
        [secrets],
      )) as { n: number }[];
      expect(n).toBe(0);
    });
  });

  describe('GET /audit', () => {
    it('answers a page { items, nextCursor }, newest first, and the next page continues exactly after it', async () => {
      const first = await auditList({ limit: 3 });
      expect(first.status).toBe(200);
      expect(Object.keys(first.body).sort()).toEqual(['items', 'nextCursor']);
      expect(first.body.items).toHaveLength(3);
      expect(typeof first.body.nextCursor).toBe('string');
      const ids = (first.body.items as AuditEntry[]).map((e) => BigInt(e.id));
      expect([...ids].sort((a, b) => (a > b ? -1 : 1))).toEqual(ids);

      const second = await auditList({ limit: 3, cursor: first.body.nextCursor });
      expect(second.status).toBe(200);
      const expected = (
        (await t.db.query(
          'SELECT a.id::text AS id FROM audit_entries a WHERE a.id < $1 ORDER BY a.id DESC LIMIT 3',
          [first.body.items[2].id],
        )) as { id: string }[]
      ).map((r) => r.id);
      expect((second.body.items as AuditEntry[]).map((e) => e.id)).toEqual(expected);
    });

    it('filters by actor, entity and action', async () => {
      const created = await createViaApi();
      const byEntity = await auditList({ entityType: 'user', entityId: created.id });
      expect(byEntity.status).toBe(200);
      expect(byEntity.body.items.length).toBeGreaterThan(0);
      expect((byEntity.body.items as AuditEntry[]).every((e) => e.entityId === created.id)).toBe(true);

      const byAction = await auditList({ action: 'user.create', actorId: admin.id, limit: 200 });
      const items = byAction.body.items as AuditEntry[];
      expect(items.every((e) => e.action === 'user.create' && e.actorId === admin.id)).toBe(true);
      expect(items.map((e) => e.entityId)).toContain(created.id);

      const nobody = await auditList({ actorId: randomUUID() });
      expect(nobody.body).toEqual({ items: [], nextCursor: null });
    });

    it('filters by day: from/to today holds the latest entries, a day long past holds none', async () => {
      const created = await createViaApi();
      const [entry] = await entriesOf(created.requestId, { action: 'user.create' });
      const day = entry.at.slice(0, 10);
      const today = await auditList({ from: day, to: day, action: 'user.create', limit: 200 });
      expect((today.body.items as AuditEntry[]).map((e) => e.id)).toContain(entry.id);
      const past = await auditList({ from: '2001-01-01', to: '2001-01-31' });
      expect(past.body).toEqual({ items: [], nextCursor: null });
    });

    it.each([
      ['limit=0', { limit: 0 }, 'limit'],
      ['limit=201', { limit: 201 }, 'limit'],
      ['a malformed actorId', { actorId: 'not-a-uuid' }, 'actorId'],
      ['a malformed from', { from: '01/02/2024' }, 'from'],
      ['an unknown parameter', { password: 'x' }, 'password'],
    ])('refuses %s with 400 VALIDATION_FAILED', async (_name, query, field) => {
      const res = await auditList(query);
      expectError(res, 400, 'VALIDATION_FAILED');
      expect(res.body.details).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
    });
  });

  describe('from/to are UTC days whatever the database session time zone', () => {
    let dbName: string;
    let shifted: TestApp | undefined;
    beforeAll(async () => {
      [{ current_database: dbName }] = (await t.db.query('SELECT current_database()')) as {
        current_database: string;
      }[];
    });
    afterAll(async () => {
      await asOwner((owner) => owner.query(`ALTER DATABASE "${dbName}" RESET timezone`));
      await shifted?.close();
    });

    it('keeps an entry written now in from=to=<its UTC day>', async () => {
      const created = await createViaApi();
      const [entry] = await entriesOf(created.requestId, { action: 'user.create' });
      const day = entry.at.slice(0, 10);
      // Pick the zone that puts "now" outside the day's window if the day were read in that zone.
      const hour = new Date(entry.at).getUTCHours();
      const zone = hour >= 10 ? 'Pacific/Kiritimati' : 'Etc/GMT+12';
      await asOwner((owner) => owner.query(`ALTER DATABASE "${dbName}" SET timezone TO '${zone}'`));
      // A server's default TimeZone is whatever initdb found on its host (Asia/Bangkok, say), not UTC.
      shifted = await createTestApp();

      const res = await shifted
        .http()
        .get(`${API}/audit`)
        .query({ from: day, to: day, action: 'user.create', limit: 200 })
        .set(admin.auth);
      expect(res.status).toBe(200);
      expect((res.body.items as AuditEntry[]).map((e) => e.id)).toContain(entry.id);
    });
  });

  describe('the hash chain', () => {
    it('GET /audit/verify answers { valid: true, entries, head } matching the log', async () => {
      await createViaApi();
      const res = await t.http().get(`${API}/audit/verify`).set(admin.auth);
      expect(res.status).toBe(200);
      expect(res.body).toEqual({
        valid: true,
        entries: expect.any(Number),
        head: expect.stringMatching(/^[0-9a-f]{64}$/),
      });
      const [last] = (await t.db.query(
        'SELECT hash, (SELECT count(*)::int FROM audit_entries) AS n FROM audit_entries ORDER BY id DESC LIMIT 1',
      )) as { hash: string; n: number }[];
      expect(res.body.head).toBe(last.hash);
      expect(res.body.entries).toBe(last.n);
    });

    it('stays one unbroken chain when many requests write entries at once', async () => {
      const before = (await t.http().get(`${API}/audit/verify`).set(admin.auth)).body as { entries: number };
      const burst = await Promise.all([
        ...Array.from({ length: 12 }, () =>
          t
            .http()
            .post(`${API}/auth/login`)
            .send({ email: `burst-${randomUUID()}@example.org`, password: PASSWORD }),
        ),
        ...Array.from({ length: 4 }, () => createViaApi()),
      ]);
      expect(burst).toHaveLength(16);
      const res = await t.http().get(`${API}/audit/verify`).set(admin.auth);
      expect(res.body).toEqual({ valid: true, entries: expect.any(Number), head: expect.any(String) });
      expect(res.body.entries).toBeGreaterThanOrEqual(before.entries + 16);
    });

    it('the database refuses UPDATE, DELETE and TRUNCATE on audit_entries', async () => {
      const [row] = (await t.db.query('SELECT id, outcome FROM audit_entries ORDER BY id DESC LIMIT 1')) as {
        id: string;
        outcome: string;
      }[];
      await expect(
        t.db.query(`UPDATE audit_entries SET outcome = 'denied' WHERE id = $1`, [row.id]),
      ).rejects.toThrow(/append-only/);
      await expect(t.db.query('DELETE FROM audit_entries WHERE id = $1', [row.id])).rejects.toThrow(
        /append-only/,
      );
      await expect(t.db.query('DELETE FROM audit_entries')).rejects.toThrow(/append-only/);
      // The app's role may not truncate at all; the owner, who may, is stopped by the trigger.
      await expect(t.db.query('TRUNCATE audit_entries')).rejects.toThrow(/permission denied/);
      await expect(asOwner((owner) => owner.query('TRUNCATE audit_entries'))).rejects.toThrow(/append-only/);
      const [after] = (await t.db.query('SELECT outcome FROM audit_entries WHERE id = $1', [row.id])) as {
        outcome: string;
      }[];
      expect(after.outcome).toBe(row.outcome);
    });

    it('reports the first entry altered behind the trigger’s back, and is valid again once restored', async () => {
      const created = await createViaApi();
      const [target] = await entriesOf(created.requestId, { action: 'user.create' });
      const before = await t.http().get(`${API}/audit/verify`).set(admin.auth);
      expect(before.body.valid).toBe(true);

      const [original] = (await t.db.query(
        'SELECT details::text AS details, outcome FROM audit_entries WHERE id = $1',
        [target.id],
      )) as { details: string; outcome: string }[];
      /**
       * Writes one row with the append-only trigger off, in one transaction, so nothing else sees it
       * off: as the tables' owner, the only one who may (the app's role may not alter a table).
       */
      const writeBehindTrigger = (sql: string, params: unknown[]) =>
        asOwner(async (owner) => {
          await owner.query('BEGIN');
          await owner.query('ALTER TABLE audit_entries DISABLE TRIGGER audit_entries_append_only');
          await owner.query(sql, params);
          await owner.query('ALTER TABLE audit_entries ENABLE TRIGGER audit_entries_append_only');
          await owner.query('COMMIT');
        });

      try {
        await writeBehindTrigger(
          `UPDATE audit_entries SET details = details || '{"role": "admin"}'::jsonb WHERE id = $1`,
          [target.id],
        );
        const broken = await t.http().get(`${API}/audit/verify`).set(admin.auth);
        expect(broken.status).toBe(200);
        expect(broken.body.valid).toBe(false);
        expect(String(broken.body.brokenAt)).toBe(String(target.id));

        await writeBehindTrigger(
          `UPDATE audit_entries SET details = $2::jsonb, outcome = 'failure' WHERE id = $1`,
          [target.id, original.details],
        );
        const outcomeChanged = await t.http().get(`${API}/audit/verify`).set(admin.auth);
        expect(outcomeChanged.body.valid).toBe(false);
        expect(String(outcomeChanged.body.brokenAt)).toBe(String(target.id));
      } finally {
        await writeBehindTrigger('UPDATE audit_entries SET details = $2::jsonb, outcome = $3 WHERE id = $1', [
          target.id,
          original.details,
          original.outcome,
        ]);
      }
      const restored = await t.http().get(`${API}/audit/verify`).set(admin.auth);
      expect(restored.body).toEqual({ valid: true, entries: expect.any(Number), head: expect.any(String) });
      // and the trigger is back on
      await expect(t.db.query('DELETE FROM audit_entries WHERE id = $1', [target.id])).rejects.toThrow(
        /append-only/,
      );
    });
  });

  describe('non-admin roles', () => {
    it.each(ROLES.filter((r) => r !== 'admin').map((r) => [r]))(
      'a %s gets 403 FORBIDDEN on /audit and /audit/verify',
      async (role) => {
        const caller = await loginAs(t, role);
        expectError(await t.http().get(`${API}/audit`).set(caller.auth), 403, 'FORBIDDEN');
        expectError(await t.http().get(`${API}/audit/verify`).set(caller.auth), 403, 'FORBIDDEN');
      },
    );

    it('answers 401 without a token', async () => {
      expectError(await t.http().get(`${API}/audit`), 401, 'UNAUTHENTICATED');
      expectError(await t.http().get(`${API}/audit/verify`), 401, 'UNAUTHENTICATED');
    });
  });
});
