import { HttpStatus, Injectable } from '@nestjs/common';
import { AuditService } from '../../audit/audit.service';
import { ApiError } from '../../common/errors';
import { Transactions } from '../../database/transactions';
import { UserCredentials, type SignInUser } from '../../users/user-credentials.service';
import type { LoginMfaDto, MfaChallengeView } from '../dto/mfa.dto';
import { LoginLockout } from '../login-lockout';
import { invalidMfaCode, SignInFailures } from '../sign-in-failures';
import { MFA_CHALLENGE_SECONDS, MfaChallengesRepository } from './mfa-challenges.repository';
import { SecondFactorCodes } from './second-factor-codes';

const invalidMfaToken = () =>
  new ApiError(
    HttpStatus.UNAUTHORIZED,
    'INVALID_MFA_TOKEN',
    'The sign-in expired or was already completed: sign in with your password again',
  );

export interface SecondFactorPassed {
  user: { id: string; role: SignInUser['role']; email: string };
  factor: 'totp' | 'recovery_code';
}

/** The second step of a sign-in with two-factor on, up to the point where a session starts. */
@Injectable()
export class SecondFactorSignIn {
  constructor(
    private readonly tx: Transactions,
    private readonly challenges: MfaChallengesRepository,
    private readonly codes: SecondFactorCodes,
    private readonly credentials: UserCredentials,
    private readonly failures: SignInFailures,
    private readonly audit: AuditService,
  ) {}

  /** The password was right: a token for the second step, good once for 5 minutes. */
  async challenge(user: SignInUser): Promise<MfaChallengeView> {
    const mfaToken = await this.tx.run(async (m) => {
      const token = await this.challenges.create(m, user.id);
      await this.audit.record(m, {
        actor: user,
        action: 'auth.mfa_challenge',
        entityType: 'user',
        entityId: user.id,
      });
      return token;
    });
    return { mfaRequired: true, mfaToken, expiresIn: MFA_CHALLENGE_SECONDS };
  }

  /**
   * Checks the code (or recovery code) against the challenge's user. A wrong or reused one counts
   * toward the email's lockout like a wrong password, and leaves the challenge usable until it
   * expires: a typo does not send the user back to the password. A right one spends the challenge.
   */
  async complete(dto: LoginMfaDto): Promise<SecondFactorPassed> {
    const factor = factorOf(dto);
    const user = await this.challengeUser(dto.mfaToken);
    const emailKey = LoginLockout.keyOf(user.email);
    await this.failures.assertNotLocked(emailKey, 'auth.login', user);

    const outcome = await this.tx.run(async (m) => {
      const challenge = await this.challenges.lockLive(m, dto.mfaToken);
      if (!challenge || challenge.userId !== user.id) return 'stale' as const;
      let recoveryCodesLeft: number | undefined;
      if (factor === 'totp') {
        if (!(await this.codes.useTotp(m, user.id, dto.code!))) return 'wrong' as const;
      } else {
        recoveryCodesLeft = await this.codes.useRecoveryCode(m, user.id, dto.recoveryCode!);
        if (recoveryCodesLeft === undefined) return 'wrong' as const;
        await this.audit.record(m, {
          actor: user,
          action: 'auth.mfa_recovery_code_use',
          entityType: 'user',
          entityId: user.id,
          details: { recoveryCodesLeft },
        });
      }
      await this.challenges.spend(m, challenge.id, user.id);
      return 'passed' as const;
    });
    if (outcome === 'stale') throw invalidMfaToken();
    if (outcome === 'wrong') {
      await this.failures.record(emailKey, 'auth.login', user, `wrong_${factor}`);
      throw invalidMfaCode();
    }
    return { user, factor };
  }

  /** The user of a live challenge, if they may still sign in (not disabled since the password step). */
  private async challengeUser(token: string): Promise<SecondFactorPassed['user']> {
    const userId = await this.tx.run(async (m) => (await this.challenges.lockLive(m, token))?.userId);
    const user = userId && (await this.credentials.loadPrincipal(userId));
    if (!user || !user.mfaEnabled) throw invalidMfaToken();
    return { id: user.id, role: user.role, email: user.email };
  }
}

/** Exactly one of `code` and `recoveryCode`. */
function factorOf(dto: LoginMfaDto): SecondFactorPassed['factor'] {
  if (dto.code !== undefined && dto.recoveryCode !== undefined) {
    throw ApiError.field('recoveryCode', 'conflict', 'Give either code or recoveryCode, not both');
  }
  if (dto.code === undefined && dto.recoveryCode === undefined) {
    throw ApiError.field('code', 'required', 'code (or recoveryCode) is required');
  }
  return dto.code !== undefined ? 'totp' : 'recovery_code';
}
