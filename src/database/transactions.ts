import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { Principal } from '../common/auth.decorators';
import { requestContext } from '../common/request-context';
import { BoundedClient, NO_BUDGET_MS, transactionBudgetSettings } from './bounded-client';
import { CONSULAR_DB_ROLE } from './database-roles';

/**
 * Every key of a transaction-scoped advisory lock, in one place, so that two features can never pick
 * the same number by accident. Any constants work; each only has to be the same for all its takers.
 */
export const ADVISORY_LOCKS = {
  /** Appends to the audit chain: each entry links to the one committed before it. */
  auditChain: 7_426_001,
  /** Creating the bootstrap admin on a first start (two instances starting at once). */
  bootstrapAdmin: 7_426_002,
  /** Changes to the set of active admins (the last one may not go). */
  adminSet: 7_426_003,
  /** Folding the caseload ledger (one instance at a time; a second would only wait to find nothing). */
  reportCompaction: 7_426_004,
  /**
   * The retention run (erasing closed cases past their time, then vacuuming): held for the whole run
   * by one session, so that of several instances only one runs it and the others skip.
   */
  retention: 7_426_101,
} as const;

export type AdvisoryLock = keyof typeof ADVISORY_LOCKS;

/** Takes a named lock until the end of the current transaction. */
export async function lockForTransaction(m: EntityManager, lock: AdvisoryLock): Promise<void> {
  await m.query('SELECT pg_advisory_xact_lock($1)', [ADVISORY_LOCKS[lock]]);
}

/**
 * Memory for sorts and hash tables of the current transaction's statements only. The server's
 * default (4 MB) suits many small requests; a statement that sorts a year of a million people's
 * figures would spill to disk with it and take seconds.
 */
export async function allowWorkMemory(m: EntityManager, megabytes: number): Promise<void> {
  await m.query(`SELECT set_config('work_mem', $1, true)`, [`${megabytes}MB`]);
}

/**
 * `VACUUM (ANALYZE)` of these tables, on a session outside any transaction (VACUUM refuses to run in
 * one): dead row versions, the old values of rows updated or deleted, leave the tables and their
 * indexes now rather than whenever autovacuum comes by. Table names come from code, never from input.
 */
export async function vacuumAnalyze(session: EntityManager, tables: readonly string[]): Promise<void> {
  if (!tables.length) return;
  const names = [...new Set(tables)].map((t) => `"${t.replace(/"/g, '""')}"`).join(', ');
  // A time budget meant for requests must not cut a vacuum of a large table short: neither the
  // server's (statement_timeout) nor the client's (BoundedClient).
  const client: unknown = await session.queryRunner?.connect();
  const bounded = client instanceof BoundedClient ? client : undefined;
  await session.query('SET statement_timeout = 0');
  bounded?.widenBudget(NO_BUDGET_MS);
  try {
    await session.query(`VACUUM (ANALYZE) ${names}`);
  } finally {
    bounded?.narrowBudget();
    await session.query('RESET statement_timeout');
  }
}

/**
 * Tells the database who the transaction works for, for its own end (transaction-local settings):
 * `app.user_id`, `app.role` and `app.nationalities` (comma-separated), and for a consular officer
 * the role that row-level security binds (migration EnableRowLevelSecurity): from here on, even a
 * query that forgets the access rule's filter sees only the officer's people.
 */
export async function actAs(m: EntityManager, principal: Pick<Principal, 'id' | 'role' | 'nationalities'>) {
  const consular = principal.role === 'consular';
  await m.query(
    `SELECT set_config('app.user_id', $1, true), set_config('app.role', $2, true),
            set_config('app.nationalities', $3, true)${consular ? `, set_config('role', $4, true)` : ''}`,
    [
      principal.id,
      principal.role,
      principal.nationalities.join(','),
      ...(consular ? [CONSULAR_DB_ROLE] : []),
    ],
  );
}

/**
 * A larger time budget than DATABASE_TIMEOUT_MS for the current transaction's statements only (API.md
 * "Faults": exports may have one), on the server (statement and idle-in-transaction timeouts) and in
 * the client (BoundedClient); both return to the request budget when the transaction ends. Only
 * for work that is known to be long and rare: a request that waits longer on a frozen database
 * answers its 503 later.
 */
export async function allowStatementTime(m: EntityManager, budgetMs: number): Promise<void> {
  const { statement, idle } = transactionBudgetSettings(budgetMs);
  await m.query(
    `SELECT set_config('statement_timeout', $1, true), set_config('idle_in_transaction_session_timeout', $2, true)`,
    [statement, idle],
  );
  const client: unknown = await m.queryRunner?.connect();
  if (client instanceof BoundedClient) client.widenBudgetForTransaction(budgetMs);
}

/**
 * The one way a feature runs a unit of work: everything `work` does through its manager commits or
 * rolls back together (a write of several rows, the act and its audit entry).
 *
 * Within a request of a signed-in user (the guard put the caller in the request context), the
 * transaction first says who the caller is (actAs). Without one it runs as the system: sign-in,
 * refresh and other public routes (before anyone is known), background jobs and the command-line
 * tools. That is safe because every request of a signed-in user passes the guard, which names the
 * caller before any handler runs: a consular officer's work never runs without it.
 */
@Injectable()
export class Transactions {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  run<T>(work: (m: EntityManager) => Promise<T>): Promise<T> {
    const principal = requestContext.current()?.principal;
    if (!principal) return this.dataSource.transaction(work);
    return this.dataSource.transaction(async (m) => {
      await actAs(m, principal);
      return work(m);
    });
  }

  /**
   * `run` for the transaction whose result is the request's answer (an intake, a handover). When the
   * request owns an Idempotency-Key, the answer is kept under it in this same transaction: the record
   * and the key's answer commit together or not at all. Kept after it, a database lost between the
   * two commits would leave the key unanswered, and a retry after the key was given up would write
   * the record a second time.
   */
  runAnswering<T>(work: (m: EntityManager) => Promise<T>): Promise<T> {
    return this.run(async (m) => {
      const answer = await work(m);
      const context = requestContext.current();
      const keepAnswer = context?.keepAnswer;
      if (keepAnswer) {
        context.keepAnswer = undefined;
        await keepAnswer(m, answer);
      }
      return answer;
    });
  }

  /**
   * Runs `work` while this process holds a named lock for a whole session, not one transaction: for a
   * job made of many transactions and of statements that may run in none (VACUUM). The lock is taken
   * with `pg_try_advisory_lock`, so when another session (another instance) holds it, `work` does not
   * run and the answer is `{ ran: false }`. `session` is the lock's own connection, outside any
   * transaction; `work` runs its transactions through `run` on other connections as usual. Should
   * the connection break, PostgreSQL releases the lock with it.
   */
  async whileHolding<T>(
    lock: AdvisoryLock,
    work: (session: EntityManager) => Promise<T>,
  ): Promise<{ ran: true; value: T } | { ran: false }> {
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      const [{ locked }] = (await runner.query('SELECT pg_try_advisory_lock($1) AS locked', [
        ADVISORY_LOCKS[lock],
      ])) as { locked: boolean }[];
      if (!locked) return { ran: false };
      try {
        return { ran: true, value: await work(runner.manager) };
      } finally {
        await runner.query('SELECT pg_advisory_unlock($1)', [ADVISORY_LOCKS[lock]]);
      }
    } finally {
      await runner.release();
    }
  }
}
