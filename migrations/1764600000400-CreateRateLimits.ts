import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Request counters shared by every app instance (they all use this database, and no other server is
 * needed): the per-IP sign-in throttle, the per-user limits of the expensive routes and the hourly
 * count of person records each user was shown (the bulk-read guard). One row per key and fixed window;
 * a row whose window has ended is reset by the next hit and swept away by the app.
 */
export class CreateRateLimits1764600000400 implements MigrationInterface {
  name = 'CreateRateLimits1764600000400';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE rate_limits (
        key text PRIMARY KEY,
        hits integer NOT NULL CHECK (hits >= 0),
        window_ends_at timestamptz(3) NOT NULL
      )`);
    await q.query(`CREATE INDEX rate_limits_window_ends_at ON rate_limits (window_ends_at)`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE rate_limits`);
  }
}
