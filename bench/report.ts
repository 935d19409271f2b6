import type { PlanSummary } from './measure';
import type { ScenarioKind, ScenarioResult } from './scenarios';

/**
 * Lists: the API may cost this many times its raw SQL plus the fixed cost of any request (the floor:
 * HTTP, the guard's user lookup, JSON, measured on GET /auth/me in the same run). What this bounds is
 * what a route adds on top: its transaction, the audit write, mapping. A plain api/sql ratio would be
 * decided by HTTP alone for a 1 ms query, so it is printed but not judged. Where a scenario has a best
 * SQL for the same answer (bench/best-sql.ts), the raw SQL is the faster of it and the app's statements.
 */
export const MAX_API_RATIO = 2.5;
/** A list page reads a few rows of these by index; a sequential scan of either grows with the data. */
const LIST_TABLES = ['people', 'person_nationalities'];
/** A deep keyset page may cost at most this many times the first page, unless its scenario says less. */
export const MAX_DEEP_PAGE_RATIO = 2;
/** Reports: API median ≤ REPORT_RATIO × SQL median + REPORT_SLACK_MS, and under REPORT_MAX_MS. */
export const REPORT_RATIO = 1.3;
export const REPORT_SLACK_MS = 5;
export const REPORT_MAX_MS = 300;
/** The HTCDS export of a year, to the last byte of its CSV. */
export const EXPORT_MAX_MS = 10_000;
/** The 1,000-person handover: API ≤ WRITE_RATIO × the same writes in SQL, and under WRITE_MAX_MS (at 1M people). */
export const WRITE_RATIO = 3;
export const WRITE_MAX_MS = 2_000;

export interface Verdict {
  result: ScenarioResult;
  ratio: number;
  /** Lists: api / (sql + floor), the judged ratio (sql: the faster of the app's and the best SQL). */
  judged: number;
  /** Reports: the most the API may take, from the SQL's median. */
  limitMs?: number;
  /** Deep pages only: this page's cost over page 1's (see ScenarioResult.pageOne), API and SQL. */
  pageCost?: { api: number; sql: number };
  failures: string[];
}

function judgeList(result: ScenarioResult, base: ScenarioResult | undefined, floorMs: number): Verdict {
  const failures: string[] = [];
  const sqlMs = Math.min(result.sql.median, result.best?.sql.median ?? Infinity);
  // The floor timed in this scenario's own runs, when it was.
  const judged = result.api.median / (sqlMs + (result.floor?.median ?? floorMs));
  if (judged > MAX_API_RATIO) failures.push(`api/(sql+floor) ${judged.toFixed(2)} > ${MAX_API_RATIO}`);
  if (result.best && !result.best.matches) failures.push('best SQL gives another answer (see log)');
  let pageCost: Verdict['pageCost'];
  // Against page 1 as timed in the same runs as this page when it was, else its own scenario's.
  if (result.pageOne || base) {
    const max = result.scenario.maxPageRatio ?? MAX_DEEP_PAGE_RATIO;
    pageCost = result.pageOne?.cost ?? {
      api: result.api.median / base!.api.median,
      sql: result.sql.median / base!.sql.median,
    };
    if (pageCost.api > max) failures.push(`api page cost ${pageCost.api.toFixed(2)}x page 1 > ${max}`);
    if (pageCost.sql > max) failures.push(`sql page cost ${pageCost.sql.toFixed(2)}x page 1 > ${max}`);
  }
  const scanned = LIST_TABLES.filter((t) => result.plans.some((p) => p.seqScans.includes(t)));
  if (scanned.length) failures.push(`Seq Scan on ${scanned.join(', ')}`);
  return { result, ratio: result.api.median / result.sql.median, judged, pageCost, failures };
}

/**
 * Reports are judged against their best raw SQL over the source tables (people, their nationalities,
 * consents, notifications): the SQL written for the same figures in best-sql.ts, which is what
 * PostgreSQL can do without the reports' read model. The app's own statements over that read model are
 * replayed beside it (the `sql` column), so what the API adds on top of them shows too. Reports count
 * over many people, where a sequential scan may be the best plan, so only time is judged.
 */
function judgeReport(result: ScenarioResult): Verdict {
  const failures: string[] = [];
  const bestMs = result.best?.sql.median ?? result.sql.median;
  const limitMs = REPORT_RATIO * bestMs + REPORT_SLACK_MS;
  if (result.api.median > limitMs) failures.push(`api > ${REPORT_RATIO} × best sql + ${REPORT_SLACK_MS} ms`);
  if (result.api.median >= REPORT_MAX_MS) failures.push(`api ≥ ${REPORT_MAX_MS} ms`);
  if (result.best && !result.best.matches) failures.push('best SQL gives other figures (see log)');
  const ratio = result.api.median / bestMs;
  return { result, ratio, judged: ratio, limitMs, failures };
}

function judgeExport(result: ScenarioResult): Verdict {
  const failures = result.api.median >= EXPORT_MAX_MS ? [`api ≥ ${EXPORT_MAX_MS / 1000} s`] : [];
  const ratio = result.api.median / result.sql.median;
  return { result, ratio, judged: ratio, failures };
}

function judgeWrite(result: ScenarioResult): Verdict {
  const failures: string[] = [];
  const ratio = result.api.median / result.sql.median;
  if (ratio > WRITE_RATIO) failures.push(`api/sql ${ratio.toFixed(2)} > ${WRITE_RATIO}`);
  if (result.api.median >= WRITE_MAX_MS) failures.push(`api ≥ ${WRITE_MAX_MS / 1000} s`);
  return { result, ratio, judged: ratio, failures };
}

export function judge(results: ScenarioResult[], floorMs: number): Verdict[] {
  const byName = new Map(results.map((r) => [r.scenario.name, r]));
  return results.map((result) => {
    switch (result.scenario.kind) {
      case 'list':
        return judgeList(result, byName.get(result.scenario.samePageCostAs ?? ''), floorMs);
      case 'report':
        return judgeReport(result);
      case 'export':
        return judgeExport(result);
      case 'write':
        return judgeWrite(result);
    }
  });
}

const ms = (n: number) => n.toFixed(n < 10 ? 2 : 1);
const verdictCell = (failures: string[]) => (failures.length ? `FAIL: ${failures.join('; ')}` : 'PASS');

interface Table {
  title: string;
  kind: ScenarioKind;
  columns: string[];
  row: (v: Verdict) => string[];
}

const TABLES: Table[] = [
  {
    title: 'Lists',
    kind: 'list',
    columns: [
      'scenario',
      'items',
      'api median ms',
      'api p95 ms',
      'sql median ms',
      'sql p95 ms',
      'best sql median ms',
      'floor median ms',
      'api/sql',
      'api/(sql+floor)',
      'api−sql ms',
      'page N / page 1 (api, sql)',
      'app db ms (queries)',
      'result',
    ],
    row: ({ result: r, ratio, judged, pageCost, failures }) => [
      r.scenario.name,
      `${r.items}${r.capped ? '+' : ''}`,
      ms(r.api.median),
      ms(r.api.p95),
      ms(r.sql.median),
      ms(r.sql.p95),
      r.best ? ms(r.best.sql.median) : '',
      r.floor ? ms(r.floor.median) : '',
      ratio.toFixed(1),
      judged.toFixed(2),
      ms(r.api.median - r.sql.median),
      pageCost ? `${pageCost.api.toFixed(2)}, ${pageCost.sql.toFixed(2)}` : '',
      `${ms(r.dbInApi.median)} (${r.queriesPerRequest})`,
      verdictCell(failures),
    ],
  },
  {
    title: 'Reports',
    kind: 'report',
    columns: [
      'scenario',
      'rows',
      'runs',
      'api p50 ms',
      'api p95 ms',
      "sql p50 ms (app's statements)",
      'best sql p50 ms',
      'api/best sql',
      'limit ms',
      'api−sql ms',
      'app db ms (queries)',
      'result',
    ],
    row: ({ result: r, ratio, limitMs, failures }) => [
      r.scenario.name,
      String(r.items),
      String(r.runs),
      ms(r.api.median),
      ms(r.api.p95),
      ms(r.sql.median),
      r.best ? ms(r.best.sql.median) : '',
      ratio.toFixed(2),
      ms(Math.min(limitMs!, REPORT_MAX_MS)),
      ms(r.api.median - r.sql.median),
      `${ms(r.dbInApi.median)} (${r.queriesPerRequest})`,
      verdictCell(failures),
    ],
  },
  {
    title: 'Export',
    kind: 'export',
    columns: [
      'scenario',
      'cases (CSV lines)',
      'MB',
      'runs',
      'api p50 ms (whole body)',
      'api max ms',
      'sql p50 ms (traits query)',
      'app db ms (queries)',
      'result',
    ],
    row: ({ result: r, failures }) => [
      r.scenario.name,
      String(r.items),
      (r.bytes / 1e6).toFixed(1),
      String(r.runs),
      ms(r.api.median),
      ms(r.api.p95),
      ms(r.sql.median),
      `${ms(r.dbInApi.median)} (${r.queriesPerRequest})`,
      verdictCell(failures),
    ],
  },
  {
    title: 'Handover',
    kind: 'write',
    columns: [
      'scenario',
      'people',
      'runs',
      'api p50 ms',
      'api max ms',
      'sql p50 ms (same writes)',
      'sql max ms',
      'api/sql',
      'app db ms (queries)',
      'result',
    ],
    row: ({ result: r, ratio, failures }) => [
      r.scenario.name,
      String(r.items),
      String(r.runs),
      ms(r.api.median),
      ms(r.api.p95),
      ms(r.sql.median),
      ms(r.sql.p95),
      ratio.toFixed(2),
      `${ms(r.dbInApi.median)} (${r.queriesPerRequest})`,
      verdictCell(failures),
    ],
  },
];

function tablesOf(verdicts: Verdict[]): { table: Table; rows: string[][] }[] {
  return TABLES.map((table) => ({
    table,
    rows: verdicts.filter((v) => v.result.scenario.kind === table.kind).map(table.row),
  })).filter((t) => t.rows.length);
}

/** Fixed-width tables for the terminal. */
export function textTables(verdicts: Verdict[]): string {
  return tablesOf(verdicts)
    .map(({ table, rows }) => {
      const all = [table.columns, ...rows];
      const widths = table.columns.map((_, c) => Math.max(...all.map((row) => row[c].length)));
      const line = (row: string[]) =>
        row.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  ');
      return [
        `${table.title}:`,
        line(table.columns),
        widths.map((w) => '-'.repeat(w)).join('  '),
        ...rows.map(line),
      ].join('\n');
    })
    .join('\n\n');
}

function markdownTables(verdicts: Verdict[]): string[] {
  const line = (row: string[]) => `| ${row.join(' | ')} |`;
  return tablesOf(verdicts).flatMap(({ table, rows }) => [
    `### ${table.title}`,
    '',
    line(table.columns),
    line(table.columns.map((_, c) => (c === 0 ? '---' : '---:'))),
    ...rows.map(line),
    '',
  ]);
}

export function planLines(verdicts: Verdict[]): string[] {
  const line = (name: string, p: PlanSummary) =>
    `${name}: ${p.nodes}  [${p.executionMs.toFixed(2)} ms, ${p.sharedBlocks} buffers, ${p.rowsDiscarded} rows discarded]`;
  return verdicts.flatMap(({ result: r }) => [
    ...r.plans.map((p) => line(r.scenario.name, p)),
    ...(r.best ? [line(`${r.scenario.name}, best SQL`, r.best.plan)] : []),
  ]);
}

/** Where one request's time goes: each statement the app sent, first line only, median ms. */
export function breakdownLines(result: ScenarioResult): string[] {
  return result.breakdown.map(
    (b) => `${ms(b.ms).padStart(7)} ms  ${b.sql.replace(/\s+/g, ' ').trim().slice(0, 110)}`,
  );
}

export function markdownReport(
  verdicts: Verdict[],
  header: string[],
  breakdowns: { title: string; lines: string[] }[],
): string {
  return [
    '# Benchmark: API vs raw SQL',
    '',
    'Written by `npm run bench` (bench/run.ts); the latest run replaces it.',
    '',
    ...header.map((h) => `- ${h}`),
    '',
    ...markdownTables(verdicts),
    '## Plans of the raw SQL (EXPLAIN ANALYZE, BUFFERS)',
    '',
    'A Seq Scan on people or person_nationalities fails a list; reports and the export count over many people,',
    'where one may be the best plan, so theirs are shown and only their time is judged.',
    '',
    ...planLines(verdicts).map((l) => `- ${l}`),
    '',
    ...breakdowns.flatMap(({ title, lines }) => [
      `## Where one API request spends its database time (${title}, median per statement)`,
      '',
      '```',
      ...lines,
      '```',
      '',
    ]),
  ].join('\n');
}
