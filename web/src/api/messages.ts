import { ApiError } from './errors';

export interface Message {
  key: string;
  values?: Record<string, string | number>;
}

/** Codes with their own sentence under `common.errors.*`; any other code gets `unknown` with the code. */
const KNOWN = [
  'NETWORK',
  'DATABASE_UNAVAILABLE',
  'THROTTLED',
  'FORBIDDEN',
  'NOT_FOUND',
  'VALIDATION_FAILED',
  'VERSION_MISMATCH',
  'PRECONDITION_REQUIRED',
  'INVALID_TRANSITION',
  'CONSENT_REQUIRED',
  'PROTECTION_CLAIM',
  'NATIONALITY_MISMATCH',
  'NOT_NOTIFIED',
  'HANDOVER_INVALID',
  'IDEMPOTENCY_IN_FLIGHT',
  'PERSON_ERASED',
  'INVALID_ASSIGNEE',
  'LAST_ADMIN',
  'CONFLICT',
] as const;

const minutes = (seconds: number | undefined) => Math.max(1, Math.ceil((seconds ?? 60) / 60));

/**
 * What a failed call means for the person at the screen, as a catalogue key (`common.errors.*`),
 * never the API's English `message`. Pages with their own wording for a code check it first.
 */
export function apiErrorMessage(error: unknown): Message {
  if (!(error instanceof ApiError)) return { key: 'common.errors.unknown', values: { code: 'UNKNOWN' } };
  // A search past its time budget is about the search, not about the caller's pace.
  if (error.code === 'SEARCH_TIMEOUT') return { key: 'common.errors.SEARCH_TIMEOUT' };
  if (error.status === 429) {
    return { key: 'common.errors.THROTTLED', values: { count: minutes(error.retryAfterSeconds) } };
  }
  if ((KNOWN as readonly string[]).includes(error.code)) return { key: `common.errors.${error.code}` };
  return { key: 'common.errors.unknown', values: { code: error.code } };
}

/**
 * A VALIDATION_FAILED answer's details, by field, as catalogue keys (`common.fieldErrors.<code>`,
 * with the rule's `params`), for a form to show beside each field. Empty for any other error.
 */
export function fieldErrors(error: unknown): Record<string, Message> {
  if (!(error instanceof ApiError) || error.code !== 'VALIDATION_FAILED') return {};
  const out: Record<string, Message> = {};
  for (const detail of error.details) {
    if (!detail.field) continue;
    const key = `common.fieldErrors.${detail.code ?? 'invalid'}`;
    out[detail.field] = {
      key,
      values: { ...((detail.params as Record<string, string | number> | undefined) ?? {}) },
    };
  }
  return out;
}
