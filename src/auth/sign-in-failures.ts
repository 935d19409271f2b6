import { HttpStatus, Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service';
import type { Principal } from '../common/auth.decorators';
import { ApiError } from '../common/errors';
import { Transactions } from '../database/transactions';
import { LoginLockout } from './login-lockout';

type Actor = Pick<Principal, 'id' | 'role'>;

export const invalidMfaCode = () =>
  new ApiError(HttpStatus.UNAUTHORIZED, 'INVALID_MFA_CODE', 'The code is wrong or was already used');

/**
 * Everything that proves who someone is (a password, a two-factor code) fails the same way: the
 * email's lockout counts it and the audit log says so; a locked email is refused before any check.
 */
@Injectable()
export class SignInFailures {
  constructor(
    private readonly tx: Transactions,
    private readonly lockout: LoginLockout,
    private readonly audit: AuditService,
  ) {}

  /** 429 LOGIN_LOCKED while the email is locked, with the refusal in the audit log. */
  async assertNotLocked(emailKey: string, action: string, actor: Actor | null): Promise<void> {
    const lockedFor = await this.tx.run(async (m) => {
      const seconds = await this.lockout.secondsLocked(m, emailKey);
      if (seconds) {
        await this.audit.record(m, {
          actor: actor && { id: actor.id, role: actor.role },
          action,
          entityType: actor ? 'user' : undefined,
          entityId: actor?.id,
          outcome: 'denied',
          details: { reason: 'locked' },
        });
      }
      return seconds;
    });
    if (lockedFor) {
      throw ApiError.tooMany(
        'LOGIN_LOCKED',
        'Too many failed sign-ins for this email; try again later',
        lockedFor,
      );
    }
  }

  /** Counts a failure toward the email's lockout and audits it, in one transaction of its own. */
  async record(emailKey: string, action: string, actor: Actor | undefined, reason: string): Promise<void> {
    await this.tx.run(async (m) => {
      await this.lockout.recordFailure(m, emailKey);
      await this.audit.record(m, {
        actor: actor ? { id: actor.id, role: actor.role } : null,
        action,
        entityType: actor ? 'user' : undefined,
        entityId: actor?.id,
        outcome: 'failure',
        details: { reason },
      });
    });
  }
}
