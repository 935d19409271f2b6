import type { NationalityCount, PersonSummary, SelectedPerson } from './types';

/** The people chosen for the event, by id, in the order they were added. */
export type Selection = ReadonlyMap<string, SelectedPerson>;

export function toSelected(p: PersonSummary): SelectedPerson {
  const { id, caseNumber, givenName, familyName, nameNative, nationalities, status, erased } = p;
  return { id, caseNumber, givenName, familyName, nameNative, nationalities, status, erased };
}

/**
 * The selection with these people added (a person already in it is refreshed in place: the list
 * just read has their current status). Answers the new selection and how many were new.
 */
export function addPeople(selection: Selection, people: readonly PersonSummary[]): [Selection, number] {
  const next = new Map(selection);
  let added = 0;
  for (const p of people) {
    if (!next.has(p.id)) added++;
    next.set(p.id, toSelected(p));
  }
  return [next, added];
}

export function removePeople(selection: Selection, ids: Iterable<string>): Selection {
  const next = new Map(selection);
  for (const id of ids) next.delete(id);
  return next;
}

/** Head counts by nationality, largest first then by code (as the API orders an event's summary). */
export function countByNationality(selection: Selection): NationalityCount[] {
  const counts = new Map<string, number>();
  for (const p of selection.values())
    for (const { code } of p.nationalities) counts.set(code, (counts.get(code) ?? 0) + 1);
  return [...counts]
    .map(([code, count]) => ({ code, count }))
    .sort((a, b) => b.count - a.count || a.code.localeCompare(b.code));
}

/** A person's name as the list shows it: romanised, then native script; empty when erased. */
export function displayName(p: Pick<SelectedPerson, 'givenName' | 'familyName' | 'nameNative'>): string {
  const roman = [p.givenName, p.familyName].filter(Boolean).join(' ');
  return [roman, p.nameNative].filter(Boolean).join(' · ');
}
