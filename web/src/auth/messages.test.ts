import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/errors';
import { changePasswordErrorMessage, signInErrorMessage } from './messages';

const validation = (code: string, params?: object) =>
  new ApiError(400, 'VALIDATION_FAILED', 'failed', [
    { field: 'newPassword', code, message: 'm', params: params as never },
  ]);

describe('plain-word messages', () => {
  it('rounds a lock up to whole minutes, at least one', () => {
    expect(signInErrorMessage(new ApiError(429, 'LOGIN_LOCKED', 'x', [], 'r', 61))).toEqual({
      key: 'auth.errors.LOGIN_LOCKED',
      values: { count: 2 },
    });
    expect(signInErrorMessage(new ApiError(429, 'THROTTLED', 'x'))).toEqual({
      key: 'auth.errors.THROTTLED',
      values: { count: 1 },
    });
    expect(signInErrorMessage(new TypeError('boom')).key).toBe('auth.errors.unknown');
  });

  it("names the new password's first broken rule, with its limits", () => {
    expect(changePasswordErrorMessage(validation('too_short', { min: 12 }))).toEqual({
      key: 'auth.changePassword.errors.too_short',
      values: { min: 12, max: 128 },
    });
    expect(changePasswordErrorMessage(validation('not_allowed')).key).toBe(
      'auth.changePassword.errors.not_allowed',
    );
    expect(changePasswordErrorMessage(validation('conflict')).key).toBe(
      'auth.changePassword.errors.conflict',
    );
    expect(changePasswordErrorMessage(new ApiError(401, 'INVALID_CREDENTIALS', 'x')).key).toBe(
      'auth.changePassword.errors.INVALID_CREDENTIALS',
    );
    expect(changePasswordErrorMessage(new ApiError(500, 'INTERNAL_ERROR', 'x'))).toEqual({
      key: 'auth.changePassword.errors.unknown',
      values: { code: 'INTERNAL_ERROR' },
    });
  });
});
