import { ApiError } from '../api/errors';

export interface Message {
  key: string;
  values?: Record<string, string | number>;
}

const minutes = (seconds: number | undefined) => Math.max(1, Math.ceil((seconds ?? 60) / 60));

/** What a refused sign-in means, in plain words (API.md "Auth"): a catalogue key and its values. */
export function signInErrorMessage(error: unknown): Message {
  if (!(error instanceof ApiError)) return { key: 'auth.errors.unknown', values: { code: 'UNKNOWN' } };
  switch (error.code) {
    case 'INVALID_CREDENTIALS':
    case 'INVALID_MFA_CODE':
    case 'INVALID_MFA_TOKEN':
    case 'NETWORK':
    case 'DATABASE_UNAVAILABLE':
      return { key: `auth.errors.${error.code}` };
    case 'VALIDATION_FAILED':
      // The second step's only field rule: a code of 6 digits.
      return error.details.some((d) => d.field === 'code')
        ? { key: 'auth.errors.codeFormat' }
        : { key: 'auth.errors.VALIDATION_FAILED' };
    case 'LOGIN_LOCKED':
    case 'THROTTLED':
      return { key: `auth.errors.${error.code}`, values: { count: minutes(error.retryAfterSeconds) } };
    default:
      return { key: 'auth.errors.unknown', values: { code: error.code } };
  }
}

/** Why a password change was refused: the current password, the lock, or the new one's first rule. */
export function changePasswordErrorMessage(error: unknown): Message {
  const prefix = 'auth.changePassword.errors';
  if (!(error instanceof ApiError)) return { key: `${prefix}.unknown`, values: { code: 'UNKNOWN' } };
  if (error.code === 'INVALID_CREDENTIALS' || error.code === 'LOGIN_LOCKED') {
    return { key: `${prefix}.${error.code}` };
  }
  if (error.code === 'VALIDATION_FAILED') {
    const detail = error.details.find((d) => d.field === 'newPassword');
    const known = ['too_short', 'too_long', 'invalid_format', 'not_allowed', 'conflict'];
    if (detail?.code && known.includes(detail.code)) {
      return { key: `${prefix}.${detail.code}`, values: { min: 12, max: 128, ...(detail.params as object) } };
    }
  }
  if (error.code === 'NETWORK') return { key: 'auth.errors.NETWORK' };
  return { key: `${prefix}.unknown`, values: { code: error.code } };
}

/** Why turning two-factor sign-in on or off was refused, in plain words. */
export function mfaErrorMessage(error: unknown): Message {
  const prefix = 'auth.mfa.errors';
  if (!(error instanceof ApiError)) return { key: `${prefix}.unknown`, values: { code: 'UNKNOWN' } };
  switch (error.code) {
    case 'INVALID_MFA_CODE':
    case 'LOGIN_LOCKED':
    case 'MFA_REQUIRED':
    case 'MFA_ALREADY_ENABLED':
    case 'MFA_NOT_ENROLLED':
    case 'MFA_NOT_ENABLED':
      return { key: `${prefix}.${error.code}` };
    case 'VALIDATION_FAILED':
      return { key: `${prefix}.codeFormat` };
    case 'NETWORK':
      return { key: 'auth.errors.NETWORK' };
    default:
      return { key: `${prefix}.unknown`, values: { code: error.code } };
  }
}
