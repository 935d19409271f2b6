import type { StreamableFile } from '@nestjs/common';
import { csvFile, type CsvCell } from '../common/csv';
import type { CrosstabReportView, ReportRowView, TimelinessReportView } from './dto/report.view';

/**
 * A hidden figure is written `suppressed`, whether it was hidden for being small or to protect another
 * cell: writing `<k` would be untrue for the second kind and would tell the two apart.
 */
const figure = (count: number | null, suppressed: boolean): CsvCell => (suppressed ? 'suppressed' : count);

/** `key,label,count`, then a last row keyed `total`. */
export function oneWayCsv(
  name: string,
  view: { rows: ReportRowView[]; total: number | null; totalSuppressed: boolean },
): StreamableFile {
  return csvFile(name, [
    ['key', 'label', 'count'],
    ...view.rows.map((r) => [r.key, r.label, figure(r.count, r.suppressed)]),
    ['total', 'Total', figure(view.total, view.totalSuppressed)],
  ]);
}

/** One line per row key, a column per column key, a `total` column and a last `total` line. */
export function crosstabCsv(name: string, view: CrosstabReportView): StreamableFile {
  const columns = view.columnTotals.map((c) => c.key);
  const cell = (row: string, column: string) => view.cells.find((c) => c.row === row && c.column === column)!;
  return csvFile(name, [
    ['key', 'label', ...columns, 'total'],
    ...view.rowTotals.map((r) => [
      r.key,
      r.label,
      ...columns.map((c) => figure(cell(r.key, c).count, cell(r.key, c).suppressed)),
      figure(r.count, r.suppressed),
    ]),
    [
      'total',
      'Total',
      ...view.columnTotals.map((c) => figure(c.count, c.suppressed)),
      figure(view.total, view.totalSuppressed),
    ],
  ]);
}

export function timelinessCsv(name: string, view: TimelinessReportView): StreamableFile {
  return csvFile(name, [
    ['metric', 'medianHours', 'p90Hours', 'cases'],
    ...view.metrics.map((m) =>
      m.suppressed
        ? [m.metric, 'suppressed', 'suppressed', 'suppressed']
        : [m.metric, m.medianHours, m.p90Hours, m.cases],
    ),
  ]);
}
