import type { components } from '../api/schema';

export type CaseStatusValue = components['schemas']['PersonView']['status'];
export type VulnerabilityValue = NonNullable<
  components['schemas']['CreatePersonDto']['vulnerabilities']
>[number];

/**
 * The contract's closed lists of a case, for pickers and filters on every page. Written out because
 * the generated types vanish at run time; `satisfies Record<…>` makes the compiler fail when the
 * contract gains or loses a value, so no page can drift from it. Which moves are allowed between the
 * statuses is the API's to say (`allowedTransitions`), never written here.
 */
const STATUS_SET = {
  identified: 1,
  screening: 1,
  presumed_victim: 1,
  not_victim: 1,
  protection_claim: 1,
  consular_notified: 1,
  identity_verified: 1,
  documents_issued: 1,
  exit_cleared: 1,
  movement_scheduled: 1,
  departed: 1,
  received_home: 1,
  reintegration_followup: 1,
  closed: 1,
  withdrawn: 1,
  on_hold: 1,
} satisfies Record<CaseStatusValue, 1>;
export const CASE_STATUSES = Object.keys(STATUS_SET) as CaseStatusValue[];

const VULNERABILITY_SET = {
  minor: 1,
  medical: 1,
  injured: 1,
  pregnant: 1,
  disability: 1,
  psychological_distress: 1,
} satisfies Record<VulnerabilityValue, 1>;
export const VULNERABILITIES = Object.keys(VULNERABILITY_SET) as VulnerabilityValue[];

/**
 * The longest name the API searches for (the list's `q`, the duplicate search's names; API: 400
 * `too_long` beyond it), in characters. A stored name may be longer: a search needs only this much.
 */
export const NAME_QUERY_MAX = 70;
