import type { ClientBase } from 'pg';
import {
  dataStatements,
  explainOne,
  stats,
  substitute,
  timed,
  type PlanSummary,
  type RecordedQuery,
} from './measure';
import { RUNS_OF, type BenchContext, type ScenarioResult } from './scenarios';

/** People in the handover scenario: a large raid's departure (Laukkaing handed over 273 at once). */
export const HANDOVER_PEOPLE = 1000;

const EVENT_INSERT = /^\s*INSERT INTO handover_events\b/i;

/**
 * Fresh people for one event, made eligible outside the timing: cases about to leave first
 * (notified, verified, documented), then other open cases, then any other, all moved to exit_cleared
 * with the columns that state allows. Each person serves in one pool only, so every run writes to
 * people in the same state and no run finds the work of an earlier one.
 */
async function eligiblePools(db: ClientBase, count: number, size: number): Promise<string[][]> {
  await db.query('CREATE TEMP TABLE IF NOT EXISTS bench_handover_used (id uuid PRIMARY KEY)');
  const pools: string[][] = [];
  for (let i = 0; i < count; i++) {
    const { rows } = await db.query<{ id: string }>(
      `WITH picked AS (
         SELECT p.id FROM people p
          WHERE p.erased_at IS NULL AND NOT EXISTS (SELECT 1 FROM bench_handover_used u WHERE u.id = p.id)
          ORDER BY CASE WHEN p.status IN ('consular_notified', 'identity_verified', 'documents_issued',
                                          'exit_cleared', 'movement_scheduled') THEN 0
                        WHEN p.status IN ('identified', 'screening', 'presumed_victim') THEN 1 ELSE 2 END,
                   random()
          LIMIT $1),
       moved AS (
         UPDATE people p SET status = 'exit_cleared', hold_return_status = NULL, closed_reason = NULL,
                closed_at = NULL, departed_at = NULL, received_home_at = NULL,
                status_since = now() - interval '2 days', updated_at = now() - interval '2 days'
           FROM picked WHERE p.id = picked.id
         RETURNING p.id)
       INSERT INTO bench_handover_used SELECT id FROM moved RETURNING id`,
      [size],
    );
    if (rows.length < size) throw new Error(`only ${rows.length} people left for handover pool ${i + 1}`);
    pools.push(rows.map((r) => r.id));
  }
  // The fixture's dead rows are vacuumed now rather than by autovacuum in the middle of a timed run.
  await db.query('VACUUM (ANALYZE) people');
  return pools;
}

function body(people: string[]) {
  return {
    type: 'repatriation_departure',
    occurredAt: new Date(Date.now() - 3_600_000).toISOString(),
    place: 'Friendship Bridge, Myawaddy – Mae Sot',
    countryCode: 'THA',
    fromParty: 'Border Guard Force',
    toParty: 'Royal Thai Government',
    people: people.map((personId) => ({ personId })),
  };
}

async function post(ctx: BenchContext, people: string[]): Promise<string> {
  const res = await fetch(`${ctx.baseUrl}/handovers`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${ctx.tokens.caseworker}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(body(people)),
  });
  const answer = (await res.json()) as { id?: string };
  if (res.status !== 201 || !answer.id) {
    throw new Error(`POST /handovers answered ${res.status}: ${JSON.stringify(answer).slice(0, 500)}`);
  }
  return answer.id;
}

/**
 * The app's statements for one request, run again on other people: every id of the API's pool becomes
 * the matching id of `ids`, and the API's event id the id of the event this replay inserts.
 */
async function replayWrites(
  db: ClientBase,
  statements: RecordedQuery[],
  ids: Map<string, string>,
  apiEventId: string,
): Promise<void> {
  await db.query('BEGIN');
  try {
    for (const s of statements) {
      const { rows } = await db.query<{ id: string }>(s.sql, substitute(s.params, ids) as unknown[]);
      if (EVENT_INSERT.test(s.sql)) ids.set(apiEventId, rows[0].id);
    }
    await db.query('COMMIT');
  } catch (error) {
    await db.query('ROLLBACK');
    throw error;
  }
}

async function departed(db: ClientBase, people: string[]): Promise<number> {
  const { rows } = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM people WHERE id = ANY($1::uuid[]) AND status = 'departed'`,
    [people],
  );
  return rows[0].n;
}

/** Plans of the writes on a pool of their own, rolled back. The event insert also runs, to map its id. */
async function explainWrites(
  db: ClientBase,
  statements: RecordedQuery[],
  ids: Map<string, string>,
  apiEventId: string,
): Promise<PlanSummary[]> {
  const plans: PlanSummary[] = [];
  await db.query('BEGIN');
  try {
    for (const s of statements) {
      const params = substitute(s.params, ids) as unknown[];
      if (EVENT_INSERT.test(s.sql)) {
        ids.set(apiEventId, (await db.query<{ id: string }>(s.sql, params)).rows[0].id);
      }
      plans.push(await explainOne(db, s.sql, substitute(s.params, ids) as unknown[]));
    }
  } finally {
    await db.query('ROLLBACK');
  }
  return plans;
}

/**
 * POST /handovers, a repatriation departure of 1,000 eligible people, against the same writes in SQL:
 * the statements the app sent for that very request (QueryRecorder, with their parameters), replayed in
 * one transaction on another 1,000 eligible people. Left to the API: the guard, validation, the
 * eligibility rules, the audit entries (one per person moved) and the answer.
 */
export async function measureHandover(ctx: BenchContext): Promise<ScenarioResult> {
  const { warmup, runs } = RUNS_OF.write;
  const pools = await eligiblePools(ctx.db, 2 * (warmup + runs) + 1, HANDOVER_PEOPLE);
  const api: number[] = [];
  const sql: number[] = [];
  const dbInApi: number[] = [];
  const perStatement: { sql: string; times: number[] }[] = [];
  let last: { statements: RecordedQuery[]; pool: string[]; eventId: string } | undefined;
  for (let run = -warmup; run < runs; run++) {
    const [apiPool, sqlPool] = [pools.shift()!, pools.shift()!];
    ctx.recorder.take();
    let eventId = '';
    const apiMs = await timed(async () => (eventId = await post(ctx, apiPool)));
    const queries = ctx.recorder.take();
    const statements = dataStatements(queries);
    const ids = new Map(apiPool.map((id, i) => [id, sqlPool[i]]));
    const sqlMs = await timed(() => replayWrites(ctx.db, statements, ids, eventId));
    for (const [side, pool] of [
      ['API', apiPool],
      ['SQL', sqlPool],
    ] as const) {
      const moved = await departed(ctx.db, pool);
      if (moved !== pool.length) throw new Error(`handover ${side} side moved ${moved} of ${pool.length}`);
    }
    last = { statements, pool: apiPool, eventId };
    if (run < 0) continue;
    api.push(apiMs);
    sql.push(sqlMs);
    dbInApi.push(queries.reduce((sum, q) => sum + q.ms, 0));
    queries.forEach((q, i) => (perStatement[i] ??= { sql: q.sql, times: [] }).times.push(q.ms));
  }
  const { statements, pool, eventId } = last!;
  const spare = pools.shift()!;
  return {
    scenario: {
      name: `handover of ${HANDOVER_PEOPLE.toLocaleString('en')} (repatriation_departure)`,
      kind: 'write',
      path: '/handovers',
      as: 'caseworker',
    },
    runs,
    items: HANDOVER_PEOPLE,
    bytes: 0,
    api: stats(api),
    sql: stats(sql),
    dbInApi: stats(dbInApi),
    queriesPerRequest: perStatement.length,
    statements,
    breakdown: perStatement.map((s) => ({ sql: s.sql, ms: stats(s.times).median })),
    plans: await explainWrites(ctx.db, statements, new Map(pool.map((id, i) => [id, spare[i]])), eventId),
  };
}
