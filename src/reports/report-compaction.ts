import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ADVISORY_LOCKS, allowStatementTime, Transactions } from '../database/transactions';

/** Often enough that the ledger stays a few thousand rows between folds at any write rate we see. */
const EVERY_MS = 60_000;
/**
 * A background fold has no caller waiting for it: it may take longer than a request's budget
 * (DATABASE_TIMEOUT_MS), which would otherwise cancel a large fold every time it is tried.
 */
const FOLD_BUDGET_MS = 120_000;

/**
 * Folds the caseload ledger (`report_caseload`, signed deltas appended by every write) into one row
 * per key, with `sr_report_fold()` (migration ReportReadModel says why a sum over it stays exact).
 * Only keeps the ledger short for the reports; one instance at a time.
 */
@Injectable()
export class ReportCompaction implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(ReportCompaction.name);
  private timer?: NodeJS.Timeout;

  constructor(private readonly transactions: Transactions) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => {
      this.fold().catch((error: Error) => this.logger.warn(`caseload ledger not folded: ${error.message}`));
    }, EVERY_MS);
    // A pending fold must never keep a stopping process alive.
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  /** Folds the ledger now; answers how many rows it folded (0 when another instance is folding). */
  fold(): Promise<number> {
    return this.transactions.run(async (m: EntityManager) => {
      const [{ locked }] = (await m.query('SELECT pg_try_advisory_xact_lock($1) AS locked', [
        ADVISORY_LOCKS.reportCompaction,
      ])) as { locked: boolean }[];
      if (!locked) return 0;
      await allowStatementTime(m, FOLD_BUDGET_MS);
      const [{ folded }] = (await m.query('SELECT sr_report_fold() AS folded')) as { folded: number }[];
      return folded;
    });
  }
}
