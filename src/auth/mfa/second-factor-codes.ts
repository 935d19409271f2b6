import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { FieldEncryption } from '../../common/crypto/field-encryption.service';
import { UserSecondFactors } from '../../users/second-factors';
import { normaliseRecoveryCode } from './recovery-codes';
import { acceptedStep } from './totp';

/** Checks a user's codes, each one spent by the check that accepts it, in the caller's transaction. */
@Injectable()
export class SecondFactorCodes {
  constructor(
    private readonly factors: UserSecondFactors,
    private readonly encryption: FieldEncryption,
  ) {}

  /**
   * Whether the TOTP code is right for the user's secret (the active one, or with `pending` the one
   * enrolment left waiting) and not used before. The user's row stays locked until the caller's
   * transaction ends, so the same code sent twice at once passes once.
   */
  async useTotp(m: EntityManager, userId: string, code: string, pending = false): Promise<boolean> {
    const state = await this.factors.lock(m, userId);
    if (!state?.secret || state.enabled === pending) return false;
    const step = await acceptedStep(state.secret, code, state.lastStep);
    return step !== undefined && (await this.factors.acceptStep(m, userId, step));
  }

  /** Spends a recovery code; how many remain, or undefined when it is not an unused code of the user's. */
  async useRecoveryCode(m: EntityManager, userId: string, typed: string): Promise<number | undefined> {
    const state = await this.factors.lock(m, userId);
    if (!state?.enabled) return undefined;
    return this.factors.spendRecoveryCode(m, userId, this.digest(typed));
  }

  digest(code: string): string {
    return this.encryption.recoveryCodeDigest(normaliseRecoveryCode(code));
  }
}
