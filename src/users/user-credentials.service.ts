import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Principal } from '../common/auth.decorators';
import type { Role } from '../common/roles';
import { AppConfig } from '../config/app-config';
import { PasswordHasher } from './password-hasher';
import { UsersRepository } from './users.repository';

export interface SignInUser {
  id: string;
  role: Role;
  /** Two-factor sign-in is on: the password opens only the second step. */
  mfaEnabled: boolean;
}

export type SignInCheck =
  | { ok: true; user: SignInUser }
  | { ok: false; user: SignInUser | undefined; reason: 'unknown_email' | 'wrong_password' | 'disabled' };

/** A user as a signed-in caller: everything of Principal but the session, which is the auth module's. */
export type UserPrincipal = Omit<Principal, 'sessionId'>;

/**
 * What the auth module needs of users, and no more: it never sees the password hash or the users
 * table. Exported instead of the repository so that users stay the only writers of their rows.
 */
@Injectable()
export class UserCredentials {
  constructor(
    private readonly users: UsersRepository,
    private readonly hasher: PasswordHasher,
    private readonly config: AppConfig,
  ) {}

  /**
   * Checks an email and password. An unknown email costs one argon2 run like a known one, so the
   * time of the answer does not tell whether an account exists.
   */
  async checkPassword(email: string, password: string): Promise<SignInCheck> {
    const found = await this.users.findCredentials(email);
    const passwordOk = await this.hasher.verify(found?.passwordHash, password);
    if (!found) return { ok: false, user: undefined, reason: 'unknown_email' };
    const user = { id: found.id, role: found.role, mfaEnabled: found.mfaEnabled };
    if (!passwordOk) return { ok: false, user, reason: 'wrong_password' };
    if (found.disabled) return { ok: false, user, reason: 'disabled' };
    return { ok: true, user };
  }

  /**
   * Role and scopes as they are now, read on every request so a change applies at once; undefined
   * for a user who is gone or disabled.
   */
  async loadPrincipal(userId: string): Promise<UserPrincipal | undefined> {
    const user = await this.users.findActive(userId);
    if (!user) return undefined;
    return {
      id: user.id,
      email: user.email,
      displayName: user.displayName,
      role: user.role,
      nationalities: user.role === 'consular' ? user.nationalities : [],
      mustChangePassword: user.mustChangePassword,
      mfaEnrollmentRequired: !user.mfaEnabled && this.config.auth.mfaRequiredRoles.includes(user.role),
      mfaEnabled: user.mfaEnabled,
    };
  }

  /**
   * The user's own new password (already checked against the policy); it ends a reset's demand for a
   * change. Hashed here, in the caller's transaction, so that the hash never leaves this module.
   */
  async changePassword(m: EntityManager, userId: string, newPassword: string): Promise<void> {
    const passwordHash = await this.hasher.hash(newPassword);
    if (!(await this.users.setPassword(m, userId, passwordHash, false))) {
      throw new Error('the signed-in user has no row');
    }
  }
}
