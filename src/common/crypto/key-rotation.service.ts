import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditTrail } from '../audit-trail';
import { FieldEncryption, SealedField } from './field-encryption.service';
import { Transactions } from '../../database/transactions';

/** Every encrypted column: where it is, and how its AAD (row binding) is formed. */
const SEALED_COLUMNS: { table: string; column: string; field: SealedField }[] = [
  { table: 'people', column: 'document_number_enc', field: 'people.document_number' },
  { table: 'people', column: 'narrative_enc', field: 'people.narrative' },
  {
    table: 'consular_notifications',
    column: 'travel_document_number_enc',
    field: 'consular_notifications.travel_document_number',
  },
];

export interface RotationResult {
  column: string;
  rewritten: number;
}

/**
 * Re-encrypts every value that is not under the active key, in small batches, while the app keeps
 * serving: readers decrypt with any configured key, and a batch's rows are locked while they are
 * re-sealed, so a concurrent edit waits for the batch instead of being overwritten (and rows an edit
 * holds are skipped, to be taken by a later batch or run).
 */
@Injectable()
export class KeyRotation {
  private readonly logger = new Logger(KeyRotation.name);

  constructor(
    private readonly tx: Transactions,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly encryption: FieldEncryption,
    private readonly audit: AuditTrail,
  ) {}

  /**
   * Stored idempotent answers are short-lived (24 h): dropping those under an old key is simpler than
   * re-keying them, and only means a retried request is processed as new.
   */
  private async dropOldAnswers(active: string): Promise<number> {
    const [, dropped] = (await this.dataSource.query(
      `DELETE FROM idempotency_keys WHERE response_body IS NOT NULL
          AND split_part(response_body->>'sealed', '.', 2) <> $1`,
      [active],
    )) as [unknown, number];
    return dropped;
  }

  async rotate(batchSize = 500): Promise<RotationResult[]> {
    const active = this.encryption.activeKeyId;
    const results: RotationResult[] = [];
    for (const { table, column, field } of SEALED_COLUMNS) {
      let rewritten = 0;
      for (;;) {
        const done = await this.tx.run(async (m) => {
          const rows = (await m.query(
            `SELECT id, ${column} AS value FROM ${table}
              WHERE ${column} IS NOT NULL AND split_part(${column}, '.', 2) <> $1
              LIMIT $2 FOR UPDATE SKIP LOCKED`,
            [active, batchSize],
          )) as { id: string; value: string }[];
          const resealed = rows.map((r) =>
            this.encryption.seal(field, r.id, this.encryption.open(field, r.id, r.value)),
          );
          await m.query(
            `UPDATE ${table} AS t SET ${column} = u.value
               FROM unnest($1::uuid[], $2::text[]) AS u(id, value) WHERE t.id = u.id`,
            [rows.map((r) => r.id), resealed],
          );
          rewritten += rows.length;
          return rows.length < batchSize;
        });
        if (done) break;
      }
      results.push({ column: `${table}.${column}`, rewritten });
      this.logger.log(`${table}.${column}: ${rewritten} value(s) re-encrypted under key ${active}`);
    }
    results.push({
      column: 'idempotency_keys.response_body (dropped)',
      rewritten: await this.dropOldAnswers(active),
    });
    await this.tx.run((m) =>
      this.audit.record(m, {
        actor: null,
        action: 'crypto.rotate',
        details: { activeKeyId: active, results: results.map((r) => ({ ...r })) },
      }),
    );
    return results;
  }
}
