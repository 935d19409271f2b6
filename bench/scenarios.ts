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
  /**
   * The best raw SQL for the same answer, timed beside the app's statements and checked against
   * them; reports find theirs by path (bestSqlFor), lists name it here.
   */
  best?: BestSql;
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
  /** Items of a page, rows or cells of a report, lines of a CSV, people of a handover, a count. */
  items: number;
  /** A count beyond the cap: `items` is the cap, and there are more. */
  capped?: boolean;
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
  /** The best raw SQL for the same answer (bench/best-sql.ts), timed in the same runs. */
  best?: { sql: Stats; plan: PlanSummary; matches: boolean };
  /**
   * Deep pages: their page 1, timed in the same runs right after this page, and this page's cost over
   * it: the median of the runs' ratios, so that a load that comes and goes hits both pages alike.
   */
  pageOne?: { api: Stats; sql: Stats; cost: { api: number; sql: number } };
  /** Lists: the API floor (see apiFloor), timed in the same runs for the same reason. */
  floor?: Stats;
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

interface Answer {
  items: number;
  bytes: number;
  capped?: boolean;
}

/** The whole answer, read to its last byte; what it counts depends on the kind of answer. */
async function fetchAnswer(ctx: BenchContext, scenario: Scenario): Promise<Answer> {
  if (scenario.kind !== 'export') {
    const body = await get<Record<string, unknown>>(ctx, scenario.path, scenario.as);
    // A count: exact, or only "at least" beyond its cap.
    if (typeof body.count === 'number') return { items: body.count, bytes: 0 };
    if (typeof body.atLeast === 'number') return { items: body.atLeast, bytes: 0, capped: true };
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

/** The first call of a scenario: its answer, its time, and the statements it sent. */
async function firstCall(
  ctx: BenchContext,
  scenario: Scenario,
): Promise<{ answer: Answer; ms: number; statements: RecordedQuery[] }> {
  ctx.recorder.take();
  let answer: Answer = { items: 0, bytes: 0 };
  const ms = await timed(async () => (answer = await fetchAnswer(ctx, scenario)));
  const statements = dataStatements(ctx.recorder.take());
  if (!statements.length) throw new Error(`${scenario.name}: no statement was recorded`);
  return { answer, ms, statements };
}

/**
 * API over HTTP and the same statements as raw SQL through `pg`, alternated run by run so that
 * anything else happening on the machine hits both alike; likewise the best SQL, and a deep page's
 * `pageOne`, whose cost the deep page is judged against.
 */
export async function measure(
  ctx: BenchContext,
  scenario: Scenario,
  pageOne?: Scenario,
): Promise<ScenarioResult> {
  const { answer: first, ms: firstMs, statements } = await firstCall(ctx, scenario);
  const best = scenario.best ?? (scenario.kind === 'report' ? bestSqlFor(scenario.path) : undefined);
  const matches = best && (await sameFigures(ctx, scenario, statements, best));
  const pageOneStatements = pageOne && (await firstCall(ctx, pageOne)).statements;

  // A request of seconds has failed its target already: a few runs show by how much.
  const { warmup, runs } = firstMs > SLOW_MS ? { warmup: 0, runs: 3 } : RUNS_OF[scenario.kind];
  const api: number[] = [];
  const sql: number[] = [];
  const bestSql: number[] = [];
  const dbInApi: number[] = [];
  const pageOneApi: number[] = [];
  const pageOneSql: number[] = [];
  const floor: number[] = [];
  const perStatement: { sql: string; times: number[] }[] = [];
  for (let run = -warmup; run < runs; run++) {
    const apiMs = await timed(() => fetchAnswer(ctx, scenario));
    const queries = ctx.recorder.take();
    const sqlMs = await timed(() => replay(ctx.db, statements));
    const bestMs = best ? await timed(() => ctx.db.query(best.sql, best.params)) : 0;
    if (scenario.kind === 'list') {
      const ms = await timed(() => get(ctx, FLOOR_PATH, scenario.as));
      ctx.recorder.take();
      if (run >= 0) floor.push(ms);
    }
    if (pageOne && pageOneStatements) {
      const ms = await timed(() => fetchAnswer(ctx, pageOne));
      ctx.recorder.take();
      if (run >= 0) pageOneApi.push(ms);
      const replayMs = await timed(() => replay(ctx.db, pageOneStatements));
      if (run >= 0) pageOneSql.push(replayMs);
    }
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
    capped: first.capped,
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
    pageOne: pageOneApi.length
      ? {
          api: stats(pageOneApi),
          sql: stats(pageOneSql),
          cost: {
            api: stats(api.map((ms, i) => ms / pageOneApi[i])).median,
            sql: stats(sql.map((ms, i) => ms / pageOneSql[i])).median,
          },
        }
      : undefined,
    floor: floor.length ? stats(floor) : undefined,
  };
}

/**
 * Statements a request makes about itself, not its answer: its limits' counters, the people it showed
 * (the bulk-read guard), its audit entry and the lock of the audit chain, and the settings of its
 * transaction (a search's time budget is set before the search and restored after it).
 */
const BOOKKEEPING =
  /\b(rate_limits|person_read_marks|audit_entries|pg_advisory_xact_lock)\b|^\s*SELECT (set_config|current_setting)\(/i;

/**
 * The rows a list or count answers with: its last statement's that is not bookkeeping, after the
 * settings before it (local to the transaction, which is rolled back).
 */
async function lastAnswer(
  ctx: BenchContext,
  statements: RecordedQuery[],
): Promise<Record<string, unknown>[]> {
  await ctx.db.query('BEGIN');
  try {
    let rows: Record<string, unknown>[] = [];
    for (const s of statements) {
      const result = await ctx.db.query(s.sql, s.params);
      if (!BOOKKEEPING.test(s.sql)) rows = result.rows;
    }
    return rows;
  } finally {
    await ctx.db.query('ROLLBACK');
  }
}

/**
 * The app's answer and the best SQL's must be the same (a report's figures from its counting statement,
 * a page's people in order, a count), or the comparison is void.
 */
/** A report's counting statement: the first that is not a setting of the transaction (set_config). */
const counting = (statements: RecordedQuery[]) =>
  statements.find((q) => !/^\s*SELECT set_config\(/i.test(q.sql)) ?? statements[0];

async function sameFigures(
  ctx: BenchContext,
  scenario: Scenario,
  statements: RecordedQuery[],
  best: BestSql,
): Promise<boolean> {
  const shape = best.shape ?? reportShape(scenario.path);
  const appRows =
    shape === 'page' || shape === 'count'
      ? await lastAnswer(ctx, statements)
      : (await ctx.db.query(counting(statements).sql, counting(statements).params)).rows;
  const app = figures(appRows, shape);
  const ours = figures((await ctx.db.query(best.sql, best.params)).rows, shape);
  const same = app.length === ours.length && app.every((line, i) => line === ours[i]);
  if (!same) {
    const diff = app.filter((l) => !ours.includes(l)).slice(0, 5);
    console.log(`  ${scenario.name}: the best SQL's figures differ from the app's, e.g. ${diff.join(', ')}`);
  }
  return same;
}

/** A signed-in request that touches no person: HTTP, the guard's user lookup, JSON. */
const FLOOR_PATH = '/auth/me';

/**
 * What any signed-in request costs before it touches people: HTTP, the guard's user lookup, JSON.
 * Against a 1 ms query this floor alone decides the api/sql ratio, so it is printed beside it. Each
 * list scenario also times it in its own runs, and is judged on that.
 */
export async function apiFloor(ctx: BenchContext): Promise<Stats> {
  const samples: number[] = [];
  for (let run = -WARMUP; run < RUNS; run++) {
    const ms = await timed(() => get(ctx, FLOOR_PATH, 'caseworker'));
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
