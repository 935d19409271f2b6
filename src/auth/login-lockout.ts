import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AppConfig } from '../config/app-config';

/**
 * Counts failed sign-ins per email, whether or not an account has it, in a window of
 * LOGIN_LOCK_MINUTES; the LOGIN_MAX_FAILURES-th failure locks that email for the same time.
 */
@Injectable()
export class LoginLockout {
  constructor(private readonly config: AppConfig) {}

  static keyOf(email: string): string {
    return email.trim().toLowerCase();
  }

  /** Seconds until the lock ends, or 0 when sign-in may be tried. */
  async secondsLocked(manager: EntityManager, emailKey: string): Promise<number> {
    const [row] = (await manager.query(
      `SELECT ceil(extract(epoch FROM locked_until - now()))::int AS seconds
         FROM login_failures WHERE email_key = $1 AND locked_until > now()`,
      [emailKey],
    )) as { seconds: number }[];
    return row?.seconds ?? 0;
  }

  /** One atomic upsert, so concurrent failures all count. */
  async recordFailure(manager: EntityManager, emailKey: string): Promise<void> {
    const { loginMaxFailures, loginLockMinutes } = this.config.auth;
    await manager.query(
      `INSERT INTO login_failures AS f (email_key, failures, window_started_at, locked_until)
       VALUES ($1, 1, now(), CASE WHEN $2::int <= 1 THEN now() + make_interval(mins => $3::int) END)
       ON CONFLICT (email_key) DO UPDATE SET
         failures = CASE WHEN f.window_started_at < now() - make_interval(mins => $3::int) THEN 1 ELSE f.failures + 1 END,
         window_started_at = CASE WHEN f.window_started_at < now() - make_interval(mins => $3::int)
                                  THEN now() ELSE f.window_started_at END,
         locked_until = CASE
           WHEN (CASE WHEN f.window_started_at < now() - make_interval(mins => $3::int) THEN 1 ELSE f.failures + 1 END) >= $2::int
           THEN now() + make_interval(mins => $3::int) ELSE NULL END`,
      [emailKey, loginMaxFailures, loginLockMinutes],
    );
  }

  /** Forgets the email's failures; answers whether it was locked. */
  async clear(manager: EntityManager, emailKey: string): Promise<boolean> {
    const rows = (await manager.query(
      'DELETE FROM login_failures WHERE email_key = $1 RETURNING locked_until > now() AS locked',
      [emailKey],
    )) as [{ locked: boolean | null }[], number];
    return rows[0].some((r) => r.locked === true);
  }
}
