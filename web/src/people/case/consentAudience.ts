import type { TFunction } from 'i18next';
import type { ConsentType, Person } from './caseApi';

/**
 * Who will see what once a consent is given, in plain words (DESIGN.md §7: every action says who it
 * is visible to). The embassy named is each of the person's nationalities; a protection claim means
 * no embassy is told, whatever the consent says (DESIGN.md §3).
 */
export function consentAudience(
  type: ConsentType,
  person: Person,
  t: TFunction,
  country: (code: string) => string,
): string {
  if (type !== 'consular_notification') return t(`people.case.consents.audience.${type}`);
  if (person.status === 'protection_claim') return t('people.case.consents.audience.protectionClaim');
  const countries = person.nationalities.map((n) => country(n.code)).join(', ');
  return t('people.case.consents.audience.consular_notification', { countries });
}
