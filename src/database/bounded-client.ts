import { Client } from 'pg';

/** What pg's error says when `query_timeout` passes (it gives the error no code). */
export const READ_TIMEOUT_MESSAGE = 'Query read timeout';

/**
 * The server cancels a slow statement a little before the client gives up on it: a server that
 * works but is slow then answers with a clean error (57014) on a connection that stays usable, and
 * only a server that does not answer at all (frozen, unreachable) meets the client's own limit.
 */
function serverStatementTimeout(budgetMs: number): number {
  return budgetMs - Math.min(250, Math.floor(budgetMs / 10));
}

type QueryArgs = [config: unknown, values?: unknown, callback?: unknown];
type Callback = (error: Error | null, result?: unknown) => void;

const baseQuery = Client.prototype.query as (this: Client, ...args: QueryArgs) => unknown;

/**
 * The pool's connections (pg-pool's `Client` option). pg's `query_timeout` fails a statement that
 * gets no answer in time, but leaves the connection in the pool with that statement still on the
 * wire: the next request would queue behind it, or find a transaction left open on the server
 * when a ROLLBACK timed out too, and commit it with its own. A connection whose statement timed out
 * is therefore closed at once: the server rolls back whatever it held when it sees the connection
 * go, and the pool opens a fresh one.
 */
export class BoundedClient extends Client {
  /** A larger budget than the pool's: for one transaction (allowStatementTime), or until narrowed. */
  private wider?: { budgetMs: number; untilTransactionEnds: boolean };

  /** Until the current transaction ends, each of its statements may take up to `budgetMs`. */
  widenBudgetForTransaction(budgetMs: number): void {
    this.wider = { budgetMs, untilTransactionEnds: true };
  }

  /** Until narrowBudget(), each statement may take up to `budgetMs`: for work outside transactions (VACUUM). */
  widenBudget(budgetMs: number): void {
    this.wider = { budgetMs, untilTransactionEnds: false };
  }

  narrowBudget(): void {
    this.wider = undefined;
  }

  /**
   * Client#query with the wider budget applied and a timed-out connection closed. Every form pg takes
   * (promise, callback, config object) is kept; only its outcome is watched.
   */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- pg's overloads return any of several types
  override query(...args: QueryArgs): any {
    let [config, values, callback] = args;
    const wider = this.currentWiderBudget();
    if (wider !== undefined) {
      if (typeof config === 'string') config = { text: config, query_timeout: wider };
      else if (
        config &&
        typeof config === 'object' &&
        typeof (config as { submit?: unknown }).submit !== 'function'
      ) {
        config = { ...config, query_timeout: wider };
      }
    }
    const watched =
      (cb: Callback): Callback =>
      (error, result) => {
        if (error) this.abandonOnTimeout(error);
        cb(error, result);
      };
    if (typeof values === 'function') values = watched(values as Callback);
    else if (typeof callback === 'function') callback = watched(callback as Callback);
    const result = baseQuery.call(this, config, values, callback);
    if (result && typeof (result as Promise<unknown>).then === 'function') {
      // A side branch: the caller still gets the rejection from `result` itself.
      (result as Promise<unknown>).then(undefined, (error: unknown) => this.abandonOnTimeout(error));
    }
    return result;
  }

  /** The wider budget while it lasts; 'I' is pg's "idle, in no transaction": a transaction's has ended. */
  private currentWiderBudget(): number | undefined {
    if (this.wider?.untilTransactionEnds && this.getTransactionStatus() === 'I') this.wider = undefined;
    return this.wider?.budgetMs;
  }

  private abandonOnTimeout(error: unknown): void {
    if ((error as Error | undefined)?.message !== READ_TIMEOUT_MESSAGE) return;
    // end() destroys the socket when a statement is still active, without waiting for the server.
    this.end().catch(() => undefined);
  }
}

/**
 * The pool and connection settings that bound every wait on the database by `budgetMs`: for a
 * pooled or a new connection (connectionTimeoutMillis), for one statement's answer (query_timeout,
 * and statement_timeout on the server), and for a transaction whose client went quiet
 * (idle_in_transaction_session_timeout: the server then ends it and frees its locks).
 */
export function boundedPoolSettings(budgetMs: number): Record<string, unknown> {
  return {
    Client: BoundedClient,
    connectionTimeoutMillis: budgetMs,
    query_timeout: budgetMs,
    statement_timeout: serverStatementTimeout(budgetMs),
    idle_in_transaction_session_timeout: budgetMs,
  };
}

/** The longest timer Node keeps: "no limit" for the client, as statement_timeout = 0 is for the server. */
export const NO_BUDGET_MS = 2_147_483_647;

/** The server-side settings of a wider budget, as `set_config` values for the current transaction. */
export function transactionBudgetSettings(budgetMs: number): { statement: string; idle: string } {
  return { statement: `${serverStatementTimeout(budgetMs)}ms`, idle: `${budgetMs}ms` };
}
