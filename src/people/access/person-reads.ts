import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AuditService } from '../../audit/audit.service';
import type { AuditInput } from '../../common/audit-trail';
import type { Principal } from '../../common/auth.decorators';
import { ApiError } from '../../common/errors';
import { AppConfig } from '../../config/app-config';
import { RateLimitStore, type WindowCount } from '../../rate-limits/rate-limit.store';

const HOUR_MS = 3_600_000;

/** The person records one read showed its caller, under one audit action. */
export interface PeopleShown {
  action: string;
  personIds: string[];
  details?: Record<string, unknown>;
}

/**
 * Where a read of person records is written down, for every route that shows one (a person, a
 * list's items, an embassy's cases, duplicate candidates, a handover's people): one audit entry per
 * person shown, so each person's access log is complete. The bulk-read guard counts the distinct
 * people a user was shown in their window (person_read_marks), not the records: paging a list back
 * and forth, or recording a departure of hundreds just listed, counts each person once. A user shown
 * more than READ_ALERT_PER_HOUR people in an hour is flagged to the admins once
 * (`access.bulk_read` in the audit log) and refused further person reads with 429 THROTTLED until
 * the hour's window ends: someone copying the caseload out, by hand or with a stolen token, is
 * stopped, where a delay would only make the copying slower. The read that crosses the line is still
 * answered; the window starts with the user's first read and is shared by every app instance.
 */
@Injectable()
export class PersonReadLog {
  constructor(
    private readonly audit: AuditService,
    private readonly counters: RateLimitStore,
    private readonly config: AppConfig,
  ) {}

  /**
   * Counts and audits, in the read's transaction (a refused or failed read counts nothing), with
   * `alsoAudit` (entries of the same act) in the same append. Call it before any other audit entry of
   * the transaction: the counter's row lock is always taken before the audit chain's lock.
   */
  async record(
    m: EntityManager,
    actor: Principal,
    shown: PeopleShown,
    alsoAudit: AuditInput[] = [],
  ): Promise<void> {
    const entries = shown.personIds.map((id) => ({
      actor,
      action: shown.action,
      entityType: 'person',
      entityId: id,
      ...(shown.details ? { details: shown.details } : {}),
    }));
    if (!shown.personIds.length) return this.audit.recordMany(m, alsoAudit);

    const limit = this.config.limits.readAlertPerHour;
    const key = `person-reads:${actor.id}`;
    const window = await this.counters.add(key, 0, HOUR_MS, m);
    const fresh = await this.markSeen(m, actor.id, shown.personIds, window);
    const { hits, secondsLeft } = fresh ? await this.counters.add(key, fresh, HOUR_MS, m) : window;
    const before = hits - fresh;
    if (before > limit) {
      throw ApiError.tooMany(
        'THROTTLED',
        'More person records were opened this hour than allowed; person records open again when the hour is over',
        secondsLeft,
      );
    }
    const crossed = hits > limit;
    const flag: AuditInput[] = crossed
      ? [
          {
            actor,
            action: 'access.bulk_read',
            entityType: 'user',
            entityId: actor.id,
            details: { limitPerHour: limit, readsThisHour: hits, windowEndsInSeconds: secondsLeft },
          },
        ]
      : [];
    await this.audit.recordMany(m, [...alsoAudit, ...entries, ...flag]);
  }

  /**
   * Marks these people as seen by the user in the window ending at `window.endsAt`; answers how many
   * were not seen in it before. A window just begun first drops the user's marks of ended windows.
   */
  private async markSeen(m: EntityManager, userId: string, personIds: string[], window: WindowCount) {
    if (window.hits === 0) {
      await m.query('DELETE FROM person_read_marks WHERE user_id = $1 AND window_ends_at < $2', [
        userId,
        window.endsAt,
      ]);
    }
    const marked = (await m.query(
      `INSERT INTO person_read_marks AS k (user_id, person_id, window_ends_at)
       SELECT $1, p, $3 FROM (SELECT DISTINCT unnest($2::uuid[]) AS p) shown
       ON CONFLICT (user_id, person_id) DO UPDATE SET window_ends_at = excluded.window_ends_at
         WHERE k.window_ends_at < excluded.window_ends_at
       RETURNING 1`,
      [userId, personIds, window.endsAt],
    )) as unknown[];
    return marked.length;
  }
}
