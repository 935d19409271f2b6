import { Injectable } from '@nestjs/common';
import { createHash, randomBytes } from 'node:crypto';
import type { EntityManager } from 'typeorm';

/** How long the password step of a sign-in waits for the second factor (the contract's 5 minutes). */
export const MFA_CHALLENGE_SECONDS = 300;

const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

/**
 * A sign-in that passed the password and waits for its second factor. The token handed out is
 * random (32 bytes); only its sha256 is stored, so a copy of the table completes no sign-in.
 */
@Injectable()
export class MfaChallengesRepository {
  async create(m: EntityManager, userId: string): Promise<string> {
    const token = randomBytes(32).toString('base64url');
    await m.query(
      `INSERT INTO mfa_challenges (user_id, token_hash, expires_at)
       VALUES ($1, $2, now() + make_interval(secs => $3::int))`,
      [userId, sha256(token), MFA_CHALLENGE_SECONDS],
    );
    return token;
  }

  /** The user a live (unspent, unexpired) challenge belongs to, row-locked; undefined otherwise. */
  async lockLive(m: EntityManager, token: string): Promise<{ id: string; userId: string } | undefined> {
    const [row] = (await m.query(
      `SELECT id, user_id FROM mfa_challenges
        WHERE token_hash = $1 AND used_at IS NULL AND expires_at > now() FOR UPDATE`,
      [sha256(token)],
    )) as { id: string; user_id: string }[];
    return row && { id: row.id, userId: row.user_id };
  }

  /** Spent by the sign-in it completed: the token works once. Old rows of the user go with it. */
  async spend(m: EntityManager, id: string, userId: string): Promise<void> {
    await m.query('UPDATE mfa_challenges SET used_at = now() WHERE id = $1', [id]);
    await m.query(`DELETE FROM mfa_challenges WHERE user_id = $1 AND expires_at < now() - interval '1 day'`, [
      userId,
    ]);
  }
}
