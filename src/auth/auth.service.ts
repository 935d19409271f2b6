import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { HttpStatus } from '@nestjs/common';
import { AuditService } from '../audit/audit.service';
import { Principal } from '../common/auth.decorators';
import { ApiError } from '../common/errors';
import { AppConfig } from '../config/app-config';
import { UserCredentials } from '../users/user-credentials.service';
import { ChangePasswordDto, LoginDto, MeView, RefreshDto, TokenPairView } from './dto/auth.dto';
import { LoginMfaDto, MfaChallengeView } from './dto/mfa.dto';
import { SecondFactorSignIn } from './mfa/second-factor-sign-in';
import { SignInFailures } from './sign-in-failures';
import { LoginLockout } from './login-lockout';
import { BODY_TRANSPORT, type RefreshTransport } from './refresh-transport';
import { SessionsRepository } from './sessions.repository';
import { Transactions } from '../database/transactions';

export interface AccessTokenPayload {
  sub: string;
  sid: string;
}

const invalidCredentials = () =>
  new ApiError(HttpStatus.UNAUTHORIZED, 'INVALID_CREDENTIALS', 'Email or password is wrong');
const invalidRefresh = () =>
  new ApiError(HttpStatus.UNAUTHORIZED, 'INVALID_REFRESH_TOKEN', 'The refresh token is not valid');

/**
 * The refresh token a request presents: the cookie's with the cookie transport (a token in the body
 * is ignored then), else the body's, which is then required. A missing cookie is a refused refresh.
 */
function presentedToken(dto: RefreshDto, transport: RefreshTransport): string | undefined {
  if (transport.cookie) return transport.cookieToken;
  // null too: @IsOptional lets it through validation, and no token is what it says.
  if (dto.refreshToken === undefined || dto.refreshToken === null) {
    throw ApiError.field(
      'refreshToken',
      'required',
      'refreshToken is required (or X-Refresh-Transport: cookie)',
    );
  }
  return dto.refreshToken;
}

export function toMe(p: Principal): MeView {
  return {
    id: p.id,
    email: p.email,
    displayName: p.displayName,
    role: p.role,
    nationalities: p.nationalities,
    mfaEnabled: p.mfaEnabled,
  };
}

@Injectable()
export class AuthService {
  constructor(
    private readonly tx: Transactions,
    private readonly credentials: UserCredentials,
    private readonly sessions: SessionsRepository,
    private readonly lockout: LoginLockout,
    private readonly jwt: JwtService,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
    private readonly failures: SignInFailures,
    private readonly secondFactor: SecondFactorSignIn,
  ) {}

  /**
   * Unknown email, wrong password and disabled user give one answer, after one argon2 run each. With
   * two-factor sign-in on, a right password only opens the second step: the lockout's count stays
   * until that step passes, so a known password does not reset the guessing of codes.
   */
  async login(
    dto: LoginDto,
    transport: RefreshTransport = BODY_TRANSPORT,
  ): Promise<TokenPairView | MfaChallengeView> {
    const emailKey = LoginLockout.keyOf(dto.email);
    await this.failures.assertNotLocked(emailKey, 'auth.login', null);

    const check = await this.credentials.checkPassword(emailKey, dto.password);
    if (!check.ok) {
      await this.failures.record(emailKey, 'auth.login', check.user, check.reason);
      throw invalidCredentials();
    }
    if (check.user.mfaEnabled) return this.secondFactor.challenge(check.user);
    return this.startSession(check.user, emailKey, {}, transport);
  }

  /** The second step of a sign-in with two-factor on: the challenge's token and a code, then the pair. */
  async loginMfa(dto: LoginMfaDto, transport: RefreshTransport = BODY_TRANSPORT): Promise<TokenPairView> {
    const passed = await this.secondFactor.complete(dto);
    return this.startSession(
      passed.user,
      LoginLockout.keyOf(passed.user.email),
      { secondFactor: passed.factor },
      transport,
    );
  }

  /** A new login: its session and first refresh token, the email's failures forgotten, audited. */
  private async startSession(
    user: Pick<Principal, 'id' | 'role'>,
    emailKey: string,
    details: Record<string, string>,
    transport: RefreshTransport,
  ): Promise<TokenPairView> {
    const { sessionId, refreshToken } = await this.tx.run(async (m) => {
      await this.lockout.clear(m, emailKey);
      const sessionId = await this.sessions.createSession(m, user.id, this.config.auth.sessionMaxHours);
      const refreshToken = await this.sessions.issueRefreshToken(m, sessionId);
      await this.audit.record(m, {
        actor: user,
        action: 'auth.login',
        entityType: 'user',
        entityId: user.id,
        details: { sessionId, ...details },
      });
      return { sessionId, refreshToken };
    });
    return this.deliver(await this.tokenPair(user.id, sessionId, refreshToken), transport);
  }

  /** Rotation: each refresh token works once. A spent one presented again revokes the whole login. */
  async refresh(dto: RefreshDto, transport: RefreshTransport = BODY_TRANSPORT): Promise<TokenPairView> {
    const presented = presentedToken(dto, transport);
    const outcome = await this.tx.run(async (m) => {
      if (presented === undefined) return undefined;
      const token = await this.sessions.lockPresentedToken(m, presented);
      if (!token) return undefined;
      if (token.spent_at) {
        await this.sessions.revoke(m, token.session_id, 'refresh_token_reuse');
        await this.audit.record(m, {
          actor: null,
          action: 'auth.refresh_reuse',
          entityType: 'user',
          entityId: token.user_id,
          outcome: 'denied',
          details: { sessionId: token.session_id },
        });
        return undefined;
      }
      if (!token.session_usable) return undefined;
      if (!(await this.credentials.loadPrincipal(token.user_id))) return undefined;
      await this.sessions.spend(m, token.id);
      const refreshToken = await this.sessions.issueRefreshToken(m, token.session_id);
      return { userId: token.user_id, sessionId: token.session_id, refreshToken };
    });
    if (!outcome) {
      // A cookie that no longer works is of no use to the browser: drop it with the refusal.
      transport.forget();
      throw invalidRefresh();
    }
    return this.deliver(
      await this.tokenPair(outcome.userId, outcome.sessionId, outcome.refreshToken),
      transport,
    );
  }

  /** Ends the caller's login (and the one the refresh token belongs to, when it is the caller's). */
  async logout(
    principal: Principal,
    dto: RefreshDto,
    transport: RefreshTransport = BODY_TRANSPORT,
  ): Promise<void> {
    const presented = presentedToken(dto, transport);
    await this.tx.run(async (m) => {
      await this.sessions.revoke(m, principal.sessionId, 'logout');
      const token =
        presented === undefined ? undefined : await this.sessions.lockPresentedToken(m, presented);
      if (token && token.user_id === principal.id && token.session_id !== principal.sessionId) {
        await this.sessions.revoke(m, token.session_id, 'logout');
      }
      await this.audit.record(m, {
        actor: principal,
        action: 'auth.logout',
        entityType: 'user',
        entityId: principal.id,
      });
    });
    transport.forget();
  }

  /**
   * The caller's own new password. The current one is asked for, so that a token left on an open
   * screen cannot take the account over; a wrong one counts toward the email's lockout like a failed
   * sign-in (and a locked email cannot change its password). Every other sign-in of the user ends:
   * whoever else knew the old password is signed out, and this device stays signed in.
   */
  async changePassword(principal: Principal, dto: ChangePasswordDto): Promise<void> {
    if (dto.newPassword === dto.currentPassword) {
      throw ApiError.field('newPassword', 'conflict', 'newPassword must differ from the current password');
    }
    const emailKey = LoginLockout.keyOf(principal.email);
    await this.failures.assertNotLocked(emailKey, 'auth.password_change', principal);
    const check = await this.credentials.checkPassword(emailKey, dto.currentPassword);
    if (!check.ok || check.user.id !== principal.id) {
      await this.failures.record(emailKey, 'auth.password_change', principal, 'wrong_password');
      throw invalidCredentials();
    }
    await this.tx.run(async (m) => {
      await this.credentials.changePassword(m, principal.id, dto.newPassword);
      const signInsEnded = await this.sessions.revokeAllOfUser(
        m,
        principal.id,
        'password_change',
        principal.sessionId,
      );
      await this.lockout.clear(m, emailKey);
      await this.audit.record(m, {
        actor: principal,
        action: 'auth.password_change',
        entityType: 'user',
        entityId: principal.id,
        details: { signInsEnded, sessionId: principal.sessionId },
      });
    });
  }

  /**
   * The caller behind an access token, read fresh on every request: a role or scope change, a
   * disable or a revoked or expired session shows on the very next request. The session (ours) and
   * the user (the users module's) are read at once: this runs on every request, and one round trip
   * of latency instead of two is what the single query they replaced cost.
   */
  async loadPrincipal(userId: string, sessionId: string): Promise<Principal | undefined> {
    const [active, user] = await Promise.all([
      this.sessions.isActive(sessionId, userId),
      this.credentials.loadPrincipal(userId),
    ]);
    return active && user ? { ...user, sessionId } : undefined;
  }

  /** With the cookie transport the refresh token goes into the cookie and out of the body. */
  private deliver(pair: TokenPairView, transport: RefreshTransport): TokenPairView {
    if (!transport.cookie || pair.refreshToken === undefined) return pair;
    transport.keep(pair.refreshToken);
    const { refreshToken: _inCookie, ...body } = pair;
    return body;
  }

  private async tokenPair(userId: string, sessionId: string, refreshToken: string): Promise<TokenPairView> {
    const principal = await this.loadPrincipal(userId, sessionId);
    if (!principal) throw invalidRefresh();
    const payload: AccessTokenPayload = { sub: userId, sid: sessionId };
    return {
      accessToken: await this.jwt.signAsync(payload),
      refreshToken,
      expiresIn: this.config.auth.accessTokenTtlSeconds,
      mustChangePassword: principal.mustChangePassword,
      mfaEnrollmentRequired: principal.mfaEnrollmentRequired,
      user: toMe(principal),
    };
  }
}
