import { ApiError } from '../common/errors';
import { assertNotErased } from '../people/access/person-access.service';
import { underProtectionClaim } from '../people/access/person-scope';
import type { PersonRow } from '../people/people.repository';
import type { CaseStatus } from '../people/workflow/case-workflow';

/**
 * Where a case may be when an embassy is notified (API.md): from the moment the person is presumed a
 * victim until their movement home is scheduled. Before that nobody knows whom to notify; after it the
 * embassy is no longer what brings the person home.
 */
export const NOTIFIABLE_STATES: readonly CaseStatus[] = [
  'presumed_victim',
  'consular_notified',
  'identity_verified',
  'documents_issued',
  'exit_cleared',
  'movement_scheduled',
];

type NotifiedPerson = Pick<
  PersonRow,
  'erased_at' | 'status' | 'hold_return_status' | 'nationalities' | 'consents'
>;

/**
 * The business rules of a consular notification, in the contract's order. The protection claim comes
 * before everything else: telling the state a person fled from that they are here is the one harm
 * this check exists to prevent, whatever the consent says.
 */
export function assertMayNotify(person: NotifiedPerson, countryCode: string): void {
  assertNotErased(person);
  if (underProtectionClaim(person)) {
    throw ApiError.rule(
      'PROTECTION_CLAIM',
      'The person has a protection claim: no embassy may be notified while it stands',
    );
  }
  if (!person.nationalities.some((n) => n.code === countryCode)) {
    throw ApiError.rule(
      'NATIONALITY_MISMATCH',
      `${countryCode} is not one of the person's nationalities: only their own country may be notified`,
    );
  }
  if (!person.consents.consularNotification) {
    throw ApiError.rule(
      'CONSENT_REQUIRED',
      'The person has not asked for their embassy to be notified (consent consular_notification)',
    );
  }
  if (!NOTIFIABLE_STATES.includes(person.status)) {
    throw ApiError.rule(
      'INVALID_TRANSITION',
      `A case in ${person.status} cannot be notified; allowed from: ${NOTIFIABLE_STATES.join(', ')}`,
    );
  }
}
