import { DataSource } from 'typeorm';
import { isDatabaseUnavailable } from '../src/database/database-faults';
import { allowStatementTime, Transactions } from '../src/database/transactions';
import { createTestApp, type TestApp } from './support/app';

/**
 * DATABASE_TIMEOUT_MS bounds every statement (API.md "Faults"), on the server and in the client, and
 * a transaction may be given a larger budget (exports) that ends with it. One pooled connection, so
 * that each statement below runs on the connection the one before it left.
 */
const BUDGET_MS = 500;

describe('the database time budget', () => {
  let t: TestApp;
  let db: DataSource;
  beforeAll(async () => {
    t = await createTestApp({ DATABASE_TIMEOUT_MS: String(BUDGET_MS), DATABASE_POOL_SIZE: '1' });
    db = t.db;
  });
  afterAll(() => t.close());

  const failure = (work: Promise<unknown>) =>
    work.then(
      () => undefined,
      (error: unknown) => error,
    );

  it('cancels a statement over the budget as "database unavailable"', async () => {
    const error = await failure(db.query('SELECT pg_sleep(1)'));
    expect(isDatabaseUnavailable(error)).toBe(true);
    expect(await db.query('SELECT 1 AS ok')).toEqual([{ ok: 1 }]);
  });

  it('gives a transaction a larger budget, on both ends, only until it ends', async () => {
    await t.app.get(Transactions).run(async (m) => {
      await allowStatementTime(m, 10 * BUDGET_MS);
      await m.query('SELECT pg_sleep(0.8)');
    });
    const error = await failure(db.query('SELECT pg_sleep(0.8)'));
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it('closes a connection whose statement the server never answered, so the next one does not wait behind it', async () => {
    // The server's own limit off, as when it is frozen: only the client's budget ends the wait.
    const [{ pid }] = (await db.query('SELECT pg_backend_pid() AS pid')) as { pid: number }[];
    await db.query('SET statement_timeout = 0');
    const error = await failure(db.query('SELECT pg_sleep(3)'));
    expect(isDatabaseUnavailable(error)).toBe(true);
    // Left in the pool, the connection would hold this statement until the sleep ends, 3 s away.
    const [next] = (await db.query('SELECT pg_backend_pid() AS pid')) as { pid: number }[];
    expect(next.pid).not.toBe(pid);
  });
});
