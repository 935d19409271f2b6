import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { type AuditInput, AuditTrail } from '../common/audit-trail';
import { Principal } from '../common/auth.decorators';
import { decodeCursor, Page, toPage } from '../common/pagination';
import { requestContext } from '../common/request-context';
import { chainHash, ChainedFields, GENESIS_HASH } from './audit-chain';
import { AuditQueryDto } from './dto/audit-query.dto';
import { AuditEntryView } from './dto/audit-entry.view';
import { lockForTransaction, Transactions } from '../database/transactions';
import { actorJoin, actorJson } from '../users/actor-sql';
import type { ActorView } from '../users/dto/actor.view';

const VERIFY_BATCH = 5_000;

interface AuditRow {
  id: string;
  at: Date;
  actor_id: string | null;
  actor_role: string | null;
  action: string;
  entity_type: string | null;
  entity_id: string | null;
  outcome: string;
  ip: string | null;
  request_id: string | null;
  details: Record<string, unknown>;
  prev_hash: string;
  hash: string;
}

function chainedFields(row: AuditRow): ChainedFields {
  return {
    at: row.at.toISOString(),
    actorId: row.actor_id,
    actorRole: row.actor_role,
    action: row.action,
    entityType: row.entity_type,
    entityId: row.entity_id,
    outcome: row.outcome,
    ip: row.ip,
    requestId: row.request_id,
    details: row.details,
  };
}

@Injectable()
export class AuditService implements AuditTrail {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tx: Transactions,
  ) {}

  /**
   * Appends an entry inside the caller's transaction, so the entry exists exactly when the act does.
   * The transaction-scoped advisory lock serialises appends: each entry links to the one committed
   * before it and the chain never forks. Call it last in a transaction to hold the lock briefly.
   */
  async record(manager: EntityManager, input: AuditInput): Promise<void> {
    await this.recordMany(manager, [input]);
  }

  /** Several entries (e.g. one per person a list showed) under one lock, in one INSERT. */
  async recordMany(manager: EntityManager, inputs: AuditInput[]): Promise<void> {
    if (!inputs.length) return;
    if (!manager.queryRunner?.isTransactionActive) {
      throw new Error('audit entries must be written inside the transaction of the act they record');
    }
    await lockForTransaction(manager, 'auditChain');
    const [last] = (await manager.query('SELECT hash FROM audit_entries ORDER BY id DESC LIMIT 1')) as {
      hash: string;
    }[];
    const ctx = requestContext.current();
    const at = new Date().toISOString();
    let prevHash = last?.hash ?? GENESIS_HASH;
    const rows = inputs.map((input) => {
      const fields: ChainedFields = {
        at,
        actorId: input.actor?.id ?? null,
        actorRole: input.actor?.role ?? null,
        action: input.action,
        entityType: input.entityType ?? null,
        entityId: input.entityId ?? null,
        outcome: input.outcome ?? 'success',
        ip: ctx?.ip ?? null,
        requestId: ctx?.requestId ?? null,
        details: input.details ?? {},
      };
      const hash = chainHash(prevHash, fields);
      const row = { ...fields, prevHash, hash };
      prevHash = hash;
      return row;
    });
    const column = <K extends keyof (typeof rows)[number]>(key: K) => rows.map((r) => r[key]);
    // WITH ORDINALITY keeps the chain's order in the identity column.
    await manager.query(
      `INSERT INTO audit_entries
         (at, actor_id, actor_role, action, entity_type, entity_id, outcome, ip, request_id, details, prev_hash, hash)
       SELECT at, actor_id, actor_role, action, entity_type, entity_id, outcome, ip, request_id, details::jsonb,
              prev_hash, hash
         FROM unnest($1::timestamptz[], $2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[],
                     $8::text[], $9::text[], $10::text[], $11::text[], $12::text[])
              WITH ORDINALITY AS e(at, actor_id, actor_role, action, entity_type, entity_id, outcome, ip,
                                   request_id, details, prev_hash, hash, n)
        ORDER BY n`,
      [
        column('at'),
        column('actorId'),
        column('actorRole'),
        column('action'),
        column('entityType'),
        column('entityId'),
        column('outcome'),
        column('ip'),
        column('requestId'),
        rows.map((r) => JSON.stringify(r.details)),
        column('prevHash'),
        column('hash'),
      ],
    );
  }

  /** Runs `work` and its audit entry in one transaction. */
  async inTransaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  async list(query: AuditQueryDto, actor: Principal): Promise<Page<AuditEntryView>> {
    const { limit } = query;
    const after = decodeCursor(query.cursor, 'serial');
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      where.push(sql.replace('?', `$${params.length}`));
    };
    if (query.actorId) add('a.actor_id = ?', query.actorId);
    if (query.entityType) add('a.entity_type = ?', query.entityType);
    if (query.entityId) add('a.entity_id = ?', query.entityId);
    if (query.action) add('a.action = ?', query.action);
    if (query.from) add('a.at >= ?::date', query.from);
    if (query.to) add(`a.at < (?::date + 1)`, query.to);
    if (after) add('a.id < ?::bigint', after.id);
    params.push(limit + 1);
    // The read and the entry saying who read the log are one transaction, as for any other read.
    const rows = await this.tx.run(async (m) => {
      // The actor's name joined in; the role stays the one recorded with the entry.
      const found = (await m.query(
        `SELECT a.*, ${actorJson('actor', 'a.actor_id', 'a.actor_role')} AS actor
           FROM audit_entries a ${actorJoin('actor', 'a.actor_id')}
          ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
          ORDER BY a.id DESC LIMIT $${params.length}`,
        params,
      )) as (AuditRow & { actor: ActorView | null })[];
      await this.record(m, {
        actor,
        action: 'audit.list',
        details: { filters: Object.keys(query), returned: Math.min(found.length, limit) },
      });
      return found;
    });
    return toPage(
      rows,
      limit,
      (r) => ({ at: r.at.toISOString(), id: r.id }),
      (r) => ({
        id: r.id,
        at: r.at.toISOString(),
        actorId: r.actor_id,
        actorRole: r.actor_role,
        actor: r.actor,
        action: r.action,
        entityType: r.entity_type,
        entityId: r.entity_id,
        outcome: r.outcome,
        ip: r.ip,
        requestId: r.request_id,
        details: r.details,
        hash: r.hash,
      }),
    );
  }

  /** Recomputes the chain from the first entry; reports the first entry whose link or hash is wrong. */
  async verify(): Promise<
    { valid: true; entries: number; head: string } | { valid: false; brokenAt: string }
  > {
    let prevHash = GENESIS_HASH;
    let lastId = '0';
    let entries = 0;
    for (;;) {
      const rows = (await this.dataSource.query(
        'SELECT * FROM audit_entries WHERE id > $1 ORDER BY id LIMIT $2',
        [lastId, VERIFY_BATCH],
      )) as AuditRow[];
      for (const row of rows) {
        if (row.prev_hash !== prevHash || chainHash(prevHash, chainedFields(row)) !== row.hash) {
          return { valid: false, brokenAt: row.id };
        }
        prevHash = row.hash;
        lastId = row.id;
        entries++;
      }
      if (rows.length < VERIFY_BATCH) return { valid: true, entries, head: prevHash };
    }
  }
}
