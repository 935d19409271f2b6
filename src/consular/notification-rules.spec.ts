import { ApiError } from '../common/errors';
import { CASE_STATUSES, type CaseStatus } from '../people/workflow/case-workflow';
import { assertMayNotify, NOTIFIABLE_STATES } from './notification-rules';

const person = (overrides: Partial<Parameters<typeof assertMayNotify>[0]> = {}) => ({
  erased_at: null,
  status: 'presumed_victim' as CaseStatus,
  hold_return_status: null,
  nationalities: [{ code: 'THA', verified: false }],
  consents: { services: true, consularNotification: true, shareWithPartners: false, research: false },
  ...overrides,
});

/** The code of the rule that refuses, or undefined when the notification may go ahead. */
function refusal(p: Parameters<typeof assertMayNotify>[0], country = 'THA'): string | undefined {
  try {
    assertMayNotify(p, country);
    return undefined;
  } catch (e) {
    return (e as ApiError).code;
  }
}

const noConsent = { services: false, consularNotification: false, shareWithPartners: false, research: false };

describe('assertMayNotify', () => {
  it('lets a consenting national in presumed_victim through', () => {
    expect(refusal(person())).toBeUndefined();
  });

  it('refuses an erased record before anything else', () => {
    expect(refusal(person({ erased_at: new Date(), status: 'protection_claim', consents: noConsent }))).toBe(
      'PERSON_ERASED',
    );
  });

  it('checks the protection claim first among the rules, whatever the consent and the country', () => {
    expect(refusal(person({ status: 'protection_claim', consents: noConsent }), 'PHL')).toBe(
      'PROTECTION_CLAIM',
    );
    expect(refusal(person({ status: 'on_hold', hold_return_status: 'protection_claim' }))).toBe(
      'PROTECTION_CLAIM',
    );
  });

  it('then the nationality, then the consent, then the status', () => {
    expect(refusal(person({ consents: noConsent, status: 'closed' }), 'PHL')).toBe('NATIONALITY_MISMATCH');
    expect(refusal(person({ consents: noConsent, status: 'closed' }))).toBe('CONSENT_REQUIRED');
    expect(refusal(person({ status: 'closed' }))).toBe('INVALID_TRANSITION');
  });

  it('accepts any of a dual national’s countries', () => {
    const dual = person({
      nationalities: [
        { code: 'MMR', verified: false },
        { code: 'THA', verified: true },
      ],
    });
    expect(refusal(dual, 'MMR')).toBeUndefined();
    expect(refusal(dual, 'THA')).toBeUndefined();
  });

  it.each(CASE_STATUSES.map((s) => [s]))(
    'status %s: allowed only from presumed_victim to movement_scheduled',
    (s) => {
      const expected = NOTIFIABLE_STATES.includes(s)
        ? undefined
        : s === 'protection_claim'
          ? 'PROTECTION_CLAIM'
          : 'INVALID_TRANSITION';
      expect(refusal(person({ status: s, hold_return_status: s === 'on_hold' ? 'screening' : null }))).toBe(
        expected,
      );
    },
  );

  it('names exactly the states between presumed_victim and movement_scheduled', () => {
    expect([...NOTIFIABLE_STATES]).toEqual([
      'presumed_victim',
      'consular_notified',
      'identity_verified',
      'documents_issued',
      'exit_cleared',
      'movement_scheduled',
    ]);
  });
});
