import { Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service';
import { Principal } from '../common/auth.decorators';
import { ApiError } from '../common/errors';
import { Transactions } from '../database/transactions';
import { PasswordResetDto, UnlockDto } from './dto/account.dto';
import { PasswordHasher } from './password-hasher';
import { UserSecondFactors } from './second-factors';
import { UserSignIns } from './user-sign-ins';
import { UsersRepository } from './users.repository';

/** An admin's help with someone's sign-in: a password reset, ending their sign-ins, lifting a lock. */
@Injectable()
export class AccountsService {
  constructor(
    private readonly tx: Transactions,
    private readonly users: UsersRepository,
    private readonly hasher: PasswordHasher,
    private readonly signIns: UserSignIns,
    private readonly secondFactors: UserSecondFactors,
    private readonly audit: AuditService,
  ) {}

  /**
   * A temporary password the user must replace at the next sign-in. Whoever held the old one is
   * signed out everywhere, and a lock on the email ends, so the user can sign in at once.
   */
  async resetPassword(id: string, dto: PasswordResetDto, actor: Principal): Promise<void> {
    // argon2 takes tens of milliseconds: not while holding a connection and the row.
    const passwordHash = await this.hasher.hash(dto.temporaryPassword);
    await this.tx.run(async (m) => {
      const user = await this.users.findById(id, m);
      if (!user) throw ApiError.notFound('User');
      await this.users.setPassword(m, id, passwordHash, true);
      const signInsEnded = await this.signIns.endSignIns(m, id, 'password_reset');
      const wasLocked = await this.signIns.clearFailures(m, user.email);
      await this.audit.record(m, {
        actor,
        action: 'user.password_reset',
        entityType: 'user',
        entityId: id,
        details: { signInsEnded, wasLocked },
      });
    });
  }

  /** Every sign-in of the user ends (a lost phone, a departure); they may sign in again. */
  async revokeSessions(id: string, actor: Principal): Promise<void> {
    await this.tx.run(async (m) => {
      if (!(await this.users.findById(id, m))) throw ApiError.notFound('User');
      const signInsEnded = await this.signIns.endSignIns(m, id, 'admin');
      await this.audit.record(m, {
        actor,
        action: 'user.revoke_sessions',
        entityType: 'user',
        entityId: id,
        details: { signInsEnded },
      });
    });
  }

  /**
   * Two-factor sign-in off for a user who lost both their phone and their recovery codes: the secret
   * and the codes go and every sign-in of theirs ends. Their password still works; a role that
   * requires two-factor (MFA_REQUIRED_ROLES) is sent to set it up again at the next sign-in, so the
   * account is never left without it for longer than that.
   */
  async resetSecondFactor(id: string, actor: Principal): Promise<void> {
    await this.tx.run(async (m) => {
      const state = await this.secondFactors.lock(m, id);
      if (!state) throw ApiError.notFound('User');
      await this.secondFactors.disable(m, id);
      const signInsEnded = await this.signIns.endSignIns(m, id, 'admin');
      await this.audit.record(m, {
        actor,
        action: 'user.mfa_reset',
        entityType: 'user',
        entityId: id,
        details: { wasEnabled: state.enabled, signInsEnded },
      });
    });
  }

  /**
   * Ends the lock on an email. Failures are counted per email whether or not an account has it, so
   * this answers the same either way; the audit entry names the account when there is one, never
   * the email.
   */
  async unlock(dto: UnlockDto, actor: Principal): Promise<void> {
    await this.tx.run(async (m) => {
      const wasLocked = await this.signIns.clearFailures(m, dto.email);
      const userId = await this.users.idByEmail(m, dto.email);
      await this.audit.record(m, {
        actor,
        action: 'user.unlock',
        entityType: userId ? 'user' : undefined,
        entityId: userId,
        details: { wasLocked, accountExists: userId !== undefined },
      });
    });
  }
}
