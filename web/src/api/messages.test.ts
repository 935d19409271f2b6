import { describe, expect, it } from 'vitest';
import { ApiError } from './errors';
import { apiErrorMessage, fieldErrors } from './messages';

describe('what a failed call means, in catalogue keys', () => {
  it('names a known code, and gives any other with its code', () => {
    expect(apiErrorMessage(new ApiError(412, 'VERSION_MISMATCH', 'x'))).toEqual({
      key: 'common.errors.VERSION_MISMATCH',
    });
    expect(apiErrorMessage(new ApiError(422, 'SOMETHING_NEW', 'x'))).toEqual({
      key: 'common.errors.unknown',
      values: { code: 'SOMETHING_NEW' },
    });
  });
  it('turns Retry-After into whole minutes for a throttle', () => {
    const error = new ApiError(429, 'THROTTLED', 'x', [], 'r', 125);
    expect(apiErrorMessage(error)).toEqual({ key: 'common.errors.THROTTLED', values: { count: 3 } });
  });
  it('tells a search past its time budget to narrow the search, not to slow down', () => {
    const error = new ApiError(429, 'SEARCH_TIMEOUT', 'x', [], 'r', 5);
    expect(apiErrorMessage(error)).toEqual({ key: 'common.errors.SEARCH_TIMEOUT' });
  });
  it('gives each field of a VALIDATION_FAILED its rule and the rule values', () => {
    const error = new ApiError(400, 'VALIDATION_FAILED', 'x', [
      { field: 'fullName', code: 'too_long', message: 'm', params: { max: 200 } as never },
      { code: 'required', message: 'no field' },
    ]);
    expect(fieldErrors(error)).toEqual({
      fullName: { key: 'common.fieldErrors.too_long', values: { max: 200 } },
    });
    expect(fieldErrors(new ApiError(404, 'NOT_FOUND', 'x'))).toEqual({});
  });
});
