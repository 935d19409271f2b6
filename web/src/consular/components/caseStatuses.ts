import type { CaseStatus } from '../hooks/useEmbassyCases';

/**
 * Every status the API's `status` filter accepts, for the filter's choices. Written as a record so
 * the compiler fails here when the API's list of statuses changes (no workflow rule lives here:
 * which step follows which is the API's business).
 */
const ALL: Record<CaseStatus, true> = {
  identified: true,
  screening: true,
  presumed_victim: true,
  not_victim: true,
  protection_claim: true,
  consular_notified: true,
  identity_verified: true,
  documents_issued: true,
  exit_cleared: true,
  movement_scheduled: true,
  departed: true,
  received_home: true,
  reintegration_followup: true,
  closed: true,
  withdrawn: true,
  on_hold: true,
};

export const CASE_STATUSES = Object.keys(ALL) as CaseStatus[];
