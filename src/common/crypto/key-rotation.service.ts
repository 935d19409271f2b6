import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditTrail, SYSTEM_ACTOR } from '../audit-trail';
import { ENCRYPTED_COLUMNS, type EncryptedField } from './encrypted-columns';
import { FieldEncryption } from './field-encryption.service';
import { Transactions } from '../../database/transactions';

export interface RotationResult {
  column: string;
  rewritten: number;
}

/**
 * Re-encrypts every value that is not under the active key, in small batches, while the app keeps
 * serving: readers decrypt with any configured key, and a batch's rows are locked while they are
 * re-sealed, so a concurrent edit waits for the batch instead of being overwritten (and rows an edit
 * holds are skipped, to be taken by a later batch or run). The columns are those of ENCRYPTED_COLUMNS.
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

  async rotate(batchSize = 500): Promise<RotationResult[]> {
    const active = this.encryption.activeKeyId;
    const results: RotationResult[] = [];
    for (const [field, spec] of Object.entries(ENCRYPTED_COLUMNS) as [
      EncryptedField,
      (typeof ENCRYPTED_COLUMNS)[EncryptedField],
    ][]) {
      const name = `${spec.table}.${spec.column}`;
      if (spec.rotation === 'drop') {
        const dropped = await this.drop(spec.table, spec.column, spec.ciphertextSql, active);
        results.push({ column: `${name} (dropped)`, rewritten: dropped });
        this.logger.log(`${name}: ${dropped} value(s) under another key dropped`);
      } else {
        const rewritten = await this.reseal(field, spec.table, spec.column, spec.idColumn, active, batchSize);
        results.push({ column: name, rewritten });
        this.logger.log(`${name}: ${rewritten} value(s) re-encrypted under key ${active}`);
      }
    }
    await this.tx.run((m) =>
      this.audit.record(m, {
        actor: SYSTEM_ACTOR,
        action: 'crypto.rotate',
        details: { activeKeyId: active, results: results.map((r) => ({ ...r })) },
      }),
    );
    return results;
  }

  private async reseal(
    field: EncryptedField,
    table: string,
    column: string,
    idColumn: string,
    active: string,
    batchSize: number,
  ): Promise<number> {
    let rewritten = 0;
    for (;;) {
      const done = await this.tx.run(async (m) => {
        const rows = (await m.query(
          `SELECT ${idColumn} AS id, ${column} AS value FROM ${table}
            WHERE ${column} IS NOT NULL AND split_part(${column}, '.', 2) <> $1
            LIMIT $2 FOR UPDATE SKIP LOCKED`,
          [active, batchSize],
        )) as { id: string; value: string }[];
        const resealed = rows.map((r) =>
          this.encryption.seal(field, r.id, this.encryption.open(field, r.id, r.value)),
        );
        await m.query(
          `UPDATE ${table} AS t SET ${column} = u.value
             FROM unnest($1::uuid[], $2::text[]) AS u(id, value) WHERE t.${idColumn} = u.id`,
          [rows.map((r) => r.id), resealed],
        );
        rewritten += rows.length;
        return rows.length < batchSize;
      });
      if (done) return rewritten;
    }
  }

  private async drop(table: string, column: string, ciphertextSql: string, active: string): Promise<number> {
    const [, dropped] = (await this.dataSource.query(
      `DELETE FROM ${table} WHERE ${column} IS NOT NULL AND split_part(${ciphertextSql}, '.', 2) <> $1`,
      [active],
    )) as [unknown, number];
    return dropped;
  }
}
