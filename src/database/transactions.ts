import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';

/**
 * Every key of a transaction-scoped advisory lock, in one place, so that two features can never pick
 * the same number by accident. Any constants work; each only has to be the same for all its takers.
 */
export const ADVISORY_LOCKS = {
  /** Appends to the audit chain: each entry links to the one committed before it. */
  auditChain: 7_426_001,
  /** Creating the bootstrap admin on a first start (two instances starting at once). */
  bootstrapAdmin: 7_426_002,
  /** Changes to the set of active admins (the last one may not go). */
  adminSet: 7_426_003,
  /** Folding the caseload ledger (one instance at a time; a second would only wait to find nothing). */
  reportCompaction: 7_426_004,
} as const;

export type AdvisoryLock = keyof typeof ADVISORY_LOCKS;

/** Takes a named lock until the end of the current transaction. */
export async function lockForTransaction(m: EntityManager, lock: AdvisoryLock): Promise<void> {
  await m.query('SELECT pg_advisory_xact_lock($1)', [ADVISORY_LOCKS[lock]]);
}

/**
 * Memory for sorts and hash tables of the current transaction's statements only. The server's
 * default (4 MB) suits many small requests; a statement that sorts a year of a million people's
 * figures would spill to disk with it and take seconds.
 */
export async function allowWorkMemory(m: EntityManager, megabytes: number): Promise<void> {
  await m.query(`SELECT set_config('work_mem', $1, true)`, [`${megabytes}MB`]);
}

/**
 * The one way a feature runs a unit of work: everything `work` does through its manager commits or
 * rolls back together (a write of several rows, the act and its audit entry).
 */
@Injectable()
export class Transactions {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  run<T>(work: (m: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }
}
