import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AuditService } from '../../audit/audit.service';
import type { AuditInput } from '../../common/audit-trail';
import type { Principal } from '../../common/auth.decorators';
import { ApiError } from '../../common/errors';
import { AppConfig } from '../../config/app-config';
import { RateLimitStore } from '../../rate-limits/rate-limit.store';

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
 * person shown, so each person's access log is complete, and the same count feeds the bulk-read
 * guard. A user shown more than READ_ALERT_PER_HOUR records in an hour is flagged to the admins once
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
    const reads = shown.personIds.length;
    const entries = shown.personIds.map((id) => ({
      actor,
      action: shown.action,
      entityType: 'person',
      entityId: id,
      ...(shown.details ? { details: shown.details } : {}),
    }));
    if (!reads) return this.audit.recordMany(m, alsoAudit);

    const limit = this.config.limits.readAlertPerHour;
    const { hits, secondsLeft } = await this.counters.add(`person-reads:${actor.id}`, reads, HOUR_MS, m);
    const before = hits - reads;
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
}
