import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { DataSource } from 'typeorm';
import { canonicalJson } from '../../audit/canonical-json';
import { FieldEncryption } from '../crypto/field-encryption.service';
import { ApiError } from '../errors';

export type Claim = { kind: 'owner' } | { kind: 'replay'; status: number; body: unknown };

export interface IdempotencyScope {
  userId: string;
  route: string;
  key: string;
}

const KEEP_HOURS = 24;
/** A duplicate waits this long for the first request to finish before answering 409. */
const WAIT_FOR_FIRST_MS = 5_000;
/** An in-flight claim older than this belongs to a request that died: it may be taken over. */
const ABANDONED_AFTER_SECONDS = 120;

/**
 * Keys are claimed with an INSERT ... ON CONFLICT, so of two requests arriving at once exactly one
 * runs; the other waits for its answer and replays it. Stored answers are encrypted (they hold
 * personal data) and tagged with the id of the record they created, so erasure can remove them.
 */
@Injectable()
export class IdempotencyStore {
  private claims = 0;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly encryption: FieldEncryption,
  ) {}

  static requestHash(body: unknown): string {
    return createHash('sha256')
      .update(canonicalJson(body ?? null))
      .digest('hex');
  }

  async claim(scope: IdempotencyScope, requestHash: string): Promise<Claim> {
    if (++this.claims % 100 === 0) await this.purgeExpired();
    const deadline = Date.now() + WAIT_FOR_FIRST_MS;
    const ids = [scope.userId, scope.route, scope.key];
    for (;;) {
      const inserted = (await this.dataSource.query(
        `INSERT INTO idempotency_keys (user_id, route, key, request_hash, state) VALUES ($1, $2, $3, $4, 'in_flight')
         ON CONFLICT DO NOTHING RETURNING 1`,
        [...ids, requestHash],
      )) as unknown[];
      if (inserted.length) return { kind: 'owner' };

      const [row] = (await this.dataSource.query(
        `SELECT request_hash, state, response_status, response_body,
                created_at < now() - make_interval(hours => $4) AS expired,
                (state = 'in_flight' AND created_at < now() - make_interval(secs => $5)) AS abandoned
           FROM idempotency_keys WHERE user_id = $1 AND route = $2 AND key = $3`,
        [...ids, KEEP_HOURS, ABANDONED_AFTER_SECONDS],
      )) as {
        request_hash: string;
        state: 'in_flight' | 'completed';
        response_status: number | null;
        response_body: { sealed: string } | null;
        expired: boolean;
        abandoned: boolean;
      }[];
      if (!row) continue; // released between our INSERT and SELECT: try to claim again
      if (row.expired || row.abandoned) {
        await this.release(scope);
        continue;
      }
      if (row.request_hash !== requestHash) {
        throw ApiError.rule(
          'IDEMPOTENCY_KEY_REUSED',
          'This Idempotency-Key was used with a different request body',
        );
      }
      if (row.state === 'completed' && row.response_body) {
        const body = JSON.parse(
          this.encryption.open('idempotency_keys.response_body', this.aad(scope), row.response_body.sealed)!,
        );
        return { kind: 'replay', status: row.response_status ?? HttpStatus.OK, body };
      }
      if (Date.now() > deadline) {
        throw ApiError.conflict(
          'IDEMPOTENCY_IN_FLIGHT',
          'A request with this Idempotency-Key is still being processed',
        );
      }
      await sleep(25);
    }
  }

  async complete(scope: IdempotencyScope, status: number, body: unknown): Promise<void> {
    const resourceId = (body as { id?: unknown } | null)?.id;
    const sealed = this.encryption.seal(
      'idempotency_keys.response_body',
      this.aad(scope),
      JSON.stringify(body ?? null),
    );
    await this.dataSource.query(
      `UPDATE idempotency_keys SET state = 'completed', response_status = $4, response_body = $5
        WHERE user_id = $1 AND route = $2 AND key = $3`,
      [
        scope.userId,
        scope.route,
        scope.key,
        status,
        JSON.stringify({ resourceId: resourceId ?? null, sealed }),
      ],
    );
  }

  /** A failed request leaves no trace: the same key may be retried. */
  async release(scope: IdempotencyScope): Promise<void> {
    await this.dataSource.query(
      'DELETE FROM idempotency_keys WHERE user_id = $1 AND route = $2 AND key = $3',
      [scope.userId, scope.route, scope.key],
    );
  }

  private async purgeExpired(): Promise<void> {
    await this.dataSource.query(
      `DELETE FROM idempotency_keys WHERE created_at < now() - make_interval(hours => $1)`,
      [KEEP_HOURS],
    );
  }

  private aad(scope: IdempotencyScope): string {
    return `${scope.userId}:${scope.route}:${scope.key}`;
  }
}
