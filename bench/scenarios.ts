import type { Client } from 'pg';
import type { FieldEncryption } from '../src/common/crypto/field-encryption.service';
import { bestSqlFor, figures, reportShape, type BestSql } from './best-sql';
import { FIVE_YEARS, LAST_FULL_YEAR } from './generate';
import {
  dataStatements,
  explain,
  explainOne,
  replay,
  stats,
  timed,
  type PlanSummary,
  type QueryRecorder,
  type RecordedQuery,
  type Stats,
} from './measure';

export const WARMUP = 5;
export const RUNS = Number(process.env.BENCH_RUNS ?? 30);
/** Cursor-chain depth of the deep-page scenarios. */
export const DEEP_PAGE = 200;

/**
 * - list: a page of people (or the duplicates search), judged against its SQL plus the request floor;
 * - report: aggregate figures, judged on their median against the SQL's and on an absolute ceiling;
 * - export: a whole CSV download, judged on the time to its last byte;
 * - write: the 1,000-person handover (bench/handover.ts), judged against the same writes in SQL.
 */
export type ScenarioKind = 'list' | 'report' | 'export' | 'write';

/**
 * Warm-up and measured runs per kind: a report or an export costs far more per run than a list page,
 * and each handover run needs 2,000 fresh people.
 */
export const RUNS_OF: Record<ScenarioKind, { warmup: number; runs: number }> = {
  list: { warmup: WARMUP, runs: RUNS },
  report: { warmup: 3, runs: Number(process.env.BENCH_REPORT_RUNS ?? 15) },
  export: { warmup: 1, runs: Number(process.env.BENCH_EXPORT_RUNS ?? 3) },
  write: { warmup: 1, runs: Number(process.env.BENCH_WRITE_RUNS ?? 5) },
};

/** A request slower than this gets 3 runs, the first (untimed) call its only warm-up. */
const SLOW_MS = Number(process.env.BENCH_SLOW_MS ?? 2_000);

/** Who sends the request: each signs in once, like a real user of that role. */
export type Signer = 'caseworker' | 'consular' | 'admin' | 'donor';

export interface Scenario {
  name: string;
  kind: ScenarioKind;
  /** Path under /api/v1, query string included. */
  path: string;
  as: Signer;
  /** Deep page: its cost must stay within `maxPageRatio` of this (first-page) scenario's. */
  samePageCostAs?: string;
  /** Largest cost of this deep page over page 1; MAX_DEEP_PAGE_RATIO when not given. */
  maxPageRatio?: number;
}

export interface BenchContext {
  baseUrl: string;
  tokens: Record<Signer, string>;
  db: Client;
  recorder: QueryRecorder;
}

export interface ScenarioResult {
  scenario: Scenario;
  /** Measured runs (after the warm-up). */
  runs: number;
  /** Items of a page, rows or cells of a report, lines of a CSV, people of a handover. */
  items: number;
  /** Size of the answer's body (exports). */
  bytes: number;
  api: Stats;
  sql: Stats;
  /** Time the app spent in its own database round trips per request (all statements). */
  dbInApi: Stats;
  queriesPerRequest: number;
  statements: RecordedQuery[];
  /** Per-statement median time inside the API request, for the "where the time goes" section. */
  breakdown: { sql: string; ms: number }[];
  plans: PlanSummary[];
  /** Reports: the best raw SQL for the same figures (bench/best-sql.ts), timed in the same runs. */
  best?: { sql: Stats; plan: PlanSummary; matches: boolean };
}

interface Page {
  items: unknown[];
  nextCursor?: string | null;
}

export async function get<T = Page>(ctx: BenchContext, path: string, as: Signer): Promise<T> {
  const res = await fetch(`${ctx.baseUrl}${path}`, {
    headers: { Authorization: `Bearer ${ctx.tokens[as]}` },
  });
  const body = (await res.json()) as T;
  if (res.status !== 200) throw new Error(`GET ${path} answered ${res.status}: ${JSON.stringify(body)}`);
  return body;
}

/** The whole answer, read to its last byte; what it counts depends on the kind of answer. */
async function fetchAnswer(ctx: BenchContext, scenario: Scenario): Promise<{ items: number; bytes: number }> {
  if (scenario.kind !== 'export') {
    const body = await get<Record<string, unknown>>(ctx, scenario.path, scenario.as);
    const counted = [body.items, body.rows, body.cells, body.metrics].find(Array.isArray) as unknown[];
    return { items: counted?.length ?? 0, bytes: 0 };
  }
  const res = await fetch(`${ctx.baseUrl}${scenario.path}`, {
    headers: { Authorization: `Bearer ${ctx.tokens[scenario.as]}` },
  });
  const text = await res.text();
  if (res.status !== 200)
    throw new Error(`GET ${scenario.path} answered ${res.status}: ${text.slice(0, 500)}`);
  // The header line and the closing `# dropped` line are not cases.
  const lines = text.split('\n').filter((l) => l.length).length;
  return { items: lines - 2, bytes: Buffer.byteLength(text) };
}

/**
 * Page `page` (or the last one, on a small data set), reached the way a client does: following
 * nextCursor from page 1.
 */
export async function deepPage(
  ctx: BenchContext,
  path: string,
  page: number,
  as: Signer,
): Promise<{ path: string; page: number }> {
  let cursor: string | null | undefined;
  let reached = 1;
  const at = (c: string | null | undefined) => (c ? `${path}&cursor=${encodeURIComponent(c)}` : path);
  for (; reached < page; reached++) {
    const next = (await get(ctx, at(cursor), as)).nextCursor;
    if (!next) break;
    cursor = next;
  }
  ctx.recorder.take();
  return { path: at(cursor), page: reached };
}

/**
 * API over HTTP and the same statements as raw SQL through `pg`, alternated run by run so that
 * anything else happening on the machine hits both alike.
 */
export async function measure(ctx: BenchContext, scenario: Scenario): Promise<ScenarioResult> {
  ctx.recorder.take();
  let first = { items: 0, bytes: 0 };
  const firstMs = await timed(async () => (first = await fetchAnswer(ctx, scenario)));
  const statements = dataStatements(ctx.recorder.take());
  if (!statements.length) throw new Error(`${scenario.name}: no statement was recorded`);
  const best = scenario.kind === 'report' ? bestSqlFor(scenario.path) : undefined;
  // The counting statement: the first that is not a setting of the transaction (set_config).
  const counting = statements.find((q) => !/^\s*SELECT set_config\(/i.test(q.sql)) ?? statements[0];
  const matches = best && (await sameFigures(ctx, scenario, counting, best));

  // A request of seconds has failed its target already: a few runs show by how much.
  const { warmup, runs } = firstMs > SLOW_MS ? { warmup: 0, runs: 3 } : RUNS_OF[scenario.kind];
  const api: number[] = [];
  const sql: number[] = [];
  const bestSql: number[] = [];
  const dbInApi: number[] = [];
  const perStatement: { sql: string; times: number[] }[] = [];
  for (let run = -warmup; run < runs; run++) {
    const apiMs = await timed(() => fetchAnswer(ctx, scenario));
    const queries = ctx.recorder.take();
    const sqlMs = await timed(() => replay(ctx.db, statements));
    const bestMs = best ? await timed(() => ctx.db.query(best.sql, best.params)) : 0;
    if (run < 0) continue;
    api.push(apiMs);
    sql.push(sqlMs);
    bestSql.push(bestMs);
    dbInApi.push(queries.reduce((sum, q) => sum + q.ms, 0));
    queries.forEach((q, i) => (perStatement[i] ??= { sql: q.sql, times: [] }).times.push(q.ms));
  }
  return {
    scenario,
    runs,
    items: first.items,
    bytes: first.bytes,
    api: stats(api),
    sql: stats(sql),
    dbInApi: stats(dbInApi),
    queriesPerRequest: perStatement.length,
    statements,
    breakdown: perStatement.map((s) => ({ sql: s.sql, ms: stats(s.times).median })),
    plans: await explain(ctx.db, statements),
    best: best && {
      sql: stats(bestSql),
      plan: await explainOne(ctx.db, best.sql, best.params),
      matches: !!matches,
    },
  };
}

/** The app's counting statement and the best SQL must give the same figures, or the comparison is void. */
async function sameFigures(
  ctx: BenchContext,
  scenario: Scenario,
  counting: RecordedQuery,
  best: BestSql,
): Promise<boolean> {
  const shape = reportShape(scenario.path);
  const app = figures((await ctx.db.query(counting.sql, counting.params)).rows, shape);
  const ours = figures((await ctx.db.query(best.sql, best.params)).rows, shape);
  const same = app.length === ours.length && app.every((line, i) => line === ours[i]);
  if (!same) {
    const diff = app.filter((l) => !ours.includes(l)).slice(0, 5);
    const statement = counting.sql.replace(/\s+/g, ' ').slice(0, 120);
    console.log(
      `  ${scenario.name}: the best SQL's figures differ from the app's (${statement}…), e.g. ${diff.join(', ')}`,
    );
  }
  return same;
}

/**
 * What any signed-in request costs before it touches people: HTTP, the guard's user lookup, JSON.
 * Against a 1 ms query this floor alone decides the api/sql ratio, so it is printed beside it.
 */
export async function apiFloor(ctx: BenchContext): Promise<Stats> {
  const samples: number[] = [];
  for (let run = -WARMUP; run < RUNS; run++) {
    const ms = await timed(() => get(ctx, '/auth/me', 'caseworker'));
    if (run >= 0) samples.push(ms);
  }
  ctx.recorder.take();
  return stats(samples);
}

/** Parameters taken from the data: a mid-sized compound and a document number someone holds. */
async function samples(
  ctx: BenchContext,
  encryption: FieldEncryption,
): Promise<{ compoundId: string; documentNumber?: string }> {
  const { rows: compounds } = await ctx.db.query<{ compound_id: string }>(
    `SELECT compound_id FROM people WHERE compound_id IS NOT NULL GROUP BY 1 ORDER BY count(*) DESC, 1 OFFSET 9 LIMIT 1`,
  );
  const { rows: docs } = await ctx.db.query<{ id: string; document_number_enc: string }>(
    `SELECT id, document_number_enc FROM people WHERE document_number_enc IS NOT NULL LIMIT 1`,
  );
  return {
    compoundId: compounds[0].compound_id,
    documentNumber:
      docs[0] && encryption.open('people.document_number', docs[0].id, docs[0].document_number_enc)!,
  };
}

/** The caseworker's list scenarios of the brief, plus three that look for plans that discard many rows. */
async function peopleLists(ctx: BenchContext, encryption: FieldEncryption): Promise<Scenario[]> {
  const { compoundId, documentNumber } = await samples(ctx, encryption);
  const all = '/people?limit=50';
  const tha = '/people?limit=50&nationality=THA';
  const deepAll = await deepPage(ctx, all, DEEP_PAGE, 'caseworker');
  const deepTha = await deepPage(ctx, tha, DEEP_PAGE, 'caseworker');
  const list = (name: string, path: string, more: Partial<Scenario> = {}): Scenario => ({
    name,
    kind: 'list',
    path,
    as: 'caseworker',
    ...more,
  });
  const out: Scenario[] = [
    list('list p1', all),
    list(`list p${deepAll.page} (cursor)`, deepAll.path, { samePageCostAs: 'list p1' }),
    list('nationality=THA p1', tha),
    list(`nationality=THA p${deepTha.page}`, deepTha.path, { samePageCostAs: 'nationality=THA p1' }),
    list('status=presumed_victim p1', '/people?limit=50&status=presumed_victim'),
    list('compoundId (10th largest) p1', `/people?limit=50&compoundId=${compoundId}`),
    // ~5% of people: the walk along the sort index finds 50 soon.
    list('q=nguyen (common)', '/people?limit=50&q=nguyen'),
    // ~30 people (family name + nickname): only the trigram index finds them cheaply.
    list('q=iyer pinky (rare)', `/people?limit=50&q=${encodeURIComponent('iyer pinky')}`),
    // Nobody: the worst case for any plan that walks the sort index.
    list('q=xqzv (no match)', '/people?limit=50&q=xqzv'),
    // Two filters, a common and a rare one, that no single index covers.
    list('nationality=PHL&status=on_hold', '/people?limit=50&nationality=PHL&status=on_hold'),
    // An old, narrow range: its rows lie deep in created_at order.
    list('rescued in 2023-03', '/people?limit=50&rescuedFrom=2023-03-01&rescuedTo=2023-03-31'),
    list(
      'duplicates Somchay Jaide THA',
      '/people/duplicates?givenName=Somchay&familyName=Jaide&nationality=THA',
    ),
  ];
  if (documentNumber) {
    out.push(
      list(
        'duplicates documentNumber',
        `/people/duplicates?documentNumber=${encodeURIComponent(documentNumber)}`,
      ),
    );
  }
  return out;
}

/** A page of a Thai consul's cases deep in the list may cost at most this many times page 1. */
export const EMBASSY_DEEP_PAGE_RATIO = 1.2;

/** The embassy's own list: its nationals who consent, through the access rule, newest first. */
async function embassyList(ctx: BenchContext): Promise<Scenario[]> {
  const path = '/consular/cases?limit=50';
  const deep = await deepPage(ctx, path, DEEP_PAGE, 'consular');
  return [
    { name: 'embassy THA p1', kind: 'list', path, as: 'consular' },
    {
      name: `embassy THA p${deep.page}`,
      kind: 'list',
      path: deep.path,
      as: 'consular',
      samePageCostAs: 'embassy THA p1',
      maxPageRatio: EMBASSY_DEEP_PAGE_RATIO,
    },
  ];
}

/**
 * Every report as staff see it (exact) and as a donor does (k = 11, so suppression runs too): one-way
 * repatriations over a year by each dimension, the five-year nationality × month cross-tab, the
 * caseload by each grouping, timeliness over a year.
 */
function reports(): Scenario[] {
  const year = `from=${LAST_FULL_YEAR}-01-01&to=${LAST_FULL_YEAR}-12-31`;
  const paths: [string, string][] = [
    ...(['nationality', 'compound', 'month', 'sex', 'ageBand'] as const).map((d): [string, string] => [
      `repatriations by ${d} ${LAST_FULL_YEAR}`,
      `/reports/repatriations?groupBy=${d}&${year}`,
    ]),
    [
      `crosstab nationality × month ${FIVE_YEARS.from.slice(0, 4)}-${FIVE_YEARS.to.slice(0, 4)}`,
      `/reports/repatriations/crosstab?rows=nationality&columns=month&from=${FIVE_YEARS.from}&to=${FIVE_YEARS.to}`,
    ],
    ...(['status', 'nationality', 'compound', 'overdueStage'] as const).map((g): [string, string] => [
      `caseload by ${g}`,
      `/reports/caseload?groupBy=${g}`,
    ]),
    [`timeliness ${LAST_FULL_YEAR}`, `/reports/timeliness?${year}`],
  ];
  return (['admin', 'donor'] as const).flatMap((as) =>
    paths.map(([name, path]): Scenario => ({ name: `${name} (${as})`, kind: 'report', path, as })),
  );
}

/** The scenarios measured by `measure`, in order: lists, the embassy's list, reports, the export. */
export async function buildScenarios(ctx: BenchContext, encryption: FieldEncryption): Promise<Scenario[]> {
  return [
    ...(await peopleLists(ctx, encryption)),
    ...(await embassyList(ctx)),
    ...reports(),
    {
      name: `HTCDS export ${LAST_FULL_YEAR} (admin)`,
      kind: 'export',
      path: `/exports/htcds?from=${LAST_FULL_YEAR}-01-01&to=${LAST_FULL_YEAR}-12-31`,
      as: 'admin',
    },
  ];
}
