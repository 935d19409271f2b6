import { Injectable, StreamableFile } from '@nestjs/common';
import { AuditService } from '../audit/audit.service';
import type { Principal } from '../common/auth.decorators';
import { csvFile, type CsvCell } from '../common/csv';
import { ApiError } from '../common/errors';
import { Transactions } from '../database/transactions';
import { HTCDS_LADDERS } from './htcds-columns';
import { HtcdsRepository } from './htcds.repository';
import { anonymise, type Anonymised } from './k-anonymity';

/** The CTDC's public-data threshold: every released combination is shared by at least 11 people. */
export const HTCDS_K = 11;

/**
 * The Human Trafficking Case Data Standard export for IOM's Counter Trafficking Data Collaborative:
 * one row per case registered in the range, in HTCDS 2.0 column names, only the fields that describe
 * no one (no name, date of birth, document number, narrative or id), k-anonymous with k = 11.
 */
@Injectable()
export class HtcdsService {
  constructor(
    private readonly tx: Transactions,
    private readonly htcds: HtcdsRepository,
    private readonly audit: AuditService,
  ) {}

  async export(range: { from: string; to: string }, actor: Principal): Promise<StreamableFile> {
    if (range.from > range.to)
      throw ApiError.field('to', 'conflict', 'to must not be before from', { with: 'from' });
    const release = await this.tx.run(async (m) => {
      const out = anonymise(await this.htcds.traits(m, range.from, range.to), HTCDS_LADDERS, HTCDS_K);
      await this.audit.record(m, {
        actor,
        action: 'export.htcds',
        entityType: 'export',
        entityId: 'htcds',
        details: {
          parameters: range,
          threshold: HTCDS_K,
          rows: out.groups.reduce((s, g) => s + g.count, 0),
          dropped: out.dropped,
          generalisation: out.rungs,
        },
      });
      return out;
    });
    return csvFile(`htcds-${range.from}-${range.to}`, rowsOf(release));
  }
}

/** The header, one line per case, then how many cases were left out. */
function* rowsOf(release: Anonymised): Generator<CsvCell[]> {
  yield HTCDS_LADDERS.map((l) => l.name);
  const sorted = [...release.groups].sort((a, b) =>
    a.values.join('\u0000').localeCompare(b.values.join('\u0000')),
  );
  for (const group of sorted) for (let i = 0; i < group.count; i++) yield group.values;
  yield ['# dropped', release.dropped];
}
