import type { Client } from 'pg';
import type { FieldEncryption } from '../src/common/crypto/field-encryption.service';
import {
  dataStatements,
  explain,
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

export interface Scenario {
  name: string;
  /** Path under /api/v1, query string included. */
  path: string;
  /** Deep page: its cost must stay within 2x of this (first-page) scenario's. */
  samePageCostAs?: string;
}

export interface BenchContext {
  baseUrl: string;
  token: string;
  db: Client;
  recorder: QueryRecorder;
}

export interface ScenarioResult {
  scenario: Scenario;
  items: number;
  api: Stats;
  sql: Stats;
  /** Time the app spent in its own database round trips per request (all statements). */
  dbInApi: Stats;
  queriesPerRequest: number;
  statements: RecordedQuery[];
  /** Per-statement median time inside the API request, for the "where the time goes" section. */
  breakdown: { sql: string; ms: number }[];
  plans: PlanSummary[];
}

interface Page {
  items: unknown[];
  nextCursor?: string | null;
}

async function get(ctx: BenchContext, path: string): Promise<Page> {
  const res = await fetch(`${ctx.baseUrl}${path}`, { headers: { Authorization: `Bearer ${ctx.token}` } });
  const body = (await res.json()) as Page;
  if (res.status !== 200) throw new Error(`GET ${path} answered ${res.status}: ${JSON.stringify(body)}`);
  return body;
}

/**
 * Page `page` (or the last one, on a small data set), reached the way a client does: following
 * nextCursor from page 1.
 */
export async function deepPage(
  ctx: BenchContext,
  path: string,
  page: number,
): Promise<{ path: string; page: number }> {
  let cursor: string | null | undefined;
  let reached = 1;
  const at = (c: string | null | undefined) => (c ? `${path}&cursor=${encodeURIComponent(c)}` : path);
  for (; reached < page; reached++) {
    const next = (await get(ctx, at(cursor))).nextCursor;
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
  const first = await get(ctx, scenario.path);
  const statements = dataStatements(ctx.recorder.take());
  if (!statements.length) throw new Error(`${scenario.name}: no statement on people was recorded`);

  const api: number[] = [];
  const sql: number[] = [];
  const dbInApi: number[] = [];
  const perStatement: { sql: string; times: number[] }[] = [];
  for (let run = -WARMUP; run < RUNS; run++) {
    const apiMs = await timed(() => get(ctx, scenario.path));
    const queries = ctx.recorder.take();
    const sqlMs = await timed(() => replay(ctx.db, statements));
    if (run < 0) continue;
    api.push(apiMs);
    sql.push(sqlMs);
    dbInApi.push(queries.reduce((sum, q) => sum + q.ms, 0));
    queries.forEach((q, i) => (perStatement[i] ??= { sql: q.sql, times: [] }).times.push(q.ms));
  }
  return {
    scenario,
    items: first.items.length,
    api: stats(api),
    sql: stats(sql),
    dbInApi: stats(dbInApi),
    queriesPerRequest: perStatement.length,
    statements,
    breakdown: perStatement.map((s) => ({ sql: s.sql, ms: stats(s.times).median })),
    plans: await explain(ctx.db, statements),
  };
}

/**
 * What any signed-in request costs before it touches people: HTTP, the guard's user lookup, JSON.
 * Against a 1 ms query this floor alone decides the api/sql ratio, so it is printed beside it.
 */
export async function apiFloor(ctx: BenchContext): Promise<Stats> {
  const samples: number[] = [];
  for (let run = -WARMUP; run < RUNS; run++) {
    const ms = await timed(() => get(ctx, '/auth/me'));
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

/** The scenarios of the brief, plus three that look for plans that discard many rows. */
export async function buildScenarios(ctx: BenchContext, encryption: FieldEncryption): Promise<Scenario[]> {
  const { compoundId, documentNumber } = await samples(ctx, encryption);
  const all = '/people?limit=50';
  const tha = '/people?limit=50&nationality=THA';
  const deepAll = await deepPage(ctx, all, DEEP_PAGE);
  const deepTha = await deepPage(ctx, tha, DEEP_PAGE);
  const list: Scenario[] = [
    { name: 'list p1', path: all },
    { name: `list p${deepAll.page} (cursor)`, path: deepAll.path, samePageCostAs: 'list p1' },
    { name: 'nationality=THA p1', path: tha },
    { name: `nationality=THA p${deepTha.page}`, path: deepTha.path, samePageCostAs: 'nationality=THA p1' },
    { name: 'status=presumed_victim p1', path: '/people?limit=50&status=presumed_victim' },
    { name: 'compoundId (10th largest) p1', path: `/people?limit=50&compoundId=${compoundId}` },
    // ~5% of people: the walk along the sort index finds 50 soon.
    { name: 'q=nguyen (common)', path: '/people?limit=50&q=nguyen' },
    // ~30 people (family name + nickname): only the trigram index finds them cheaply.
    { name: 'q=iyer pinky (rare)', path: `/people?limit=50&q=${encodeURIComponent('iyer pinky')}` },
    // Nobody: the worst case for any plan that walks the sort index.
    { name: 'q=xqzv (no match)', path: '/people?limit=50&q=xqzv' },
    // Two filters, a common and a rare one, that no single index covers.
    { name: 'nationality=PHL&status=on_hold', path: '/people?limit=50&nationality=PHL&status=on_hold' },
    // An old, narrow range: its rows lie deep in created_at order.
    { name: 'rescued in 2023-03', path: '/people?limit=50&rescuedFrom=2023-03-01&rescuedTo=2023-03-31' },
    {
      name: 'duplicates Somchay Jaide THA',
      path: '/people/duplicates?givenName=Somchay&familyName=Jaide&nationality=THA',
    },
  ];
  if (documentNumber) {
    list.push({
      name: 'duplicates documentNumber',
      path: `/people/duplicates?documentNumber=${encodeURIComponent(documentNumber)}`,
    });
  }
  return list;
}
