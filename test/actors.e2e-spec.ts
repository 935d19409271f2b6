import { randomUUID } from 'node:crypto';
import { API, createTestApp, loginAs, type SignedIn, type TestApp } from './support/app';
import { createPerson } from './support/people';

interface Actor {
  id: string;
  displayName: string | null;
  role: string | null;
}

/** History, access-log and audit entries name who acted: `actor: { id, displayName, role }`. */
describe('Who did it, readable', () => {
  let t: TestApp;
  let caseworker: SignedIn;
  let supervisor: SignedIn;
  let admin: SignedIn;
  const names = { caseworker: `Aye Caseworker ${randomUUID().slice(0, 6)}`, supervisor: 'Bo Supervisor' };
  let personId: string;

  beforeAll(async () => {
    t = await createTestApp();
    caseworker = await loginAs(t, 'caseworker');
    supervisor = await loginAs(t, 'supervisor');
    admin = await loginAs(t, 'admin');
    await t.db.query('UPDATE users SET display_name = $2 WHERE id = $1', [caseworker.id, names.caseworker]);
    await t.db.query('UPDATE users SET display_name = $2 WHERE id = $1', [supervisor.id, names.supervisor]);

    const person = await createPerson(t, caseworker);
    personId = person.id;
    const moved = await t
      .http()
      .post(`${API}/people/${personId}/transitions`)
      .set(supervisor.auth)
      .set('If-Match', `"${person.version}"`)
      .send({ to: 'screening' });
    expect(moved.status).toBe(200);
    // The caseworker is promoted afterwards: the log keeps the role they acted in.
    await t.db.query(`UPDATE users SET role = 'supervisor' WHERE id = $1`, [caseworker.id]);
  });
  afterAll(() => t.close());

  /** The caseworker as the log recorded them: their name, and the role they acted in. */
  const caseworkerThen = (): Actor => ({
    id: caseworker.id,
    displayName: names.caseworker,
    role: 'caseworker',
  });

  it('history entries carry the actor with their name and current role', async () => {
    const res = await t.http().get(`${API}/people/${personId}/history`).set(admin.auth);
    expect(res.status).toBe(200);
    const [transition, created] = res.body.items as { kind: string; actorId: string; actor: Actor }[];
    expect(transition).toEqual(
      expect.objectContaining({
        kind: 'status_change',
        actorId: supervisor.id,
        actor: { id: supervisor.id, displayName: names.supervisor, role: 'supervisor' },
      }),
    );
    expect(created).toEqual(
      expect.objectContaining({
        kind: 'created',
        actorId: caseworker.id,
        actor: { id: caseworker.id, displayName: names.caseworker, role: 'supervisor' },
      }),
    );
  });

  it('access-log entries carry the actor with the role recorded at the time', async () => {
    const res = await t.http().get(`${API}/people/${personId}/access-log`).set(admin.auth);
    expect(res.status).toBe(200);
    const items = res.body.items as { action: string; actorId: string; actorRole: string; actor: Actor }[];
    const create = items.find((e) => e.action === 'person.create')!;
    expect(create).toEqual(
      expect.objectContaining({ actorId: caseworker.id, actorRole: 'caseworker', actor: caseworkerThen() }),
    );
    const transition = items.find((e) => e.action === 'person.transition')!;
    expect(transition.actor).toEqual({
      id: supervisor.id,
      displayName: names.supervisor,
      role: 'supervisor',
    });
  });

  it('audit entries carry the actor (role as recorded), and null when nobody was signed in', async () => {
    const res = await t
      .http()
      .get(`${API}/audit`)
      .query({ entityId: personId, action: 'person.create' })
      .set(admin.auth);
    expect(res.status).toBe(200);
    expect(res.body.items).toEqual([
      expect.objectContaining({ actorId: caseworker.id, actorRole: 'caseworker', actor: caseworkerThen() }),
    ]);

    const ghost = `ghost-${randomUUID()}@example.org`;
    await t.http().post(`${API}/auth/login`).send({ email: ghost, password: 'not-the-password' });
    const failed = await t
      .http()
      .get(`${API}/audit`)
      .query({ action: 'auth.login', limit: 1 })
      .set(admin.auth);
    expect(failed.body.items[0]).toEqual(
      expect.objectContaining({ outcome: 'failure', actorId: null, actor: null }),
    );
  });

  it('filters and pages the audit log as before with the join in place', async () => {
    const page1 = await t
      .http()
      .get(`${API}/audit`)
      .query({ actorId: supervisor.id, limit: 1 })
      .set(admin.auth);
    expect(page1.status).toBe(200);
    expect(page1.body.items).toHaveLength(1);
    const page2 = await t
      .http()
      .get(`${API}/audit`)
      .query({ actorId: supervisor.id, limit: 1, cursor: page1.body.nextCursor })
      .set(admin.auth);
    expect(page2.status).toBe(200);
    expect(Number(page2.body.items[0].id)).toBeLessThan(Number(page1.body.items[0].id));
    for (const item of [...page1.body.items, ...page2.body.items]) {
      expect(item.actor).toEqual({ id: supervisor.id, displayName: names.supervisor, role: 'supervisor' });
    }
  });
});
