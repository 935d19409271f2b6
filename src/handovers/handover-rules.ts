import type { CaseLabel } from '../people/access/person-access.service';
import type { LockedPerson } from '../people/people-mover.service';
import { canMove, type CaseStatus, type Trigger } from '../people/workflow/case-workflow';
import {
  HANDOVER_OUTCOMES,
  type HandoverOutcome,
  type HandoverType,
  type OffenceReason,
} from './handover-kinds';

export interface HandoverEntry {
  personId: string;
  outcome: HandoverOutcome;
}

export interface Offender {
  personId: string;
  reason: OffenceReason;
}

export interface HandoverSummary {
  people: number;
  byOutcome: Record<HandoverOutcome, number>;
  byNationality: { code: string; count: number }[];
}

/** The two event types that move a case, and where to: the graph in workflow/ decides from where. */
const STATUS_EFFECTS: Partial<Record<HandoverType, { to: CaseStatus; trigger: Trigger }>> = {
  repatriation_departure: { to: 'departed', trigger: 'repatriation_departure' },
  arrival_home: { to: 'received_home', trigger: 'arrival_home' },
};

/** The move a person's outcome at this event causes, if any: only those handed over move. */
export function statusEffect(
  type: HandoverType,
  outcome: HandoverOutcome,
): { to: CaseStatus; trigger: Trigger } | undefined {
  return outcome === 'handed_over' ? STATUS_EFFECTS[type] : undefined;
}

/**
 * Sorts the lines of a request: `offenders` are every listed person the event cannot carry, in request
 * order (the caller fixes them all in one go), and `eligible` the lines that may go through. A repeat of
 * an earlier line is `duplicate`; a person who does not exist or whom the caller may not see is
 * `not_found` (the two must look the same); an erased one is `erased`; one whose status the event's
 * move may not leave is `not_eligible`. `people` are the rows locked for the event and `visible` the
 * labels of those the caller may see.
 */
export function judge(
  type: HandoverType,
  entries: HandoverEntry[],
  people: Map<string, LockedPerson>,
  visible: Map<string, CaseLabel>,
): { eligible: HandoverEntry[]; offenders: Offender[] } {
  const seen = new Set<string>();
  const eligible: HandoverEntry[] = [];
  const offenders: Offender[] = [];
  for (const entry of entries) {
    const { personId, outcome } = entry;
    const person = visible.has(personId) ? people.get(personId) : undefined;
    const reason = offence(type, outcome, seen.has(personId), person);
    seen.add(personId);
    if (reason) offenders.push({ personId, reason });
    else eligible.push(entry);
  }
  return { eligible, offenders };
}

function offence(
  type: HandoverType,
  outcome: HandoverOutcome,
  repeated: boolean,
  person: LockedPerson | undefined,
): OffenceReason | undefined {
  if (repeated) return 'duplicate';
  if (!person) return 'not_found';
  if (person.erased_at) return 'erased';
  const effect = statusEffect(type, outcome);
  if (effect && !canMove(person.status, effect.to, effect.trigger, person.hold_return_status)) {
    return 'not_eligible';
  }
  return undefined;
}

/**
 * Head counts of an event: by outcome, and by nationality over the labels given (a dual national
 * counts in each of their rows; an embassy's labels hold its own countries only). Rows by count,
 * largest first, then by code, so "266 THA, 6 PHL, 1 SGP" reads in that order.
 */
export function summarize(entries: HandoverEntry[], labels: Map<string, CaseLabel>): HandoverSummary {
  const byOutcome = Object.fromEntries(HANDOVER_OUTCOMES.map((o) => [o, 0])) as Record<
    HandoverOutcome,
    number
  >;
  const byCode = new Map<string, number>();
  for (const { personId, outcome } of entries) {
    byOutcome[outcome]++;
    for (const code of labels.get(personId)?.nationalities ?? [])
      byCode.set(code, (byCode.get(code) ?? 0) + 1);
  }
  const byNationality = [...byCode]
    .map(([code, count]) => ({ code, count }))
    .sort((a, b) => b.count - a.count || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  return { people: entries.length, byOutcome, byNationality };
}
