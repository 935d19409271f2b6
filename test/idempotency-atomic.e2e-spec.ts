import { API, createTestApp, expectError, loginAs, SignedIn, TestApp } from './support/app';
import { asOwner } from './support/database';
import { insertPeople, personPayload } from './support/people';

/**
 * An Idempotency-Key's answer is kept in the same transaction as the record it answers for
 * (Transactions.runAnswering). A trigger makes keeping the answer fail as a database lost at that
 * moment would (SQLSTATE 57P01): the record must not stay behind without its answer, since a retry
 * of the same key, once the key is given up, would then write it a second time.
 */
describe('Idempotency-Key: the record and its kept answer commit together', () => {
  let t: TestApp;
  let cw: SignedIn;
  beforeAll(async () => {
    t = await createTestApp();
    cw = await loginAs(t, 'caseworker');
    await asOwner(async (owner) => {
      await owner.query(`
        CREATE FUNCTION test_lose_kept_answer() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF NEW.state = 'completed' AND NEW.key LIKE 'lose-answer-%' THEN
            RAISE EXCEPTION 'the database went away while keeping the answer' USING ERRCODE = '57P01';
          END IF;
          RETURN NEW;
        END $$`);
      await owner.query(`CREATE TRIGGER test_lose_kept_answer BEFORE UPDATE ON idempotency_keys
                           FOR EACH ROW EXECUTE FUNCTION test_lose_kept_answer()`);
    });
  });
  afterAll(async () => {
    await asOwner(async (owner) => {
      await owner.query('DROP TRIGGER IF EXISTS test_lose_kept_answer ON idempotency_keys');
      await owner.query('DROP FUNCTION IF EXISTS test_lose_kept_answer()');
    });
    await t.close();
  });

  const keyState = async (key: string) =>
    (await t.db.query('SELECT state FROM idempotency_keys WHERE user_id = $1 AND key = $2', [
      cw.id,
      key,
    ])) as { state: string }[];

  it('an intake whose answer cannot be kept writes no one, and its retry writes the person once', async () => {
    const body = personPayload({ familyName: `Atomic${Date.now()}` });
    const key = `lose-answer-intake-${Date.now()}`;
    const lost = await t.http().post(`${API}/people`).set(cw.auth).set('Idempotency-Key', key).send(body);
    expectError(lost, 503, 'DATABASE_UNAVAILABLE');
    const written = async () =>
      (await t.db.query('SELECT count(*)::int AS n FROM people WHERE family_name = $1', [body.familyName]))[0]
        .n as number;
    expect(await written()).toBe(0);
    // The failed request gave its key back: the retry owns it.
    expect(await keyState(key)).toEqual([]);

    // The same request once the database is back, under a key the trigger lets through.
    const retryKey = key.replace('lose-answer-', 'kept-');
    const first = await t
      .http()
      .post(`${API}/people`)
      .set(cw.auth)
      .set('Idempotency-Key', retryKey)
      .send(body);
    expect(first.status).toBe(201);
    const again = await t
      .http()
      .post(`${API}/people`)
      .set(cw.auth)
      .set('Idempotency-Key', retryKey)
      .send(body);
    expect(again.status).toBe(201);
    expect(again.body.id).toBe(first.body.id);
    expect(await written()).toBe(1);
    expect(await keyState(retryKey)).toEqual([{ state: 'completed' }]);
  });

  it('a handover whose answer cannot be kept moves no one and records no event', async () => {
    const ids = await insertPeople(t, 3, {
      status: 'exit_cleared',
      nationalities: ['THA'],
      createdBy: cw.id,
    });
    const key = `lose-answer-handover-${Date.now()}`;
    const lost = await t
      .http()
      .post(`${API}/handovers`)
      .set(cw.auth)
      .set('Idempotency-Key', key)
      .send({
        type: 'repatriation_departure',
        occurredAt: '2023-11-19T06:30:00.000Z',
        place: 'Mae Sot',
        countryCode: 'THA',
        fromParty: 'Shelter',
        toParty: 'Royal Thai Government',
        people: ids.map((personId) => ({ personId })),
      });
    expectError(lost, 503, 'DATABASE_UNAVAILABLE');
    const moved = (await t.db.query(
      `SELECT (SELECT count(*)::int FROM handover_people WHERE person_id = ANY($1::uuid[])) AS handed,
              (SELECT count(*)::int FROM people WHERE id = ANY($1::uuid[]) AND status <> 'exit_cleared') AS moved`,
      [ids],
    )) as { handed: number; moved: number }[];
    expect(moved).toEqual([{ handed: 0, moved: 0 }]);
    expect(await keyState(key)).toEqual([]);
  });
});
