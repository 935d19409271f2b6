import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import type { SignInEndReason } from '../users/user-sign-ins';

const sha256 = (value: string) => createHash('sha256').update(value).digest();

export interface RefreshTokenRow {
  id: string;
  session_id: string;
  token_hash: string;
  spent_at: Date | null;
  user_id: string;
  session_usable: boolean;
}

/**
 * A sign-in is a session (one login, at most SESSION_MAX_HOURS long); its refresh tokens rotate on
 * every use. Only sha256 of a refresh token's secret is stored.
 */
@Injectable()
export class SessionsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async createSession(manager: EntityManager, userId: string, maxHours: number): Promise<string> {
    const [{ id }] = (await manager.query(
      `INSERT INTO auth_sessions (user_id, expires_at) VALUES ($1, now() + make_interval(secs => $2::float8 * 3600))
       RETURNING id`,
      [userId, maxHours],
    )) as { id: string }[];
    return id;
  }

  /** Issues a new refresh token for the session; returns it in the `<id>.<secret>` form handed to the client. */
  async issueRefreshToken(manager: EntityManager, sessionId: string): Promise<string> {
    const secret = randomBytes(32).toString('base64url');
    const [{ id }] = (await manager.query(
      'INSERT INTO refresh_tokens (session_id, token_hash) VALUES ($1, $2) RETURNING id',
      [sessionId, sha256(secret).toString('hex')],
    )) as { id: string }[];
    return `${id}.${secret}`;
  }

  /** Finds and row-locks the token a client presented; undefined when it is not one we issued. */
  async lockPresentedToken(manager: EntityManager, presented: string): Promise<RefreshTokenRow | undefined> {
    const [id, secret] = presented.split('.');
    if (!id || !secret || !/^[0-9a-f-]{36}$/i.test(id)) return undefined;
    const [row] = (await manager.query(
      `SELECT t.id, t.session_id, t.token_hash, t.spent_at, s.user_id,
              (s.revoked_at IS NULL AND s.expires_at > now()) AS session_usable
         FROM refresh_tokens t JOIN auth_sessions s ON s.id = t.session_id
        WHERE t.id = $1 FOR UPDATE OF t, s`,
      [id],
    )) as RefreshTokenRow[];
    if (!row) return undefined;
    const expected = Buffer.from(row.token_hash, 'hex');
    const actual = sha256(secret);
    return expected.length === actual.length && timingSafeEqual(expected, actual) ? row : undefined;
  }

  async spend(manager: EntityManager, tokenId: string): Promise<void> {
    await manager.query('UPDATE refresh_tokens SET spent_at = now() WHERE id = $1', [tokenId]);
  }

  async revoke(
    manager: EntityManager,
    sessionId: string,
    reason: 'logout' | 'refresh_token_reuse',
  ): Promise<void> {
    await manager.query(
      `UPDATE auth_sessions SET revoked_at = now(), revoked_reason = $2 WHERE id = $1 AND revoked_at IS NULL`,
      [sessionId, reason],
    );
  }

  /**
   * Ends every live sign-in of a user but `keep`; returns how many. A revoked session stays revoked,
   * so nothing brings these back (re-enabling the user included): they must sign in again.
   */
  async revokeAllOfUser(
    manager: EntityManager,
    userId: string,
    reason: SignInEndReason,
    keep?: string,
  ): Promise<number> {
    const [, ended] = (await manager.query(
      `UPDATE auth_sessions SET revoked_at = now(), revoked_reason = $2
        WHERE user_id = $1 AND revoked_at IS NULL AND expires_at > now() AND id IS DISTINCT FROM $3`,
      [userId, reason, keep ?? null],
    )) as [unknown, number];
    return ended;
  }

  /** Whether the user's sign-in is still good: not logged out, revoked or past its SESSION_MAX_HOURS. */
  async isActive(sessionId: string, userId: string): Promise<boolean> {
    const rows = (await this.dataSource.query(
      `SELECT 1 FROM auth_sessions
        WHERE id = $1 AND user_id = $2 AND revoked_at IS NULL AND expires_at > now()`,
      [sessionId, userId],
    )) as unknown[];
    return rows.length > 0;
  }
}
