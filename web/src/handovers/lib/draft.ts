import type { EventDetails, HandoverBody, HandoverSummary, Offender } from './types';

/**
 * The API's body for the event as typed and the people chosen, in the order chosen. Empty optional
 * fields are left out; the time typed on the device's clock becomes UTC.
 */
export function buildBody(details: EventDetails, personIds: readonly string[]): HandoverBody {
  const body: HandoverBody = {
    type: details.type as HandoverBody['type'],
    occurredAt: new Date(details.occurredAt).toISOString(),
    place: details.place.trim(),
    countryCode: details.countryCode,
    fromParty: details.fromParty.trim(),
    toParty: details.toParty.trim(),
    people: personIds.map((personId) => ({ personId })),
  };
  if (details.consularContactId) body.consularContactId = details.consularContactId;
  if (details.notes.trim()) body.notes = details.notes.trim();
  return body;
}

/** One string per body: a dry run holds for exactly the body it checked, and a key for the body it sent. */
export function fingerprint(body: HandoverBody): string {
  return JSON.stringify(body);
}

/**
 * What the last check found, and the body it checked: a dry run's answer, or the offenders of a
 * recording the API refused (a case moved in between), which the builder shows the same way.
 */
export interface CheckedDraft {
  fingerprint: string;
  valid: boolean;
  offenders: Offender[];
  /** The dry run's counts over the eligible people; none after a refusal. */
  summary?: HandoverSummary;
}

/**
 * The event may be recorded only when the last dry run was clean and nothing was changed since
 * (a person added or removed, a detail edited): otherwise the check must run again first.
 */
export function canRecord(checked: CheckedDraft | undefined, current: string | undefined): boolean {
  return !!checked && !!current && checked.fingerprint === current && checked.valid;
}
