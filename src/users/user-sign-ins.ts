import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/** Why a user's sign-ins were ended, as auth_sessions.revoked_reason keeps it. */
export type SignInEndReason = 'admin' | 'disabled' | 'password_reset' | 'password_change';

/** What the users module needs of sign-ins, which the auth module keeps (sessions, failed sign-ins). */
export interface SignInKeeper {
  /** Ends every live sign-in of the user but `keep`, in the caller's transaction; how many ended. */
  endSignIns(m: EntityManager, userId: string, reason: SignInEndReason, keep?: string): Promise<number>;
  /** Forgets the failed sign-ins counted against an email, ending its lock; whether it was locked. */
  clearFailures(m: EntityManager, email: string): Promise<boolean>;
}

/**
 * Users ask the auth module to end sign-ins (a disable, a reset, an admin's revocation) through this,
 * instead of writing its tables. Auth depends on users, not the other way round, so auth attaches
 * its keeper here when it starts, as consular coordination registers with PersonErasureHooks.
 */
@Injectable()
export class UserSignIns implements SignInKeeper {
  private keeper?: SignInKeeper;

  attach(keeper: SignInKeeper): void {
    this.keeper = keeper;
  }

  endSignIns(m: EntityManager, userId: string, reason: SignInEndReason, keep?: string): Promise<number> {
    return this.attached().endSignIns(m, userId, reason, keep);
  }

  clearFailures(m: EntityManager, email: string): Promise<boolean> {
    return this.attached().clearFailures(m, email);
  }

  /** Never a silent no-op: a disabled user whose sign-ins live on would be a hole. */
  private attached(): SignInKeeper {
    if (!this.keeper) throw new Error('no sign-in keeper attached: the auth module attaches one at start');
    return this.keeper;
  }
}
