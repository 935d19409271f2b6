import { COUNT_CAP } from '../src/people/people.service';
import { API, createTestApp, loginAs, SignedIn, TestApp } from './support/app';
import { insertPersonRows } from './support/people';

/**
 * The count stops at COUNT_CAP: past it, "at least". 10,001 people are written set-based for this
 * (one statement), under a compound of their own, and removed again so that later specs of this
 * worker do not page through them.
 */
describe('GET /people/count beyond its cap', () => {
  let t: TestApp;
  let cw: SignedIn;
  let compoundId: string;
  let ids: string[];

  beforeAll(async () => {
    t = await createTestApp();
    cw = await loginAs(t, 'caseworker');
    [{ id: compoundId }] = (await t.db.query(
      `INSERT INTO compounds (name, country_code, status) VALUES ('Count cap compound', 'KHM', 'raided') RETURNING id`,
    )) as { id: string }[];
    ids = await insertPersonRows(
      t,
      Array.from({ length: COUNT_CAP + 1 }, () => ({
        nationalities: ['THA'],
        compoundId,
        status: 'screening',
      })),
    );
    // One of them elsewhere in the workflow, so that a filter leaves exactly the cap.
    await t.db.query(`UPDATE people SET status = 'identified' WHERE id = $1`, [ids[0]]);
  });
  afterAll(async () => {
    await t.db.query('DELETE FROM people WHERE id = ANY($1::uuid[])', [ids]);
    await t.db.query('DELETE FROM compounds WHERE id = $1', [compoundId]);
    await t.close();
  });

  const count = (query: string) => t.http().get(`${API}/people/count?${query}`).set(cw.auth);

  it('answers { count: null, atLeast: 10000 } past 10,000 matches', async () => {
    expect(COUNT_CAP).toBe(10_000);
    const res = await count(`compoundId=${compoundId}`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ count: null, atLeast: 10_000 });
    // One nationality alone is counted from its own index, and stops at the cap too.
    expect((await count('nationality=THA')).body).toEqual({ count: null, atLeast: 10_000 });
  });

  it('is exact at 10,000 and below', async () => {
    expect((await count(`compoundId=${compoundId}&status=screening`)).body).toEqual({ count: 10_000 });
    expect((await count(`compoundId=${compoundId}&status=identified`)).body).toEqual({ count: 1 });
    expect(
      (await count(`compoundId=${compoundId}&status=identified,screening&nationality=PHL`)).body,
    ).toEqual({
      count: 0,
    });
  });
});
