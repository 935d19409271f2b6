import type { EmbassyCase } from '../hooks/useEmbassyCases';

/** The romanised name as recorded ("given family"); empty when neither part is known. */
export function romanisedName(person: Pick<EmbassyCase, 'givenName' | 'familyName'>): string {
  return [person.givenName, person.familyName].filter(Boolean).join(' ');
}
