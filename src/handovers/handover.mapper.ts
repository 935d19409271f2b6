import type { Audience } from '../people/access/person-scope';
import type { CaseLabel } from '../people/access/person-access.service';
import type { HandoverEventView, HandoverPersonView, HandoverView } from './dto/handover.view';
import { type HandoverEntry, summarize } from './handover-rules';
import type { HandoverEventRow } from './handovers.repository';

/**
 * An event as `audience` sees it, over the people it may see (`labels`, from PersonAccess). An
 * embassy never sees the notes: they are about the whole event and may name other people.
 */
export function toEventView(
  row: HandoverEventRow,
  entries: HandoverEntry[],
  labels: Map<string, CaseLabel>,
  audience: Audience,
): HandoverEventView {
  const shown = entries.filter((e) => labels.has(e.personId));
  return {
    id: row.id,
    type: row.type,
    occurredAt: row.occurred_at.toISOString(),
    place: row.place,
    countryCode: row.country_code,
    fromParty: row.from_party,
    toParty: row.to_party,
    consularContactId: row.consular_contact_id,
    notes: audience === 'staff' ? row.notes : null,
    createdAt: row.created_at.toISOString(),
    createdBy: row.created_by,
    summary: summarize(shown, labels),
  };
}

/** The same with its people listed, in the order given. */
export function toHandoverView(
  row: HandoverEventRow,
  entries: HandoverEntry[],
  labels: Map<string, CaseLabel>,
  audience: Audience,
): HandoverView {
  const people: HandoverPersonView[] = entries
    .filter((e) => labels.has(e.personId))
    .map((e) => ({
      personId: e.personId,
      caseNumber: labels.get(e.personId)!.caseNumber,
      outcome: e.outcome,
    }));
  return { ...toEventView(row, entries, labels, audience), people };
}
