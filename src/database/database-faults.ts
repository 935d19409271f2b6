import {
  QueryFailedError,
  QueryRunnerAlreadyReleasedError,
  QueryRunnerProviderAlreadyReleasedError,
} from 'typeorm';
import { READ_TIMEOUT_MESSAGE } from './bounded-client';

/**
 * SQLSTATEs that say the database cannot serve now, not that the request is wrong: the whole class
 * 08 (connection exception) and these. 57014 is a statement cancelled, in this app by its time budget
 * (statement_timeout); 25P03 a transaction the server ended after its client went quiet.
 */
const UNAVAILABLE_SQLSTATES = new Set([
  '57P01', // admin_shutdown: the server is stopping
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now: starting up, in recovery
  '57014', // query_canceled: over the statement's time budget
  '25P03', // idle_in_transaction_session_timeout
  '53300', // too_many_connections
]);

/** Socket errors on the way to the server. */
const UNREACHABLE_ERRNOS = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

/**
 * What pg and pg-pool say, with no code, when a connection is lost, cannot be had in time, or a
 * statement gets no answer in time (BoundedClient's budget).
 */
const DRIVER_MESSAGES = [
  /^Connection terminated/, // …unexpectedly, …due to connection timeout
  /is not queryable$/, // a connection that already failed
  /^timeout exceeded when trying to connect$/, // no pooled connection free in time
  /^Cannot use a pool after calling end on the pool$/, // the app is stopping
  new RegExp(`^${READ_TIMEOUT_MESSAGE}$`),
];

interface DriverError {
  code?: unknown;
  message?: unknown;
  cause?: unknown;
  errors?: unknown;
}

function isUnavailable(error: unknown, depth: number): boolean {
  if (!error || typeof error !== 'object' || depth > 4) return false;
  const e = error as DriverError;
  if (error instanceof QueryFailedError) return isUnavailable(error.driverError, depth + 1);
  // TypeORM gives a transaction's connection back the moment the connection fails under it (its
  // 'error' event); the transaction's next statement then meets one of these instead of pg's error.
  if (
    error instanceof QueryRunnerProviderAlreadyReleasedError ||
    error instanceof QueryRunnerAlreadyReleasedError
  ) {
    return true;
  }
  if (typeof e.code === 'string') {
    if (UNAVAILABLE_SQLSTATES.has(e.code) || /^08[0-9A-Z]{3}$/.test(e.code)) return true;
    if (UNREACHABLE_ERRNOS.has(e.code)) return true;
  }
  if (typeof e.message === 'string' && DRIVER_MESSAGES.some((m) => m.test(e.message as string))) return true;
  // A connection attempt to several addresses fails with all their errors (AggregateError).
  if (Array.isArray(e.errors) && e.errors.some((inner) => isUnavailable(inner, depth + 1))) return true;
  return isUnavailable(e.cause, depth + 1);
}

/**
 * Whether a failure means "the database is down or did not answer in time" (503 DATABASE_UNAVAILABLE,
 * API.md "Faults"), whatever layer it surfaced from: TypeORM's QueryFailedError, pg, pg-pool, a socket.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  return isUnavailable(error, 0);
}
