import { Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';

/** What a key's current window holds after a hit. */
export interface WindowCount {
  /** Hits in the current window, this one included. */
  hits: number;
  /** Whole seconds until the window ends (at least 1): a Retry-After. */
  secondsLeft: number;
  /** When the window ends: the same instant for every hit of the window. */
  endsAt: Date;
}

/** Ended windows are deleted this often; a hit on an ended window resets it anyway. */
const SWEEP_EVERY_MS = 60_000;

/**
 * Counters in fixed windows, kept in PostgreSQL so that every app instance counts into the same
 * window (no other server needed): the sign-in throttle, the per-user limits of the expensive routes
 * and the bulk-read guard all count here. Keys never hold personal data (the throttle hashes its
 * keys; the others name a user id).
 */
@Injectable()
export class RateLimitStore implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(RateLimitStore.name);
  private sweeper?: NodeJS.Timeout;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Adds `amount` hits to the key's current window, or starts a window of `windowMs` when none is
   * running. One atomic upsert: concurrent hits from any instance all count, none is lost. Pass the
   * caller's transaction as `manager` when the count must stand or fall with the act it counts.
   */
  async add(key: string, amount: number, windowMs: number, manager?: EntityManager): Promise<WindowCount> {
    const [row] = (await (manager ?? this.dataSource).query(
      `INSERT INTO rate_limits AS r (key, hits, window_ends_at)
       VALUES ($1, $2, now() + make_interval(secs => $3::float8 / 1000))
       ON CONFLICT (key) DO UPDATE SET
         hits = CASE WHEN r.window_ends_at <= now() THEN excluded.hits ELSE r.hits + excluded.hits END,
         window_ends_at = CASE WHEN r.window_ends_at <= now() THEN excluded.window_ends_at
                               ELSE r.window_ends_at END
       RETURNING hits, greatest(1, ceil(extract(epoch FROM window_ends_at - now())))::int AS seconds_left,
                 window_ends_at`,
      [key, amount, windowMs],
    )) as { hits: number; seconds_left: number; window_ends_at: Date }[];
    return { hits: row.hits, secondsLeft: row.seconds_left, endsAt: row.window_ends_at };
  }

  /** Deletes the rows of ended windows; any instance may do it, at any time. */
  async sweep(): Promise<number> {
    const [, deleted] = (await this.dataSource.query(
      'DELETE FROM rate_limits WHERE window_ends_at < now()',
    )) as [unknown, number];
    return deleted;
  }

  onModuleInit(): void {
    this.sweeper = setInterval(() => {
      // A failed sweep (the database away for a moment) is retried by the next one.
      this.sweep().catch((error: Error) => this.logger.warn(`rate limit sweep failed: ${error.message}`));
    }, SWEEP_EVERY_MS);
    this.sweeper.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.sweeper);
  }
}
