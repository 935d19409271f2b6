import type { CaseSummary } from './usePeoplePages';

/**
 * A person's name as the list gives it: the romanised name (given then family, as on documents or as
 * told) and, beside it, the name in their own script. Either may be missing; an erased record has
 * neither, and says so instead of showing an empty cell.
 */
export function caseName(person: Pick<CaseSummary, 'givenName' | 'familyName' | 'nameNative' | 'erased'>): {
  name: string | undefined;
  native: string | undefined;
} {
  if (person.erased) return { name: undefined, native: undefined };
  const name = [person.givenName, person.familyName].filter(Boolean).join(' ') || undefined;
  const native = person.nameNative && person.nameNative !== name ? person.nameNative : undefined;
  return { name, native };
}

/** Whole days or, under a day, whole hours since `since`: how long a case has been overdue. */
export function overdueFor(
  since: string,
  now: number = Date.now(),
): { unit: 'days' | 'hours'; count: number } {
  const hours = Math.max(0, Math.floor((now - Date.parse(since)) / 3_600_000));
  return hours >= 24 ? { unit: 'days', count: Math.floor(hours / 24) } : { unit: 'hours', count: hours };
}
