import { applyDecorators, ExecutionContext, Injectable, UseGuards } from '@nestjs/common';
import { SkipThrottle, ThrottlerGuard, type ThrottlerLimitDetail } from '@nestjs/throttler';
import { ApiErrors } from '../common/api-docs';
import { ApiError } from '../common/errors';

/**
 * The two limits, both counted by @nestjs/throttler into the shared counters (rate-limit.store.ts):
 * `signIn` per client address on the routes that take credentials, `perUser` per signed-in user on
 * the routes whose one call can cost the database seconds.
 */
export const THROTTLERS = { signIn: 'signIn', perUser: 'perUser' } as const;

/** The per-user limit counts by user id: an office behind one address is not one user. */
export const trackUser = (req: Record<string, unknown>): string =>
  (req.user as { id?: string } | undefined)?.id ?? String(req.ip);

/**
 * @nestjs/throttler's guard answering in the contract's words: 429 THROTTLED with `Retry-After`
 * (its own header would be `Retry-After-<throttler name>` for a named throttler).
 */
@Injectable()
export class RateLimitGuard extends ThrottlerGuard {
  protected override throwThrottlingException(
    _context: ExecutionContext,
    detail: ThrottlerLimitDetail,
  ): Promise<void> {
    throw ApiError.tooMany('THROTTLED', 'Too many requests, slow down', detail.timeToBlockExpire);
  }
}

/**
 * Per-address limit of a route that takes credentials (sign-in, refresh, password change). Those
 * routes list 429 in their own documentation (the lockout answers it too).
 */
export const SignInThrottle = () =>
  applyDecorators(UseGuards(RateLimitGuard), SkipThrottle({ [THROTTLERS.perUser]: true }));

/**
 * Per-user limit of an expensive route (searches, long lists, reports, exports): one caseworker's
 * burst of them must not slow everyone else's work. Runs after the access guard, so the user is known.
 */
export const UserThrottle = () =>
  applyDecorators(UseGuards(RateLimitGuard), SkipThrottle({ [THROTTLERS.signIn]: true }), ApiErrors(429));
