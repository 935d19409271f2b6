import { HttpStatus, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AuditService } from '../../audit/audit.service';
import type { Principal } from '../../common/auth.decorators';
import { ApiError } from '../../common/errors';
import { AppConfig } from '../../config/app-config';
import { Transactions } from '../../database/transactions';
import { UserSecondFactors } from '../../users/second-factors';
import type { MfaCodeDto, MfaEnrolmentView, RecoveryCodesView } from '../dto/mfa.dto';
import { LoginLockout } from '../login-lockout';
import { invalidMfaCode, SignInFailures } from '../sign-in-failures';
import { newRecoveryCodes } from './recovery-codes';
import { SecondFactorCodes } from './second-factor-codes';
import { newTotpSecret, otpauthUrl } from './totp';

const unprocessable = (code: string, message: string) =>
  new ApiError(HttpStatus.UNPROCESSABLE_ENTITY, code, message);

/** A signed-in user's own two-factor sign-in: enrol, activate with a first code, turn off. */
@Injectable()
export class MfaService {
  constructor(
    private readonly tx: Transactions,
    private readonly factors: UserSecondFactors,
    private readonly codes: SecondFactorCodes,
    private readonly failures: SignInFailures,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
  ) {}

  /**
   * A new secret, pending until a code from it activates it; enrolling again before that replaces
   * it (a QR code scanned on the wrong phone). Refused while two-factor is on: replacing the secret
   * of an account that has one takes turning it off first, which asks for a code.
   */
  async enroll(principal: Principal): Promise<MfaEnrolmentView> {
    const secret = newTotpSecret();
    await this.tx.run(async (m) => {
      if (!(await this.factors.startEnrolment(m, principal.id, secret))) {
        throw unprocessable('MFA_ALREADY_ENABLED', 'Two-factor sign-in is already on: turn it off first');
      }
      await this.audit.record(m, this.entry(principal, 'auth.mfa_enroll'));
    });
    return { secret, otpauthUrl: otpauthUrl(principal.email, secret) };
  }

  /** A first right code proves the authenticator works: on, with 10 recovery codes shown this once. */
  async activate(principal: Principal, dto: MfaCodeDto): Promise<RecoveryCodesView> {
    const recoveryCodes = newRecoveryCodes();
    await this.withCode(principal, 'auth.mfa_activate', async (m) => {
      const state = await this.factors.lock(m, principal.id);
      if (state?.enabled) throw unprocessable('MFA_ALREADY_ENABLED', 'Two-factor sign-in is already on');
      if (!state?.secret) {
        throw unprocessable(
          'MFA_NOT_ENROLLED',
          'Start with POST /auth/mfa/enroll: there is no secret to activate',
        );
      }
      if (!(await this.codes.useTotp(m, principal.id, dto.code, true))) return false;
      await this.factors.activate(
        m,
        principal.id,
        recoveryCodes.map((c) => this.codes.digest(c)),
      );
      return true;
    });
    return { recoveryCodes };
  }

  /** Off, with a code as proof that the holder of the token holds the phone too. */
  async disable(principal: Principal, dto: MfaCodeDto): Promise<void> {
    if (this.config.auth.mfaRequiredRoles.includes(principal.role)) {
      throw unprocessable('MFA_REQUIRED', 'Your role requires two-factor sign-in: it cannot be turned off');
    }
    await this.withCode(principal, 'auth.mfa_disable', async (m) => {
      const state = await this.factors.lock(m, principal.id);
      if (!state?.enabled) throw unprocessable('MFA_NOT_ENABLED', 'Two-factor sign-in is not on');
      if (!(await this.codes.useTotp(m, principal.id, dto.code))) return false;
      await this.factors.disable(m, principal.id);
      return true;
    });
  }

  /**
   * Runs `act` (true: the code was right) in one transaction, audited; a wrong code counts toward
   * the email's lockout, as at sign-in, so a left-open screen is no way to guess codes.
   */
  private async withCode(
    principal: Principal,
    action: string,
    act: (m: EntityManager) => Promise<boolean>,
  ): Promise<void> {
    const emailKey = LoginLockout.keyOf(principal.email);
    await this.failures.assertNotLocked(emailKey, action, principal);
    const right = await this.tx.run(async (m) => {
      if (!(await act(m))) return false;
      await this.audit.record(m, this.entry(principal, action));
      return true;
    });
    if (!right) {
      await this.failures.record(emailKey, action, principal, 'wrong_totp');
      throw invalidMfaCode();
    }
  }

  private entry(principal: Principal, action: string) {
    return {
      actor: principal,
      action,
      entityType: 'user',
      entityId: principal.id,
      details: { sessionId: principal.sessionId },
    };
  }
}
