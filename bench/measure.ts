import { performance } from 'node:perf_hooks';
import type { ClientBase } from 'pg';
import type { DataSource, EntitySubscriberInterface, QueryRunner } from 'typeorm';

export interface Stats {
  median: number;
  p95: number;
}

/** Median and nearest-rank 95th percentile, in ms. */
export function stats(samples: number[]): Stats {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
  const mid = sorted.length / 2;
  const median = sorted.length % 2 ? sorted[Math.floor(mid)] : (sorted[mid - 1] + sorted[mid]) / 2;
  return { median, p95: at(0.95) };
}

export interface RecordedQuery {
  sql: string;
  params: unknown[];
  ms: number;
}

/**
 * Sees every statement the app sends through TypeORM, with its parameters and its time. The benchmark
 * replays exactly these statements as raw SQL, so the "same query shape" cannot drift from
 * people.repository.ts or the duplicates service when they change.
 */
export class QueryRecorder implements EntitySubscriberInterface {
  private recorded: RecordedQuery[] = [];
  private readonly started = new WeakMap<QueryRunner, number>();

  constructor(dataSource: DataSource) {
    dataSource.subscribers.push(this);
  }

  beforeQuery(event: { queryRunner: QueryRunner }): void {
    this.started.set(event.queryRunner, performance.now());
  }

  afterQuery(event: { queryRunner: QueryRunner; query: string; parameters?: unknown }): void {
    const start = this.started.get(event.queryRunner) ?? performance.now();
    this.recorded.push({
      sql: event.query,
      params: Array.isArray(event.parameters) ? event.parameters : [],
      ms: performance.now() - start,
    });
  }

  /** The statements recorded since the last call. Requests run one at a time, so they belong to one. */
  take(): RecordedQuery[] {
    const out = this.recorded;
    this.recorded = [];
    return out;
  }
}

/**
 * The statements that do a request's work: its reads and writes and their settings. Left out are
 * transaction control, the guard's lookup of the signed-in user (its session, and the user with their
 * nationalities) and the audit write, which are what the API adds on top of the raw SQL (and so belong
 * in the ratio).
 */
export function dataStatements(queries: RecordedQuery[]): RecordedQuery[] {
  return queries.filter(
    (q) =>
      !/^\s*(START TRANSACTION|BEGIN|COMMIT|ROLLBACK)\b/i.test(q.sql) &&
      !/audit_entries|pg_advisory|\bauth_sessions\b|\buser_nationalities\b|idempotency_keys/i.test(q.sql),
  );
}

/** Runs the statements as the app does: one transaction when there are several (set_config is local). */
export async function replay(db: ClientBase, statements: RecordedQuery[]): Promise<number> {
  const several = statements.length > 1;
  if (several) await db.query('BEGIN');
  let rows = 0;
  for (const s of statements) rows = (await db.query(s.sql, s.params)).rowCount ?? 0;
  if (several) await db.query('COMMIT');
  return rows;
}

export async function timed(work: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await work();
  return performance.now() - start;
}

interface PlanNode {
  'Node Type': string;
  'Index Name'?: string;
  'Relation Name'?: string;
  'Parent Relationship'?: string;
  'Shared Hit Blocks'?: number;
  'Shared Read Blocks'?: number;
  'Rows Removed by Filter'?: number;
  'Rows Removed by Index Recheck'?: number;
  'Actual Loops'?: number;
  Plans?: PlanNode[];
}

export interface PlanSummary {
  /** Node types in plan order, e.g. "Limit › Index Scan using people_created_idx on people". */
  nodes: string;
  executionMs: number;
  sharedBlocks: number;
  /** Rows read and thrown away (filters and index rechecks): a walk that discards much is a bad plan. */
  rowsDiscarded: number;
  /** Tables read whole by a sequential scan. */
  seqScans: string[];
}

function describe(node: PlanNode): string {
  const on = node['Relation Name'] ? ` on ${node['Relation Name']}` : '';
  const using = node['Index Name'] ? ` using ${node['Index Name']}` : '';
  const sub = node['Parent Relationship'] === 'SubPlan' || node['Parent Relationship'] === 'InitPlan';
  return `${sub ? `(${node['Parent Relationship']}) ` : ''}${node['Node Type']}${using}${on}`;
}

function walk(node: PlanNode, out: string[]): number {
  const text = describe(node);
  if (out[out.length - 1] !== text) out.push(text);
  const discarded =
    ((node['Rows Removed by Filter'] ?? 0) + (node['Rows Removed by Index Recheck'] ?? 0)) *
    (node['Actual Loops'] ?? 1);
  return (node.Plans ?? []).reduce((sum, child) => sum + walk(child, out), discarded);
}

/** EXPLAIN (ANALYZE, BUFFERS) of one statement, inside the caller's transaction. */
export async function explainOne(db: ClientBase, sql: string, params: unknown[]): Promise<PlanSummary> {
  const { rows } = await db.query<{ 'QUERY PLAN': [{ Plan: PlanNode; 'Execution Time': number }] }>(
    `EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) ${sql}`,
    params,
  );
  const [{ Plan: root, 'Execution Time': executionMs }] = rows[0]['QUERY PLAN'];
  const nodes: string[] = [];
  const rowsDiscarded = walk(root, nodes);
  return {
    nodes: nodes.join(' › '),
    executionMs,
    sharedBlocks: (root['Shared Hit Blocks'] ?? 0) + (root['Shared Read Blocks'] ?? 0),
    rowsDiscarded: Math.round(rowsDiscarded),
    seqScans: [...new Set(nodes.flatMap((n) => /Seq Scan on (\w+)$/.exec(n)?.[1] ?? []))],
  };
}

/** EXPLAIN (ANALYZE, BUFFERS) of the reads among the statements; settings run first, all rolled back. */
export async function explain(db: ClientBase, statements: RecordedQuery[]): Promise<PlanSummary[]> {
  const plans: PlanSummary[] = [];
  await db.query('BEGIN');
  try {
    for (const s of statements) {
      if (/set_config/i.test(s.sql) && !/\bpeople\b/i.test(s.sql)) {
        await db.query(s.sql, s.params);
        continue;
      }
      plans.push(await explainOne(db, s.sql, s.params));
    }
  } finally {
    await db.query('ROLLBACK');
  }
  return plans;
}

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;

/**
 * A recorded parameter with every id found in `ids` replaced, wherever it sits: a plain value, an array
 * (of arrays) or inside a text such as JSON. Replaying a write on other rows needs exactly that.
 */
export function substitute(value: unknown, ids: Map<string, string>): unknown {
  if (typeof value === 'string') return value.replace(UUID, (id) => ids.get(id.toLowerCase()) ?? id);
  if (Array.isArray(value)) return value.map((v) => substitute(v, ids));
  return value;
}
