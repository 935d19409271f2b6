import type { EntityManager } from 'typeorm';
import type { Principal } from '../src/common/auth.decorators';
import { scopeSql, sqlParams } from '../src/people/access/person-scope';
import { appRoleWeaknesses, CONSULAR_DB_ROLE } from '../src/database/database-roles';
import { actAs } from '../src/database/transactions';
import { API, createTestApp, loginAs, type SignedIn, type TestApp } from './support/app';
import { notify, personOf } from './support/consular';
import { asOwner } from './support/database';
import { insertPeople } from './support/people';

type Caller = Pick<Principal, 'id' | 'role' | 'nationalities'>;

/**
 * Row-level security (issue 10, item 10; migration EnableRowLevelSecurity): statements that forget the
 * access rule's filter, run on the app's own connection as the app runs a caller's transaction, see
 * for an embassy only the people of the rule, their notifications to its countries and the handovers
 * holding them; staff and the system see everything; the app's role cannot undo any of it.
 */
describe('Row-level security: the embassy scope without the application filter', () => {
  let t: TestApp;
  let cw: SignedIn;
  const thai = (id: string): Caller => ({ id, role: 'consular', nationalities: ['THA'] });
  const ids = {} as Record<
    | 'thaC'
    | 'thaN'
    | 'thaRevoked'
    | 'thaGrantGivenLater'
    | 'phlC'
    | 'dualC'
    | 'thaClaim'
    | 'thaHeldFromClaim'
    | 'thaErased',
    string
  >;
  const notes = {} as Record<'thaC' | 'dualTha' | 'dualPhl' | 'thaN' | 'phlC', string>;
  const events = {} as Record<'thaAndPhl' | 'phlOnly' | 'unconsenting', string>;

  /** `sql` in one transaction of the app's pool, as the app runs it for `caller` (none: the system). */
  async function as<T>(caller: Caller | null, sql: string, params: unknown[] = []): Promise<T> {
    return t.db.transaction(async (m: EntityManager) => {
      if (caller) await actAs(m, caller);
      return (await m.query(sql, params)) as T;
    });
  }
  const idsAs = async (caller: Caller | null, sql: string, params: unknown[] = []) =>
    (await as<{ id: string }[]>(caller, sql, params)).map((r) => r.id).sort();
  const ofFixtures = (found: string[], fixtures: Record<string, string>) =>
    found.filter((id) => Object.values(fixtures).includes(id)).sort();

  async function insertEvent(people: string[]): Promise<string> {
    const [{ id }] = (await t.db.query(
      `INSERT INTO handover_events (type, occurred_at, place, country_code, from_party, to_party, created_by)
       VALUES ('border_handover', '2023-11-15T08:00:00Z', 'Bridge', 'THA', 'From', 'To', $1) RETURNING id`,
      [cw.id],
    )) as { id: string }[];
    await t.db.query(`INSERT INTO handover_people (handover_id, person_id) SELECT $1, unnest($2::uuid[])`, [
      id,
      people,
    ]);
    return id;
  }

  async function insertNotification(personId: string, country: string): Promise<string> {
    const [{ id }] = (await t.db.query(
      `INSERT INTO consular_notifications (person_id, country_code, channel, notified_at, created_by)
       VALUES ($1, $2, 'email', now(), $3) RETURNING id`,
      [personId, country, cw.id],
    )) as { id: string }[];
    return id;
  }

  beforeAll(async () => {
    t = await createTestApp();
    cw = await loginAs(t, 'caseworker');
    const fixture = (nationalities: string[], consularConsent: boolean, status = 'exit_cleared') =>
      insertPeople(t, 1, { nationalities, consularConsent, status, createdBy: cw.id }).then(([id]) => id);
    ids.thaC = await fixture(['THA'], true);
    ids.thaN = await fixture(['THA'], false);
    ids.thaRevoked = await fixture(['THA'], true);
    ids.thaGrantGivenLater = await fixture(['THA'], true);
    ids.phlC = await fixture(['PHL'], true);
    ids.dualC = await fixture(['PHL', 'THA'], true);
    ids.thaClaim = await fixture(['THA'], true, 'protection_claim');
    ids.thaHeldFromClaim = await fixture(['THA'], true);
    ids.thaErased = await fixture(['THA'], true);
    // The current answer is the latest given: a refusal given after the grant withdraws it; one
    // typed in later but given before the grant does not.
    await t.db.query(
      `INSERT INTO consents (person_id, type, granted, given_at, recorded_by)
       VALUES ($1, 'consular_notification', false, clock_timestamp(), $3),
              ($2, 'consular_notification', false, clock_timestamp() - interval '1 day', $3)`,
      [ids.thaRevoked, ids.thaGrantGivenLater, cw.id],
    );
    await t.db.query(
      `UPDATE people SET status = 'on_hold', hold_return_status = 'protection_claim' WHERE id = $1`,
      [ids.thaHeldFromClaim],
    );
    await t.db.query(`UPDATE people SET erased_at = now() WHERE id = $1`, [ids.thaErased]);

    notes.thaC = await insertNotification(ids.thaC, 'THA');
    notes.dualTha = await insertNotification(ids.dualC, 'THA');
    notes.dualPhl = await insertNotification(ids.dualC, 'PHL');
    notes.thaN = await insertNotification(ids.thaN, 'THA');
    notes.phlC = await insertNotification(ids.phlC, 'PHL');

    events.thaAndPhl = await insertEvent([ids.thaC, ids.phlC]);
    events.phlOnly = await insertEvent([ids.phlC]);
    events.unconsenting = await insertEvent([ids.thaN, ids.thaClaim]);
  });
  afterAll(() => t.close());

  describe('a Thai officer, with no filter in the query', () => {
    it('sees only the people of the access rule: consenting Thai nationals, no claim, not erased', async () => {
      const seen = await idsAs(thai(cw.id), 'SELECT id FROM people');
      expect(ofFixtures(seen, ids)).toEqual([ids.thaC, ids.thaGrantGivenLater, ids.dualC].sort());
    });

    it('sees only notifications to Thailand of the people it may see', async () => {
      const seen = await idsAs(thai(cw.id), 'SELECT id FROM consular_notifications');
      expect(ofFixtures(seen, notes)).toEqual([notes.thaC, notes.dualTha].sort());
    });

    it('sees only handovers holding someone it may see, and only those people in them', async () => {
      const seen = await idsAs(thai(cw.id), 'SELECT id FROM handover_events');
      expect(ofFixtures(seen, events)).toEqual([events.thaAndPhl]);
      const entries = await as<{ person_id: string }[]>(
        thai(cw.id),
        'SELECT person_id FROM handover_people WHERE handover_id = ANY($1::uuid[])',
        [Object.values(events)],
      );
      expect(entries).toEqual([{ person_id: ids.thaC }]);
    });

    it('cannot write a person outside the rule, nor move one of its own out of it', async () => {
      const updated = await as<[unknown, number]>(
        thai(cw.id),
        'UPDATE people SET updated_at = now() WHERE id = ANY($1::uuid[])',
        [[ids.thaN, ids.phlC, ids.thaClaim]],
      );
      expect(updated[1]).toBe(0);
      await expect(
        as(thai(cw.id), `UPDATE people SET status = 'protection_claim' WHERE id = $1`, [ids.thaC]),
      ).rejects.toThrow(/row-level security/);
    });

    it('sees nothing when its countries are missing from the transaction', async () => {
      expect(
        await idsAs({ id: cw.id, role: 'consular', nationalities: [] }, 'SELECT id FROM people'),
      ).toEqual([]);
    });
  });

  it('staff and the system (no caller: sign-in, jobs, tools) see every row', async () => {
    for (const table of ['people', 'consular_notifications', 'handover_events', 'handover_people']) {
      const [{ n: all }] = (await asOwner((owner) => owner.query(`SELECT count(*)::int AS n FROM ${table}`)))
        .rows;
      const count = async (caller: Caller | null) =>
        (await as<{ n: number }[]>(caller, `SELECT count(*)::int AS n FROM ${table}`))[0].n;
      expect({
        table,
        caseworker: await count({ id: cw.id, role: 'caseworker', nationalities: [] }),
      }).toEqual({
        table,
        caseworker: all,
      });
      expect({ table, system: await count(null) }).toEqual({ table, system: all });
    }
  });

  it('the policy and person-scope.ts give the same people, for every set of countries', async () => {
    for (const nationalities of [['THA'], ['PHL'], ['PHL', 'THA'], ['MMR'], []]) {
      const officer: Caller = { id: cw.id, role: 'consular', nationalities };
      const { params, bind } = sqlParams();
      const fromApp = await idsAs(
        null,
        `SELECT id FROM people p WHERE ${scopeSql(officer, 'p', bind)}`,
        params,
      );
      const fromPolicy = await idsAs(officer, 'SELECT id FROM people');
      expect({ nationalities, ids: fromPolicy }).toEqual({ nationalities, ids: fromApp });
    }
  });

  it('every request of a signed-in officer runs as the bound role with its caller; staff as themselves', async () => {
    await asOwner(async (owner) => {
      try {
        // A witness of who wrote, on the table both a caseworker and an officer write to.
        await owner.query(
          `CREATE TABLE rls_probe (db_role text, user_id text, app_role text, nationalities text)`,
        );
        await owner.query(`GRANT INSERT ON rls_probe TO PUBLIC`);
        await owner.query(`CREATE FUNCTION rls_probe_note() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          INSERT INTO rls_probe VALUES (current_user, current_setting('app.user_id', true),
            current_setting('app.role', true), current_setting('app.nationalities', true));
          RETURN NULL;
        END $$`);
        await owner.query(`CREATE TRIGGER rls_probe AFTER INSERT OR UPDATE ON consular_notifications
        FOR EACH STATEMENT EXECUTE FUNCTION rls_probe_note()`);

        const officer = await loginAs(t, 'consular', ['THA']);
        const person = await personOf(t, cw, ['THA']);
        await notify(t, cw, person.id, 'THA');
        const ack = await t
          .http()
          .post(`${API}/consular/cases/${person.id}/acknowledge`)
          .set(officer.auth)
          .send({ note: 'Received' });
        expect(ack.status).toBe(200);

        const { rows } = await owner.query('SELECT * FROM rls_probe');
        const appRole = new URL(process.env.DATABASE_URL!).username;
        expect(rows).toEqual([
          { db_role: appRole, user_id: cw.id, app_role: 'caseworker', nationalities: '' },
          {
            db_role: 'safe_return_consular',
            user_id: officer.id,
            app_role: 'consular',
            nationalities: 'THA',
          },
        ]);
      } finally {
        await owner.query('DROP TRIGGER IF EXISTS rls_probe ON consular_notifications');
        await owner.query('DROP FUNCTION IF EXISTS rls_probe_note()');
        await owner.query('DROP TABLE IF EXISTS rls_probe');
      }
    });
  });

  it("keeps the read model exact when an officer's write refreshes it (the refresh sees every row)", async () => {
    const officer = await loginAs(t, 'consular', ['THA']);
    const person = await personOf(t, cw, ['PHL', 'THA']);
    const toManila = '2024-01-10T09:00:00.000Z';
    await notify(t, cw, person.id, 'PHL', { notifiedAt: toManila });
    await notify(t, cw, person.id, 'THA');
    const ack = await t
      .http()
      .post(`${API}/consular/cases/${person.id}/acknowledge`)
      .set(officer.auth)
      .send({ note: 'Received' });
    expect(ack.status).toBe(200);
    // The first notification of the person, to any country: the Thai officer's policy hides the
    // Philippine one, and a refresh run under it would take the Thai one.
    const [row] = (await t.db.query('SELECT notified_at FROM report_cases WHERE person_id = $1', [
      person.id,
    ])) as { notified_at: Date }[];
    expect(row.notified_at.toISOString()).toBe(toManila);
  });

  describe("the app's role", () => {
    it('owns nothing and cannot turn the policies off, drop them or empty a table', async () => {
      expect(await appRoleWeaknesses(process.env.DATABASE_URL!)).toEqual([]);
      for (const sql of [
        'ALTER TABLE people DISABLE ROW LEVEL SECURITY',
        'ALTER TABLE people NO FORCE ROW LEVEL SECURITY',
        'DROP POLICY people_embassy_scope ON people',
        'ALTER TABLE people OWNER TO CURRENT_USER',
      ]) {
        await expect(t.db.query(sql)).rejects.toThrow(/must be owner/);
      }
      await expect(t.db.query('TRUNCATE people CASCADE')).rejects.toThrow(/permission denied/);
    });

    it('plans staff queries outside the policies, with statistics; a consular transaction stays bound', async () => {
      // Under a policy, even USING (true), PostgreSQL plans LIKE and the trigram operators without the
      // columns' statistics, and a name search matching nobody walked the whole table.
      const [staff] = (await t.db.query(
        `SELECT rolbypassrls AS bypass, row_security_active('people') AS bound
           FROM pg_roles WHERE rolname = current_user`,
      )) as { bypass: boolean; bound: boolean }[];
      expect(staff).toEqual({ bypass: true, bound: false });
      const consular = (await t.db.transaction(async (m) => {
        await m.query(`SELECT set_config('role', $1, true)`, [CONSULAR_DB_ROLE]);
        return m.query(`SELECT row_security_active('people') AS bound`);
      })) as { bound: boolean }[];
      expect(consular).toEqual([{ bound: true }]);
    });

    it('stops a production start when it could escape the policies (here: the owner itself)', async () => {
      const owner = process.env.DATABASE_MIGRATION_URL!;
      expect(await appRoleWeaknesses(owner)).toEqual([
        'is a superuser',
        expect.stringMatching(/^owns \d+ table/),
      ]);
      await expect(
        createTestApp({ NODE_ENV: 'production', DATABASE_URL: owner, DATABASE_MIGRATION_URL: owner }),
      ).rejects.toThrow(/row-level security cannot bind it/);
    });
  });
});
