import { ExecutionContext, Injectable, Logger } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import { pendingAccountSetup } from './account-setup';
import { ACCOUNT_SETUP_KEY, Principal, PUBLIC_KEY, ROLES_KEY } from './auth.decorators';
import { ApiError } from './errors';
import { requestContext } from './request-context';
import type { Role } from './roles';

/**
 * The app's one global guard: deny by default. A route is reachable only when it is marked
 * @Public() or names its roles with @Roles(); the token is checked first (401), then whether the
 * account must first change its password or set up two-factor sign-in (403 PASSWORD_CHANGE_REQUIRED,
 * MFA_ENROLLMENT_REQUIRED; see account-setup.ts), then the role (403).
 */
@Injectable()
export class AccessGuard extends AuthGuard('jwt') {
  private readonly logger = new Logger(AccessGuard.name);

  constructor(private readonly reflector: Reflector) {
    super();
  }

  override async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;

    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    if (!roles) {
      this.logger.error(`route ${context.getClass().name}.${context.getHandler().name} declares no roles`);
      throw ApiError.forbidden('This route is closed');
    }

    await super.canActivate(context);
    const user = context.switchToHttp().getRequest<{ user: Principal }>().user;
    requestContext.authenticate(user);
    // Read with the principal on every request: the demand ends on the request after the change.
    const setup = pendingAccountSetup(user);
    if (setup && !this.reflector.getAllAndOverride<boolean>(ACCOUNT_SETUP_KEY, targets)) throw setup;
    if (!roles.includes(user.role)) throw ApiError.forbidden();
    return true;
  }

  /**
   * `err` is a failure while checking a token that is well signed (the user and session lookup), not
   * a bad token (passport gives no user then): it goes on as it is, so that a database outage answers
   * 503 and does not sign everyone out with a 401.
   */
  override handleRequest<TUser>(err: unknown, user: TUser): TUser {
    if (err) throw err;
    if (!user) throw ApiError.unauthenticated('Missing, invalid or expired access token');
    return user;
  }
}
