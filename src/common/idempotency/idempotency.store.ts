import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { DataSource, EntityManager } from 'typeorm';
import { AuditTrail } from '../audit-trail';
import { canonicalJson } from '../canonical-json';
import { FieldEncryption } from '../crypto/field-encryption.service';
import type { Principal } from '../auth.decorators';
import { ApiError } from '../errors';
import { Transactions } from '../../database/transactions';

export type Claim = { kind: 'owner' } | { kind: 'replay'; status: number; body: unknown };

export interface IdempotencyScope {
  actor: Pick<Principal, 'id' | 'role'>;
  route: string;
  key: string;
  /** What the route creates (`person`), for the audit entry of a replay. */
  entityType: string;
}

/** What is kept of an answer: the record it created, the people it shows, and the sealed body. */
interface StoredAnswer {
  resourceId: string | null;
  /** Erasing any of them empties the answer (see forgetPeople). */
  personIds?: string[];
  sealed?: string;
  erased?: true;
}

const KEEP_HOURS = 24;
/** A duplicate waits this long for the first request to finish before answering 409. */
const WAIT_FOR_FIRST_MS = 5_000;
/** An in-flight claim older than this belongs to a request that died: it may be taken over. */
const ABANDONED_AFTER_SECONDS = 120;

/**
 * Keys are claimed with an INSERT ... ON CONFLICT, so of two requests arriving at once exactly one
 * runs; the other waits for its answer and replays it. Stored answers are encrypted (they hold
 * personal data) and tagged with the people they show, so erasure can remove them.
 */
@Injectable()
export class IdempotencyStore {
  private claims = 0;

  constructor(
    private readonly tx: Transactions,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly encryption: FieldEncryption,
    private readonly audit: AuditTrail,
  ) {}

  static requestHash(body: unknown): string {
    return createHash('sha256')
      .update(canonicalJson(body ?? null))
      .digest('hex');
  }

  async claim(scope: IdempotencyScope, requestHash: string): Promise<Claim> {
    if (++this.claims % 100 === 0) await this.purgeExpired();
    const deadline = Date.now() + WAIT_FOR_FIRST_MS;
    const ids = [scope.actor.id, scope.route, scope.key];
    for (;;) {
      const inserted = (await this.dataSource.query(
        `INSERT INTO idempotency_keys (user_id, route, key, request_hash, state) VALUES ($1, $2, $3, $4, 'in_flight')
         ON CONFLICT DO NOTHING RETURNING 1`,
        [...ids, requestHash],
      )) as unknown[];
      if (inserted.length) return { kind: 'owner' };

      const seen = await this.tx.run((m) => this.inspect(m, scope, requestHash));
      if (seen === 'retry') continue;
      if (seen !== 'in_flight') return seen;
      if (Date.now() > deadline) {
        throw ApiError.conflict(
          'IDEMPOTENCY_IN_FLIGHT',
          'A request with this Idempotency-Key is still being processed',
        );
      }
      await sleep(25);
    }
  }

  /**
   * What the existing claim on this key says. A replay is a read of what the first request answered
   * (a person's record, say): it is audited in the same transaction, like any other read.
   */
  private async inspect(
    m: EntityManager,
    scope: IdempotencyScope,
    requestHash: string,
  ): Promise<Claim | 'retry' | 'in_flight'> {
    const [row] = (await m.query(
      `SELECT request_hash, state, response_status, response_body,
              created_at < now() - make_interval(hours => $4) AS expired,
              (state = 'in_flight' AND created_at < now() - make_interval(secs => $5)) AS abandoned
         FROM idempotency_keys WHERE user_id = $1 AND route = $2 AND key = $3`,
      [scope.actor.id, scope.route, scope.key, KEEP_HOURS, ABANDONED_AFTER_SECONDS],
    )) as {
      request_hash: string;
      state: 'in_flight' | 'completed';
      response_status: number | null;
      response_body: StoredAnswer | null;
      expired: boolean;
      abandoned: boolean;
    }[];
    if (!row) return 'retry'; // released between our INSERT and SELECT: try to claim again
    if (row.expired || row.abandoned) {
      await this.release(scope);
      return 'retry';
    }
    if (row.request_hash !== requestHash) {
      throw ApiError.rule(
        'IDEMPOTENCY_KEY_REUSED',
        'This Idempotency-Key was used with a different request body',
      );
    }
    if (row.state !== 'completed' || !row.response_body) return 'in_flight';
    if (row.response_body.erased) {
      throw new ApiError(
        HttpStatus.GONE,
        'PERSON_ERASED',
        'A person this request recorded has since been erased; nothing was written',
      );
    }
    const body: unknown = JSON.parse(
      this.encryption.open('idempotency_keys.response_body', this.aad(scope), row.response_body.sealed!)!,
    );
    await this.audit.record(m, {
      actor: scope.actor,
      action: 'idempotent.replay',
      entityType: scope.entityType,
      entityId: row.response_body.resourceId ?? undefined,
      details: { route: scope.route },
    });
    return { kind: 'replay', status: row.response_status ?? HttpStatus.OK, body };
  }

  /**
   * Keeps the answer, in the transaction `m` that wrote it (Transactions.runAnswering); `personIds` are
   * the people it shows, whose erasure must empty it.
   */
  async complete(
    m: EntityManager,
    scope: IdempotencyScope,
    status: number,
    body: unknown,
    personIds: string[],
  ): Promise<void> {
    const resourceId = (body as { id?: unknown } | null)?.id;
    const sealed = this.encryption.seal(
      'idempotency_keys.response_body',
      this.aad(scope),
      JSON.stringify(body ?? null),
    );
    await m.query(
      `UPDATE idempotency_keys SET state = 'completed', response_status = $4, response_body = $5
        WHERE user_id = $1 AND route = $2 AND key = $3`,
      [
        scope.actor.id,
        scope.route,
        scope.key,
        status,
        JSON.stringify({
          resourceId: typeof resourceId === 'string' ? resourceId : null,
          personIds,
          sealed,
        } satisfies StoredAnswer),
      ],
    );
  }

  /** A failed request leaves no trace: the same key may be retried. */
  async release(scope: IdempotencyScope): Promise<void> {
    await this.dataSource.query(
      'DELETE FROM idempotency_keys WHERE user_id = $1 AND route = $2 AND key = $3',
      [scope.actor.id, scope.route, scope.key],
    );
  }

  /**
   * Erasure: stored answers that show this person (the intake that created them, a handover that
   * moved them) lose their body (it holds the person's data), but the key and its fingerprint stay
   * for their 24 hours, marked erased, and a replay answers 410 PERSON_ERASED. Deleting the key
   * instead would let the same request, sent again, write the erased person back (the key would look
   * unused). Answers kept before `personIds` existed name the person as `resourceId` (intakes).
   */
  async forgetPeople(m: EntityManager, personIds: string[]): Promise<void> {
    // One statement for a batch: the ids are inside the stored answer, so each pass reads the table.
    await m.query(
      `UPDATE idempotency_keys SET response_status = ${HttpStatus.GONE},
              response_body = jsonb_build_object('resourceId', response_body->>'resourceId', 'erased', true)
        WHERE response_body->>'resourceId' = ANY($1::text[]) OR response_body->'personIds' ?| $1::text[]`,
      [personIds],
    );
  }

  /** The tables forgetPeople writes, for a vacuum after erasures. */
  readonly tables = ['idempotency_keys'] as const;

  private async purgeExpired(): Promise<void> {
    await this.dataSource.query(
      `DELETE FROM idempotency_keys WHERE created_at < now() - make_interval(hours => $1)`,
      [KEEP_HOURS],
    );
  }

  private aad(scope: IdempotencyScope): string {
    return `${scope.actor.id}:${scope.route}:${scope.key}`;
  }
}
