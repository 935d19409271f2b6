import './env';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { AppModule } from '../src/app.module';
import { FieldEncryption } from '../src/common/crypto/field-encryption.service';
import { startEmbeddedPostgres } from '../src/database/embedded-postgres';
import { EMBEDDED_APP_ROLE } from '../src/database/database-roles';
import type { DatabaseLocation } from '../src/database/resolve-database';
import { freePort } from '../src/database/free-port';
import { setupApp } from '../src/setup-app';
import { PasswordHasher } from '../src/users/password-hasher';
import { CASEWORKER_DEEP_PAGE_RATIO, caseworkerScenarios } from './caseworker';
import { generate } from './generate';
import { HANDOVER_PEOPLE, measureHandover } from './handover';
import { QueryRecorder } from './measure';
import {
  breakdownLines,
  EXPORT_MAX_MS,
  judge,
  markdownReport,
  MAX_API_RATIO,
  MAX_DEEP_PAGE_RATIO,
  planLines,
  REPORT_MAX_MS,
  REPORT_RATIO,
  REPORT_SLACK_MS,
  textTables,
  WRITE_MAX_MS,
  WRITE_RATIO,
} from './report';
import {
  DEEP_PAGE,
  EMBASSY_DEEP_PAGE_RATIO,
  RUNS_OF,
  apiFloor,
  buildScenarios,
  measure,
  type BenchContext,
  type ScenarioResult,
  type Signer,
} from './scenarios';

// Compiled to dist/bench/run.js; the results belong in the source tree, to be committed.
const RESULTS_DIR = join(__dirname, '..', '..', 'bench', 'results');
const PEOPLE = Number(process.env.BENCH_PEOPLE ?? 300_000);
/** `BENCH_ONLY=embassy,handover`: only the scenarios whose names start so (a long run cut to what is asked). */
const ONLY = (process.env.BENCH_ONLY ?? '').split(',').filter(Boolean);
const chosen = (name: string) => !ONLY.length || ONLY.some((prefix) => name.startsWith(prefix));
/** Where the results go, under bench/results/ (a partial run should not replace the full one). */
const RESULTS_FILE = `${process.env.BENCH_RESULTS ?? 'latest'}.md`;
if (!Number.isInteger(PEOPLE) || PEOPLE < 1000)
  throw new Error('BENCH_PEOPLE must be an integer of at least 1000');
// Throwaway cluster: durability off. shared_buffers as a small dedicated server would have.
const PG_SETTINGS = {
  fsync: 'off',
  synchronous_commit: 'off',
  full_page_writes: 'off',
  max_wal_size: '4GB',
  shared_buffers: '512MB',
};

/** BENCH_DATABASE_URL, or a PostgreSQL of our own in a temp dir, removed afterwards. */
async function startDatabase(): Promise<{
  url: string;
  app: DatabaseLocation;
  settings: string;
  stop: () => Promise<void>;
}> {
  if (process.env.BENCH_DATABASE_URL) {
    const url = process.env.BENCH_DATABASE_URL;
    return {
      url,
      app: { url, migrationUrl: url, ownsAppRole: false },
      settings: 'BENCH_DATABASE_URL',
      stop: async () => undefined,
    };
  }
  const dir = mkdtempSync(join(tmpdir(), 'safe-return-bench-'));
  chmodSync(dir, 0o755); // the postgres user must reach its data dir (DESIGN.md §1)
  try {
    const pg = await startEmbeddedPostgres({
      dataDir: dir,
      port: await freePort(),
      databases: ['sr_bench'],
      settings: PG_SETTINGS,
    });
    // The app signs in as a role that owns nothing, as in production: the embassy's scenarios run
    // under row-level security. The loader and the raw-SQL baselines use the owner.
    return {
      url: pg.urlFor('sr_bench'),
      app: {
        url: pg.urlAs(EMBEDDED_APP_ROLE, 'bench-app-password', 'sr_bench'),
        migrationUrl: pg.urlFor('sr_bench'),
        ownsAppRole: true,
      },
      settings: `embedded, ${Object.entries(PG_SETTINGS)
        .map(([k, v]) => `${k}=${v}`)
        .join(' ')}`,
      stop: async () => {
        await pg.stop();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}

/** A user of `role` (a consul: of `nationalities`), signed in through the API like anyone else. */
async function signIn(
  app: NestExpressApplication,
  db: Client,
  baseUrl: string,
  role: Signer,
  nationalities: string[] = [],
): Promise<string> {
  const email = `bench-${role}-${Date.now()}@example.org`;
  const password = 'bench-password-of-some-length';
  const hash = await app.get(PasswordHasher).hash(password);
  await db.query(
    `WITH u AS (INSERT INTO users (email, display_name, password_hash, role) VALUES ($1, $2, $3, $4) RETURNING id)
     INSERT INTO user_nationalities (user_id, nationality_code) SELECT u.id, unnest($5::text[]) FROM u`,
    [email, `Bench ${role}`, hash, role, nationalities],
  );
  const res = await fetch(`${baseUrl}/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  const body = (await res.json()) as { accessToken?: string };
  if (res.status !== 200 || !body.accessToken)
    throw new Error(`sign-in failed: ${res.status} ${JSON.stringify(body)}`);
  return body.accessToken;
}

async function main(): Promise<void> {
  const started = Date.now();
  const log = (line: string) => console.log(line);
  const database = await startDatabase();
  let app: NestExpressApplication | undefined;
  const db = new Client({ connectionString: database.url });
  try {
    app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot({ database: database.app }), {
      bodyParser: false,
      logger: false,
    });
    setupApp(app);
    await app.listen(0, '127.0.0.1'); // migrations have run by now
    const baseUrl = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}/api/v1`;
    await db.connect();
    const encryption = app.get(FieldEncryption);

    const [{ count }] = (await db.query<{ count: number }>('SELECT count(*)::int AS count FROM people')).rows;
    let generation = 'reused';
    if (count === 0) {
      log(`Generating ${PEOPLE} people...`);
      const data = await generate(db, { people: PEOPLE, encryption, log });
      generation =
        `${data.seconds.toFixed(0)} s (${data.compounds} compounds, ${data.nationalityRows} nationality rows, ` +
        `${data.consents} consents (${(data.consenting * 100).toFixed(0)}% consent to consular notification), ` +
        `${data.notifications} consular notifications)`;
    } else log(`Using the ${count} people already in BENCH_DATABASE_URL`);
    const people = count || PEOPLE;

    const tokens = {
      caseworker: await signIn(app, db, baseUrl, 'caseworker'),
      consular: await signIn(app, db, baseUrl, 'consular', ['THA']),
      admin: await signIn(app, db, baseUrl, 'admin'),
      donor: await signIn(app, db, baseUrl, 'donor'),
    };
    const ctx: BenchContext = { baseUrl, tokens, db, recorder: new QueryRecorder(app.get(DataSource)) };
    // Whatever else runs on the machine slows the API and the SQL alike, but shows in the p95s.
    const loadBefore = loadavg()[0];
    log(`Walking ${DEEP_PAGE} pages for the deep-page scenarios, then each scenario's warm-up and runs...`);
    const results: ScenarioResult[] = [];
    const scenarios = [...(await buildScenarios(ctx, encryption)), ...(await caseworkerScenarios(ctx))];
    for (const scenario of scenarios.filter((s) => chosen(s.name))) {
      const pageOne = scenarios.find((s) => s.name === scenario.samePageCostAs);
      results.push(await measure(ctx, scenario, pageOne));
      log(`  ${scenario.name}: done`);
    }
    // Last: it moves people to departed, which the reports above count.
    if (chosen('handover')) {
      results.push(await measureHandover(ctx));
      log(`  handover: done`);
    }

    const floor = await apiFloor(ctx);
    const verdicts = judge(results, floor.median);
    const {
      rows: [{ server_version: version }],
    } = await db.query<{ server_version: string }>('SHOW server_version');
    const runs = (kind: keyof typeof RUNS_OF) =>
      `${RUNS_OF[kind].warmup} warm-up + ${RUNS_OF[kind].runs} runs`;
    const header = [
      `${new Date().toISOString().slice(0, 16)}Z, ${people} people, PostgreSQL ${version} (${database.settings}), Node ${process.version}, ${cpus().length} CPUs`,
      `generation ${generation}`,
      `runs per scenario, API and SQL alternated: lists ${runs('list')}; reports ${runs('report')}; export ${runs('export')}; handover ${runs('write')}`,
      `api = HTTP request with the whole answer read (guard, validation, queries, audit write, response); sql = the same statements the app sent, through \`pg\``,
      `lists: api ≤ ${MAX_API_RATIO} × (sql + floor), floor timed in the scenario's own runs, sql the faster of the app's statements and the best SQL where bench/best-sql.ts has one (same answer, checked); page ${DEEP_PAGE} ≤ ${MAX_DEEP_PAGE_RATIO}× page 1 (embassy list ${EMBASSY_DEEP_PAGE_RATIO}×, caseworker's sorted lists ${CASEWORKER_DEEP_PAGE_RATIO}×), api and sql, page 1 timed in the same runs (the median of the runs' ratios); no Seq Scan on people or person_nationalities`,
      `reports (as admin: exact; as donor: k = 11, suppression included): api p50 ≤ ${REPORT_RATIO} × best sql p50 + ${REPORT_SLACK_MS} ms and < ${REPORT_MAX_MS} ms; best sql = bench/best-sql.ts over the source tables (same figures, checked); sql = the app's statements over the reports' read model`,
      `export: the whole CSV of a year in < ${EXPORT_MAX_MS / 1000} s; its sql is the traits query alone, for information`,
      `handover: POST /handovers of ${HANDOVER_PEOPLE} eligible people; sql = the app's statements for that request replayed in one transaction on another ${HANDOVER_PEOPLE} (ids mapped); api ≤ ${WRITE_RATIO} × sql, and < ${WRITE_MAX_MS / 1000} s at 1,000,000 people`,
      `API floor, GET /auth/me (HTTP, guard's user lookup, JSON; no people, no audit): median ${floor.median.toFixed(2)} ms, p95 ${floor.p95.toFixed(2)} ms`,
      `"p95" of a scenario with fewer than 20 runs is its slowest run; "app db ms (queries)" = time the app spent in database round trips per request, and how many it made`,
      `whole bench ${((Date.now() - started) / 1000).toFixed(0)} s; load average (1 min) ${loadBefore.toFixed(1)} when the scenarios began, ${loadavg()[0].toFixed(1)} at the end, on ${cpus().length} CPUs`,
    ];
    const named = (name: string) => results.find((r) => r.scenario.name.startsWith(name));
    const breakdowns = [
      'list p1',
      'embassy THA p1',
      'caseworker q=Zhang',
      'caseworker sort=caseNumber&order=asc p1',
      'crosstab',
      'HTCDS export',
      'handover',
    ]
      .map((name) => ({
        title: named(name)?.scenario.name ?? name,
        lines: named(name) ? breakdownLines(named(name)!) : [],
      }))
      .filter((b) => b.lines.length);
    log(
      [
        '',
        ...header,
        '',
        textTables(verdicts),
        '',
        'Plans (raw SQL):',
        ...planLines(verdicts).map((l) => `  ${l}`),
        ...breakdowns.flatMap((b) => ['', `Database time inside one request, ${b.title}:`, ...b.lines]),
      ].join('\n'),
    );
    mkdirSync(RESULTS_DIR, { recursive: true });
    writeFileSync(join(RESULTS_DIR, RESULTS_FILE), markdownReport(verdicts, header, breakdowns));
  } finally {
    await db.end().catch(() => undefined);
    await app?.close();
    await database.stop();
  }
}

main().catch((error: Error) => {
  console.error(error);
  process.exitCode = 1;
});
