import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth, ApiSecurity } from '@nestjs/swagger';
import { applyDecorators } from '@nestjs/common';
import type { Role } from './roles';

export const ROLES_KEY = 'sr:roles';
export const PUBLIC_KEY = 'sr:public';
export const ACCOUNT_SETUP_KEY = 'sr:account-setup';

/** The signed-in caller, re-read from the database on every request (role, scopes, session). */
export interface Principal {
  id: string;
  email: string;
  displayName: string;
  role: Role;
  /** Countries a consular user acts for; empty for every other role. */
  nationalities: string[];
  /** After an admin's password reset: every route but /auth/* answers 403 until the user changes it. */
  mustChangePassword: boolean;
  /** Two-factor sign-in is on (shown to the user on /auth/me, so the app can offer to turn it off). */
  mfaEnabled: boolean;
  /** A role that requires two-factor sign-in, not yet set up: every route but /auth/* answers 403. */
  mfaEnrollmentRequired: boolean;
  sessionId: string;
}

/** The roles allowed on a route. Every route declares this or @Public(); the guard denies the rest. */
export const Roles = (...roles: Role[]) => applyDecorators(SetMetadata(ROLES_KEY, roles), ApiBearerAuth());

/**
 * Routes a signed-in user may still use while their account asks for something first (a password to
 * change after an admin's reset, two-factor sign-in to set up; see account-setup.ts): signing in
 * and out, refreshing, reading who they are, changing the password, enrolling a second factor.
 * Every other route answers 403 until then.
 */
export const AccountSetupRoute = () => SetMetadata(ACCOUNT_SETUP_KEY, true);

/** Open to anyone, signed in or not. `{}` is OpenAPI's "no credentials needed" requirement. */
export const Public = () => applyDecorators(SetMetadata(PUBLIC_KEY, true), ApiSecurity({}));

export const CurrentUser = createParamDecorator(
  (_data: unknown, ctx: ExecutionContext): Principal =>
    ctx.switchToHttp().getRequest<{ user: Principal }>().user,
);
