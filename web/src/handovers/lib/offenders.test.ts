import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/errors';
import { ineligiblePeople, offendersOfRefusal } from './offenders';
import type { SelectedPerson } from './types';

const person = (id: string, caseNumber: string, status: SelectedPerson['status']): SelectedPerson => ({
  id,
  caseNumber,
  givenName: 'Somchai',
  familyName: 'Jaidee',
  nameNative: null,
  nationalities: [{ code: 'THA', verified: false }],
  status,
  erased: false,
});

describe('the people a check or a refusal names', () => {
  it('joins each offender of a dry run to the person chosen, in the answer’s order', () => {
    const chosen = new Map([
      ['a', person('a', '2023-000001', 'exit_cleared')],
      ['b', person('b', '2023-000002', 'screening')],
    ]);
    const rows = ineligiblePeople(
      [
        { personId: 'b', reason: 'not_eligible' },
        { personId: 'zz', reason: 'not_found' },
      ],
      chosen,
    );
    expect(rows.map((r) => [r.person?.caseNumber, r.person?.status, r.reason])).toEqual([
      ['2023-000002', 'screening', 'not_eligible'],
      [undefined, undefined, 'not_found'],
    ]);
  });

  it('reads the offenders of a refused recording (422 HANDOVER_INVALID or PERSON_ERASED)', () => {
    const details = [
      { personId: 'a', reason: 'not_eligible' as const },
      { personId: 'b', reason: 'erased' as const },
    ];
    expect(offendersOfRefusal(new ApiError(422, 'HANDOVER_INVALID', 'x', details))).toEqual(details);
    expect(offendersOfRefusal(new ApiError(422, 'PERSON_ERASED', 'x', details))).toEqual(details);
  });

  it('ignores every other error', () => {
    expect(offendersOfRefusal(new ApiError(422, 'IDEMPOTENCY_KEY_REUSED', 'x'))).toBeUndefined();
    expect(
      offendersOfRefusal(
        new ApiError(400, 'VALIDATION_FAILED', 'x', [{ field: 'place', code: 'required', message: '' }]),
      ),
    ).toBeUndefined();
    expect(offendersOfRefusal(new Error('boom'))).toBeUndefined();
  });
});
