import type { ScenarioResult } from './scenarios';

/**
 * The API may cost this many times its raw SQL plus the fixed cost of any request (the floor: HTTP,
 * the guard's user lookup, JSON, measured on GET /auth/me in the same run). What this bounds is what a
 * route adds on top: its transaction, the audit write, mapping. A plain api/sql ratio would be decided
 * by HTTP alone for a 1 ms query, so it is printed but not judged.
 */
export const MAX_API_RATIO = 2.5;
/** A deep keyset page may cost at most this many times the first page. */
export const MAX_DEEP_PAGE_RATIO = 2;

export interface Verdict {
  result: ScenarioResult;
  ratio: number;
  /** api / (sql + floor): the judged ratio. */
  judged: number;
  /** Deep pages only: median of this page over median of page 1, for the API and for the SQL. */
  pageCost?: { api: number; sql: number };
  failures: string[];
}

export function judge(results: ScenarioResult[], floorMs: number): Verdict[] {
  const byName = new Map(results.map((r) => [r.scenario.name, r]));
  return results.map((result) => {
    const failures: string[] = [];
    const ratio = result.api.median / result.sql.median;
    const judged = result.api.median / (result.sql.median + floorMs);
    if (judged > MAX_API_RATIO) {
      failures.push(`api/(sql+floor) ${judged.toFixed(2)} > ${MAX_API_RATIO}`);
    }
    let pageCost: Verdict['pageCost'];
    const base = result.scenario.samePageCostAs && byName.get(result.scenario.samePageCostAs);
    if (base) {
      pageCost = { api: result.api.median / base.api.median, sql: result.sql.median / base.sql.median };
      if (pageCost.api > MAX_DEEP_PAGE_RATIO)
        failures.push(`api page cost ${pageCost.api.toFixed(1)}x page 1`);
      if (pageCost.sql > MAX_DEEP_PAGE_RATIO)
        failures.push(`sql page cost ${pageCost.sql.toFixed(1)}x page 1`);
    }
    if (result.plans.some((p) => p.seqScanOnPeople)) failures.push('Seq Scan on people');
    return { result, ratio, judged, pageCost, failures };
  });
}

const ms = (n: number) => n.toFixed(n < 10 ? 2 : 1);

const COLUMNS = [
  'scenario',
  'items',
  'api median ms',
  'api p95 ms',
  'sql median ms',
  'sql p95 ms',
  'api/sql',
  'api/(sql+floor)',
  'api−sql ms',
  'page N / page 1 (api, sql)',
  'app db ms (queries)',
  'result',
];

function rows(verdicts: Verdict[]): string[][] {
  return verdicts.map(({ result: r, ratio, judged, pageCost, failures }) => [
    r.scenario.name,
    String(r.items),
    ms(r.api.median),
    ms(r.api.p95),
    ms(r.sql.median),
    ms(r.sql.p95),
    ratio.toFixed(1),
    judged.toFixed(2),
    ms(r.api.median - r.sql.median),
    pageCost ? `${pageCost.api.toFixed(2)}, ${pageCost.sql.toFixed(2)}` : '',
    `${ms(r.dbInApi.median)} (${r.queriesPerRequest})`,
    failures.length ? `FAIL: ${failures.join('; ')}` : 'PASS',
  ]);
}

/** A fixed-width table for the terminal. */
export function textTable(verdicts: Verdict[]): string {
  const all = [COLUMNS, ...rows(verdicts)];
  const widths = COLUMNS.map((_, c) => Math.max(...all.map((row) => row[c].length)));
  const line = (row: string[]) =>
    row.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  ');
  return [line(COLUMNS), widths.map((w) => '-'.repeat(w)).join('  '), ...rows(verdicts).map(line)].join('\n');
}

export function markdownTable(verdicts: Verdict[]): string {
  const line = (row: string[]) => `| ${row.join(' | ')} |`;
  return [
    line(COLUMNS),
    line(COLUMNS.map((_, c) => (c === 0 ? '---' : '---:'))),
    ...rows(verdicts).map(line),
  ].join('\n');
}

export function planLines(verdicts: Verdict[]): string[] {
  return verdicts.flatMap(({ result: r }) =>
    r.plans.map(
      (p) =>
        `${r.scenario.name}: ${p.nodes}  [${p.executionMs.toFixed(2)} ms, ${p.sharedBlocks} buffers, ${p.rowsDiscarded} rows discarded]`,
    ),
  );
}

/** Where one request's time goes: each statement the app sent, first line only, median ms. */
export function breakdownLines(result: ScenarioResult): string[] {
  return result.breakdown.map(
    (b) => `${ms(b.ms).padStart(7)} ms  ${b.sql.replace(/\s+/g, ' ').trim().slice(0, 110)}`,
  );
}

export function markdownReport(verdicts: Verdict[], header: string[], breakdown: string[]): string {
  return [
    '# Benchmark: API vs raw SQL',
    '',
    'Written by `npm run bench` (bench/run.ts); the latest run replaces it.',
    '',
    ...header.map((h) => `- ${h}`),
    '',
    markdownTable(verdicts),
    '',
    '## Plans of the raw SQL (EXPLAIN ANALYZE, BUFFERS)',
    '',
    ...planLines(verdicts).map((l) => `- ${l}`),
    '',
    '## Where one API request spends its database time (list p1, median per statement)',
    '',
    '```',
    ...breakdown,
    '```',
    '',
  ].join('\n');
}
