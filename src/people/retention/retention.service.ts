import { Injectable, Logger } from '@nestjs/common';
import { SYSTEM_ACTOR } from '../../common/audit-trail';
import { AppConfig } from '../../config/app-config';
import { Transactions, vacuumAnalyze } from '../../database/transactions';
import { ErasureService } from '../erasure.service';
import { PeopleRepository } from '../people.repository';

/**
 * People erased per transaction: each batch holds its people's rows and the audit chain's lock until
 * it commits, so a batch stays short next to the requests it queues beside (a few hundred ms).
 */
const BATCH = 200;

export type RetentionOutcome =
  | { ran: true; cutoff: Date; erased: number; vacuumed: string[] }
  /** Another session (another instance, or the command while the app's job runs) holds the run. */
  | { ran: false; cutoff: Date };

/**
 * Retention: a case closed more than RETENTION_CLOSED_YEARS ago is erased, with the same erasure as
 * an admin's `DELETE /people/:id` (ErasureService.wipe), audited as `person.erase` by the system with
 * `details.reason = 'retention'`. Then the tables the erasures wrote are vacuumed, so the wiped values
 * leave the live tables' files now (README "Retention" says what may remain and where).
 *
 * One run at a time across every instance and the command: a session-level advisory lock, tried and
 * never waited for.
 */
@Injectable()
export class RetentionService {
  private readonly logger = new Logger('Retention');

  constructor(
    private readonly tx: Transactions,
    private readonly people: PeopleRepository,
    private readonly erasure: ErasureService,
    private readonly config: AppConfig,
  ) {}

  /** Cases closed before this moment are due: now, RETENTION_CLOSED_YEARS calendar years ago. */
  cutoff(now = new Date()): Date {
    const cutoff = new Date(now);
    cutoff.setUTCFullYear(cutoff.getUTCFullYear() - this.config.retention.closedYears);
    return cutoff;
  }

  /** How many cases a run would erase now (`--dry-run`): nothing is written. */
  async countDue(): Promise<{ cutoff: Date; due: number }> {
    const cutoff = this.cutoff();
    const due = await this.tx.run((m) => this.people.countClosedBefore(m, cutoff));
    return { cutoff, due };
  }

  async apply(): Promise<RetentionOutcome> {
    const cutoff = this.cutoff();
    const outcome = await this.tx.whileHolding('retention', async (session) => {
      let erased = 0;
      for (;;) {
        const done = await this.tx.run(async (m) => {
          const due = await this.people.lockClosedBefore(m, cutoff, BATCH);
          await this.erasure.wipe(m, due, SYSTEM_ACTOR, {
            reason: 'retention',
            closedBefore: cutoff.toISOString(),
          });
          return due.length;
        });
        erased += done;
        if (done < BATCH) break;
      }
      const vacuumed = erased ? this.erasure.tablesWiped() : [];
      await vacuumAnalyze(session, vacuumed);
      return { erased, vacuumed };
    });
    if (!outcome.ran) {
      this.logger.log('retention run skipped: another instance is running it');
      return { ran: false, cutoff };
    }
    this.logger.log(
      `retention: ${outcome.value.erased} case(s) closed before ${cutoff.toISOString()} erased` +
        (outcome.value.vacuumed.length ? `; vacuumed ${outcome.value.vacuumed.join(', ')}` : ''),
    );
    return { ran: true, cutoff, ...outcome.value };
  }
}
