import { HttpStatus } from '@nestjs/common';
import type { Principal } from './auth.decorators';
import { ApiError } from './errors';

/**
 * What a signed-in account must do before it may use anything but the /auth/* routes, in the order
 * it is asked: the one home of these demands, read by the access guard on every request (so a demand
 * ends on the request after it is met) and shown by sign-in as the flags of the token pair.
 */
export function pendingAccountSetup(
  user: Pick<Principal, 'mustChangePassword' | 'mfaEnrollmentRequired'>,
): ApiError | undefined {
  if (user.mustChangePassword) {
    return new ApiError(
      HttpStatus.FORBIDDEN,
      'PASSWORD_CHANGE_REQUIRED',
      'Choose a new password first (POST /auth/password): an administrator reset yours',
    );
  }
  if (user.mfaEnrollmentRequired) {
    return new ApiError(
      HttpStatus.FORBIDDEN,
      'MFA_ENROLLMENT_REQUIRED',
      'Set up two-factor sign-in first (POST /auth/mfa/enroll, then /auth/mfa/activate): your role requires it',
    );
  }
  return undefined;
}
