import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/errors';
import { changePasswordErrorMessage, mfaErrorMessage, signInErrorMessage } from './messages';

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

  it('says what a refused two-factor change means, and a malformed code as the 6 digits it needs', () => {
    for (const code of ['INVALID_MFA_CODE', 'MFA_REQUIRED', 'MFA_ALREADY_ENABLED', 'MFA_NOT_ENABLED']) {
      expect(mfaErrorMessage(new ApiError(422, code, 'x')).key).toBe(`auth.mfa.errors.${code}`);
    }
    expect(mfaErrorMessage(new ApiError(400, 'VALIDATION_FAILED', 'x')).key).toBe(
      'auth.mfa.errors.codeFormat',
    );
    expect(
      signInErrorMessage(
        new ApiError(400, 'VALIDATION_FAILED', 'x', [
          { field: 'code', code: 'invalid_format', message: 'm' },
        ]),
      ).key,
    ).toBe('auth.errors.codeFormat');
    expect(mfaErrorMessage(new ApiError(500, 'INTERNAL_ERROR', 'x'))).toEqual({
      key: 'auth.mfa.errors.unknown',
      values: { code: 'INTERNAL_ERROR' },
    });
  });
});
