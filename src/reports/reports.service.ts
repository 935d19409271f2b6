import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { Principal } from '../common/auth.decorators';
import { ApiError } from '../common/errors';
import { AppConfig } from '../config/app-config';
import { Transactions } from '../database/transactions';
import { NationalitiesService } from '../nationalities/nationalities.service';
import { type Disclosed, type OneWayTable, suppressOneWay } from './disclosure/suppression';
import { suppressTwoWay } from './disclosure/two-way';
import type {
  CaseloadQueryDto,
  CrosstabQueryDto,
  Dimension,
  RepatriationsQueryDto,
  TimelinessQueryDto,
} from './dto/report-queries.dto';
import type {
  CaseloadReportView,
  CrosstabReportView,
  RepatriationsReportView,
  ReportRowView,
  TimelinessReportView,
} from './dto/report.view';
import { METRICS } from './dto/report.view';
import { nationalitiesFor, reportAudience, type ReportAudience } from './report-audience';
import { type Labeller, labelOf, orderKeys } from './report-labels';
import { ReportsRepository } from './reports.repository';

const row = (key: string, label: string, d: Disclosed): ReportRowView => ({ key, label, ...d });

/**
 * Aggregate figures for every role, each at its threshold (DESIGN.md §4–§5): counted in PostgreSQL,
 * suppressed by the disclosure module, and audited with their parameters in the read's transaction.
 */
@Injectable()
export class ReportsService {
  constructor(
    private readonly tx: Transactions,
    private readonly reports: ReportsRepository,
    private readonly nationalities: NationalitiesService,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
  ) {}

  async repatriations(query: RepatriationsQueryDto, actor: Principal): Promise<RepatriationsReportView> {
    const range = this.range(query);
    return this.run(actor, 'repatriations', query, async (m, audience) => {
      const table = await this.reports.repatriations(m, query.groupBy, range, audience.nationalities);
      const { rows, total } = await this.oneWay(m, query.groupBy, table, audience.threshold);
      return {
        groupBy: query.groupBy,
        from: range.from ?? null,
        to: range.to ?? null,
        threshold: audience.threshold,
        rows,
        ...total,
      };
    });
  }

  async crosstab(query: CrosstabQueryDto, actor: Principal): Promise<CrosstabReportView> {
    if (query.rows === query.columns)
      throw ApiError.field('columns', 'conflict', 'rows and columns must be two different dimensions', {
        with: 'rows',
      });
    const range = this.range(query);
    return this.run(actor, 'repatriations.crosstab', query, async (m, audience) => {
      const found = await this.reports.crosstab(m, query.rows, query.columns, range, audience.nationalities);
      const names = await this.labeller(m, [
        ...(query.rows === 'compound' ? found.rowKeys : []),
        ...(query.columns === 'compound' ? found.columnKeys : []),
      ]);
      const label = (d: Dimension) => (key: string) => labelOf(d, key, names);
      const rowKeys = orderKeys(query.rows, found.rowKeys, label(query.rows));
      const columnKeys = orderKeys(query.columns, found.columnKeys, label(query.columns));
      const ri = rowKeys.map((k) => found.rowKeys.indexOf(k));
      const ci = columnKeys.map((k) => found.columnKeys.indexOf(k));
      const out = suppressTwoWay(
        {
          rowKeys,
          columnKeys,
          counts: ri.map((r) => ci.map((c) => found.counts[r][c])),
          rowTotals: ri.map((r) => found.rowTotals[r]),
          columnTotals: ci.map((c) => found.columnTotals[c]),
          total: found.total,
        },
        audience.threshold,
      );
      return {
        rows: query.rows,
        columns: query.columns,
        from: range.from ?? null,
        to: range.to ?? null,
        threshold: audience.threshold,
        cells: rowKeys.flatMap((r, i) =>
          columnKeys.map((c, j) => ({ row: r, column: c, ...out.cells[i][j] })),
        ),
        rowTotals: rowKeys.map((k, i) => row(k, label(query.rows)(k), out.rowTotals[i])),
        columnTotals: columnKeys.map((k, j) => row(k, label(query.columns)(k), out.columnTotals[j])),
        total: out.total.count,
        totalSuppressed: out.total.suppressed,
      };
    });
  }

  async caseload(query: CaseloadQueryDto, actor: Principal): Promise<CaseloadReportView> {
    return this.run(actor, 'caseload', query, async (m, audience) => {
      const table = await this.reports.caseload(
        m,
        query.groupBy,
        audience.nationalities,
        this.config.stageTargetHours,
      );
      const dimension = query.groupBy === 'overdueStage' ? 'status' : query.groupBy;
      const { rows, total } = await this.oneWay(m, dimension, table, audience.threshold);
      return { groupBy: query.groupBy, threshold: audience.threshold, rows, ...total };
    });
  }

  async timeliness(query: TimelinessQueryDto, actor: Principal): Promise<TimelinessReportView> {
    const range = this.range(query);
    if (query.nationality && !this.nationalities.isKnown(query.nationality)) {
      throw ApiError.field(
        'nationality',
        'unknown_code',
        `unknown nationality code ${JSON.stringify(query.nationality)}`,
      );
    }
    return this.run(actor, 'timeliness', query, async (m, audience) => {
      const found = await this.reports.timeliness(m, range, nationalitiesFor(audience, query.nationality));
      const k = audience.threshold;
      const metrics = METRICS.map((metric) => {
        const f = found.find((x) => x.metric === metric)!;
        // Fewer than k cases behind a median would describe those few people; none at all is no figure.
        const suppressed = k > 0 && f.cases > 0 && f.cases < k;
        const hours = (v: number | null) => (suppressed || v === null ? null : Math.round(v * 10) / 10);
        return {
          metric,
          medianHours: hours(f.median),
          p90Hours: hours(f.p90),
          cases: suppressed ? null : f.cases,
          suppressed,
        };
      });
      return { from: range.from ?? null, to: range.to ?? null, threshold: k, metrics };
    });
  }

  /** The read, its suppression and its audit entry (parameters and threshold) in one transaction. */
  private run<T>(
    actor: Principal,
    report: string,
    query: object,
    work: (m: EntityManager, audience: ReportAudience) => Promise<T>,
  ): Promise<T> {
    const audience = reportAudience(actor, this.config);
    return this.tx.run(async (m) => {
      const result = await work(m, audience);
      await this.audit.record(m, {
        actor,
        action: 'report.run',
        entityType: 'report',
        entityId: report,
        details: { parameters: query, threshold: audience.threshold, nationalities: audience.nationalities },
      });
      return result;
    });
  }

  private async oneWay(m: EntityManager, dimension: Dimension | 'status', table: OneWayTable, k: number) {
    const names = await this.labeller(m, dimension === 'compound' ? table.cells.map((c) => c.key) : []);
    const label = (key: string) => labelOf(dimension, key, names);
    const keys = orderKeys(
      dimension,
      table.cells.map((c) => c.key),
      label,
    );
    const cells = keys.map((key) => table.cells.find((c) => c.key === key)!);
    const out = suppressOneWay({ cells, total: table.total }, k);
    return {
      rows: cells.map((c, i) => row(c.key, label(c.key), out.cells[i])),
      total: { total: out.total.count, totalSuppressed: out.total.suppressed },
    };
  }

  private async labeller(m: EntityManager, compoundIds: string[]): Promise<Labeller> {
    const compounds = await this.reports.compoundNames(
      m,
      compoundIds.filter((id) => id !== 'unknown'),
    );
    return {
      nationality: (code) => this.nationalities.nameOf(code) ?? code,
      compound: (id) => compounds.get(id) ?? id,
    };
  }

  private range(query: { from?: string; to?: string }) {
    if (query.from && query.to && query.from > query.to)
      throw ApiError.field('to', 'conflict', 'to must not be before from', { with: 'from' });
    return { from: query.from, to: query.to };
  }
}
