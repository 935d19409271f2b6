import type { Role } from '../../common/roles';

/**
 * The case workflow of DESIGN.md §3: every state and every allowed move, in one table.
 * The API, the tests and the docs read it from here.
 */
export const CASE_STATUSES = [
  'identified',
  'screening',
  'presumed_victim',
  'not_victim',
  'protection_claim',
  'consular_notified',
  'identity_verified',
  'documents_issued',
  'exit_cleared',
  'movement_scheduled',
  'departed',
  'received_home',
  'reintegration_followup',
  'closed',
  'withdrawn',
  'on_hold',
] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

/**
 * What makes a move happen. `manual`: POST /people/:id/transitions. The others are side effects of
 * recording an event, and only that event may cause them.
 */
export type Trigger =
  'manual' | 'consular_notification' | 'embassy_action' | 'repatriation_departure' | 'arrival_home';

/**
 * Where each event is recorded: a move that only an event makes is refused as a transition with a
 * message that sends the caller there (the graph below says which event leads where).
 */
export const EVENT_ROUTES: Record<Exclude<Trigger, 'manual'>, { what: string; route: string }> = {
  consular_notification: {
    what: 'a consular notification',
    route: 'POST /people/:id/consular-notifications',
  },
  embassy_action: {
    what: "the embassy's identity verification or travel document",
    route: 'POST /consular/cases/:id/identity-verification or /travel-document',
  },
  repatriation_departure: { what: 'a repatriation_departure handover', route: 'POST /handovers' },
  arrival_home: { what: 'an arrival_home handover', route: 'POST /handovers' },
};

const MANUAL: Trigger[] = ['manual'];
/** Identity verification and travel documents: the embassy acts, or a caseworker records what it reported. */
const EMBASSY_OR_MANUAL: Trigger[] = ['embassy_action', 'manual'];
const DEPARTURE: Trigger[] = ['repatriation_departure'];

/** The road home, in order, up to the departure (which only a handover records). */
export const ROAD_HOME: readonly CaseStatus[] = [
  'identified',
  'screening',
  'presumed_victim',
  'consular_notified',
  'identity_verified',
  'documents_issued',
  'exit_cleared',
  'movement_scheduled',
];

/** States from which a person may decline to return (`withdrawn`) or be held (`on_hold`). */
const OPEN_STATES: CaseStatus[] = [...ROAD_HOME, 'protection_claim'];

type Edges = Partial<Record<CaseStatus, Trigger[]>>;

const GRAPH: Record<CaseStatus, Edges> = {
  identified: { screening: MANUAL },
  screening: { presumed_victim: MANUAL, not_victim: MANUAL, protection_claim: MANUAL },
  presumed_victim: { consular_notified: ['consular_notification'], protection_claim: MANUAL },
  consular_notified: { identity_verified: EMBASSY_OR_MANUAL, protection_claim: MANUAL },
  identity_verified: { documents_issued: EMBASSY_OR_MANUAL, protection_claim: MANUAL, departed: DEPARTURE },
  documents_issued: { exit_cleared: MANUAL, protection_claim: MANUAL, departed: DEPARTURE },
  exit_cleared: { movement_scheduled: MANUAL, protection_claim: MANUAL, departed: DEPARTURE },
  movement_scheduled: { departed: DEPARTURE },
  departed: { received_home: ['arrival_home'] },
  received_home: { reintegration_followup: MANUAL, closed: MANUAL },
  reintegration_followup: { closed: MANUAL },
  protection_claim: { presumed_victim: MANUAL, closed: MANUAL },
  not_victim: { closed: MANUAL },
  withdrawn: { closed: MANUAL },
  closed: { screening: MANUAL },
  // Leaving a hold goes back to the state it was entered from: see allowedTargets().
  on_hold: {},
};
for (const state of OPEN_STATES) {
  GRAPH[state].withdrawn = MANUAL;
  GRAPH[state].on_hold = MANUAL;
}

/** Targets only a supervisor or admin may move a case to. */
export const RESTRICTED_TARGETS: Partial<Record<CaseStatus, Role[]>> = {
  not_victim: ['admin', 'supervisor'],
  closed: ['admin', 'supervisor'],
};

export const CLOSE_REASONS = [
  'reintegrated',
  'lost_contact',
  'declined',
  'transferred',
  'deceased',
  'not_victim',
] as const;
export type CloseReason = (typeof CLOSE_REASONS)[number];

/**
 * The states a case may move to from `from` by `trigger`. A case on hold returns only to the state it
 * left (`holdReturn`).
 */
export function allowedTargets(
  from: CaseStatus,
  trigger: Trigger,
  holdReturn?: CaseStatus | null,
): CaseStatus[] {
  if (from === 'on_hold') return trigger === 'manual' && holdReturn ? [holdReturn] : [];
  return (Object.entries(GRAPH[from]) as [CaseStatus, Trigger[]][])
    .filter(([, triggers]) => triggers.includes(trigger))
    .map(([to]) => to);
}

export function canMove(
  from: CaseStatus,
  to: CaseStatus,
  trigger: Trigger,
  holdReturn?: CaseStatus | null,
): boolean {
  return allowedTargets(from, trigger, holdReturn).includes(to);
}

export function mayMoveTo(role: Role, to: CaseStatus): boolean {
  const roles = RESTRICTED_TARGETS[to];
  return !roles || roles.includes(role);
}

/**
 * What a person of `role` may choose now through POST /people/:id/transitions: the manual edges (or
 * the hold's return), less the targets the role may not choose. The person view's allowedTransitions.
 */
export function choosableTargets(role: Role, from: CaseStatus, holdReturn?: CaseStatus | null): CaseStatus[] {
  return allowedTargets(from, 'manual', holdReturn).filter((to) => mayMoveTo(role, to));
}

/** Every (from, to, trigger) edge of the graph, for the tests and the docs. On-hold returns excluded. */
export function allEdges(): { from: CaseStatus; to: CaseStatus; trigger: Trigger }[] {
  return (Object.entries(GRAPH) as [CaseStatus, Edges][]).flatMap(([from, edges]) =>
    (Object.entries(edges) as [CaseStatus, Trigger[]][]).flatMap(([to, triggers]) =>
      triggers.map((trigger) => ({ from, to, trigger })),
    ),
  );
}

/**
 * The events (never `manual`) that move a case into `to`: from `from` when one does, else from any
 * state. Empty when a transition can reach `to` somewhere, so only event-made targets are named.
 */
export function eventsInto(to: CaseStatus, from: CaseStatus): Exclude<Trigger, 'manual'>[] {
  const into = allEdges().filter((e) => e.to === to);
  const events = (edges: typeof into) =>
    [...new Set(edges.map((e) => e.trigger))].filter((t): t is Exclude<Trigger, 'manual'> => t !== 'manual');
  const here = events(into.filter((e) => e.from === from));
  if (here.length && !into.some((e) => e.from === from && e.trigger === 'manual')) return here;
  return into.some((e) => e.trigger === 'manual') ? [] : events(into);
}
