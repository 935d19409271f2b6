import { QueryFailedError, type EntityManager } from 'typeorm';
import { ApiError } from './errors';

/** PostgreSQL's query_canceled: what statement_timeout raises. */
const QUERY_CANCELED = '57014';
/** A search refused for its time is worth trying again after a short pause, not at once. */
const RETRY_AFTER_SECONDS = 5;

/**
 * Runs a search's statements with a time budget each (`statement_timeout` set for the caller's
 * transaction only, as SET LOCAL would, and put back afterwards so the audit entry that follows is not
 * held to it), so that one search cannot hold a connection and
 * the server's time for seconds while others wait. When the budget runs out the caller gets 429
 * SEARCH_TIMEOUT with Retry-After: the server declined to spend more on this request now, as it does
 * for too many requests, and a narrower search (more of the name, a date of birth) or a later try can
 * succeed. Not 503 DATABASE_UNAVAILABLE, which says the database is down and this one is answering.
 */
export async function withinSearchBudget<T>(
  m: EntityManager,
  budgetMs: number,
  work: () => Promise<T>,
): Promise<T> {
  const [{ previous }] = (await m.query(`SELECT current_setting('statement_timeout') AS previous`)) as {
    previous: string;
  }[];
  await m.query(`SELECT set_config('statement_timeout', $1, true)`, [`${budgetMs}ms`]);
  try {
    const result = await work();
    await m.query(`SELECT set_config('statement_timeout', $1, true)`, [previous]);
    return result;
  } catch (error) {
    if (
      error instanceof QueryFailedError &&
      (error.driverError as { code?: string }).code === QUERY_CANCELED
    ) {
      throw ApiError.tooMany(
        'SEARCH_TIMEOUT',
        'The search took longer than the time it may take; narrow it or try again shortly',
        RETRY_AFTER_SECONDS,
      );
    }
    throw error;
  }
}
