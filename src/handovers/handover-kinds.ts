/** The enumerations of a handover event (API.md "Handovers", DESIGN.md §2). */
export const HANDOVER_TYPES = [
  'rescue',
  'transfer',
  'border_handover',
  'repatriation_departure',
  'arrival_home',
] as const;
export type HandoverType = (typeof HANDOVER_TYPES)[number];

/** What happened to one listed person; only `handed_over` can move a case (DESIGN.md §3). */
export const HANDOVER_OUTCOMES = ['handed_over', 'absent', 'declined'] as const;
export type HandoverOutcome = (typeof HANDOVER_OUTCOMES)[number];

/** Why a person makes a whole event refused. `erased` turns the answer into PERSON_ERASED. */
export const OFFENCE_REASONS = ['not_found', 'duplicate', 'not_eligible', 'erased'] as const;
export type OffenceReason = (typeof OFFENCE_REASONS)[number];

/**
 * A raid hands over hundreds in a day (Laukkaing: 273); the cap keeps one event's locks, history and
 * audit rows within one short transaction and its body well under the 1 MiB limit (~70 bytes a person).
 */
export const MAX_PEOPLE_PER_EVENT = 2_000;

/** Length limits, in characters. */
export const HANDOVER_LIMITS = { place: 300, party: 300, notes: 2_000 } as const;
