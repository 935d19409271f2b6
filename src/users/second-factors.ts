import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { FieldEncryption } from '../common/crypto/field-encryption.service';

/** A user's second factor as the auth module checks it: the secret opened, never stored in the clear. */
export interface SecondFactorState {
  /** The TOTP secret, pending (not `enabled`) from enrolment until a first code activates it. */
  secret: string | null;
  enabled: boolean;
  /** The last TOTP time step accepted: a code of this step or an earlier one is a replay. */
  lastStep: number | null;
}

/**
 * The users table's two-factor columns and the recovery codes, for the auth module, which owns
 * the protocol (TOTP, challenges, lockout) but not these rows. The secret is sealed for its row
 * (`users.mfa_secret`, see ENCRYPTED_COLUMNS); recovery codes arrive here already digested.
 */
@Injectable()
export class UserSecondFactors {
  constructor(private readonly encryption: FieldEncryption) {}

  /** Row-locked until the caller's transaction ends, so two uses of one code cannot both pass. */
  async lock(m: EntityManager, userId: string): Promise<SecondFactorState | undefined> {
    const [row] = (await m.query(
      `SELECT mfa_secret_enc, mfa_enabled_at IS NOT NULL AS enabled, mfa_last_step::float8 AS last_step
         FROM users WHERE id = $1 FOR UPDATE`,
      [userId],
    )) as { mfa_secret_enc: string | null; enabled: boolean; last_step: number | null }[];
    if (!row) return undefined;
    return {
      secret: this.encryption.open('users.mfa_secret', userId, row.mfa_secret_enc),
      enabled: row.enabled,
      lastStep: row.last_step,
    };
  }

  /** A new pending secret (replacing an earlier pending one); false when two-factor is already on. */
  async startEnrolment(m: EntityManager, userId: string, secret: string): Promise<boolean> {
    const [, affected] = (await m.query(
      `UPDATE users SET mfa_secret_enc = $2, mfa_last_step = NULL WHERE id = $1 AND mfa_enabled_at IS NULL`,
      [userId, this.encryption.seal('users.mfa_secret', userId, secret)],
    )) as [unknown, number];
    return affected === 1;
  }

  /** Records an accepted time step; false when it is not later than the last one (a replay). */
  async acceptStep(m: EntityManager, userId: string, step: number): Promise<boolean> {
    const [, affected] = (await m.query(
      `UPDATE users SET mfa_last_step = $2
        WHERE id = $1 AND (mfa_last_step IS NULL OR mfa_last_step < $2)`,
      [userId, step],
    )) as [unknown, number];
    return affected === 1;
  }

  /** Turns the pending secret on, with a fresh set of recovery codes (digests) replacing any old one. */
  async activate(m: EntityManager, userId: string, recoveryDigests: string[]): Promise<void> {
    const [, affected] = (await m.query(
      `UPDATE users SET mfa_enabled_at = now()
        WHERE id = $1 AND mfa_enabled_at IS NULL AND mfa_secret_enc IS NOT NULL`,
      [userId],
    )) as [unknown, number];
    if (affected !== 1) throw new Error('no pending second factor to activate');
    await m.query('DELETE FROM user_recovery_codes WHERE user_id = $1', [userId]);
    await m.query('INSERT INTO user_recovery_codes (user_id, code_digest) SELECT $1, unnest($2::text[])', [
      userId,
      recoveryDigests,
    ]);
  }

  /** Off: the secret, the last step and the recovery codes go. */
  async disable(m: EntityManager, userId: string): Promise<void> {
    await m.query(
      `UPDATE users SET mfa_secret_enc = NULL, mfa_enabled_at = NULL, mfa_last_step = NULL WHERE id = $1`,
      [userId],
    );
    await m.query('DELETE FROM user_recovery_codes WHERE user_id = $1', [userId]);
  }

  /** Spends an unused recovery code; the number still unused, or undefined when none matched. */
  async spendRecoveryCode(m: EntityManager, userId: string, digest: string): Promise<number | undefined> {
    const spent = (await m.query(
      `UPDATE user_recovery_codes SET used_at = now()
        WHERE user_id = $1 AND code_digest = $2 AND used_at IS NULL RETURNING id`,
      [userId, digest],
    )) as [unknown[], number];
    if (spent[1] !== 1) return undefined;
    const [{ left }] = (await m.query(
      'SELECT count(*)::int AS left FROM user_recovery_codes WHERE user_id = $1 AND used_at IS NULL',
      [userId],
    )) as { left: number }[];
    return left;
  }
}
