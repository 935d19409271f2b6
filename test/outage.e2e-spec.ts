import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { API, createTestApp, createUser, login, type TestApp, type TestUser } from './support/app';
import { OwnPostgres } from './support/own-postgres';
import { personPayload } from './support/people';

/**
 * API.md "Faults", under a mixed load: the database is killed (SIGKILL) and restarted, then frozen
 * (SIGSTOP) and thawed, while the app keeps running. No valid token is refused, nothing answers 500,
 * every failure is 503 DATABASE_UNAVAILABLE with Retry-After and comes within the budget instead of
 * hanging, service comes back by itself, and nothing is half-written.
 */
const TIMEOUT_MS = 1000;
/**
 * The longest a request may wait during an outage. Each wait on the database is bounded by the
 * budget; a request fails on its first, except an intake whose Idempotency-Key is then released (a
 * second wait). The slack is for a busy machine. A request held by a frozen database without the
 * budget waits as long as the freeze, which is longer.
 */
const OUTAGE_ANSWER_MS = 2 * TIMEOUT_MS + 1500;
const FROZEN_MS = 5000;
const WORKERS = 5;

const OPS = ['intake', 'list', 'login', 'me', 'refresh'] as const;
type Phase = 'before' | 'killed' | 'restarted' | 'frozen' | 'thawed';

interface Outcome {
  op: string;
  phase: Phase;
  status: number; // 0: no answer at all
  code?: string;
  retryAfter?: string;
  ms: number;
  endedAt: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** One simulated user: cycles through the operations with its own sign-in, as a browser would. */
class Worker {
  private token = '';
  private refreshToken = '';
  private step = 0;

  constructor(
    private readonly load: Load,
    private readonly user: TestUser,
  ) {}

  async run(): Promise<void> {
    await this.signIn();
    while (this.load.running) {
      const op = OPS[this.step++ % OPS.length];
      if (op === 'login' || !this.token || (op === 'refresh' && !this.refreshToken)) await this.signIn();
      else if (op === 'refresh') await this.refresh();
      else if (op === 'me') await this.load.send(op, (h) => h.get(`${API}/auth/me`).set(this.auth()));
      else if (op === 'list')
        await this.load.send(op, (h) => h.get(`${API}/people?limit=20`).set(this.auth()));
      else {
        const res = await this.load.send(op, (h) =>
          h.post(`${API}/people`).set(this.auth()).set('Idempotency-Key', randomUUID()).send(personPayload()),
        );
        if (res?.status === 201) this.load.acknowledgedPeople.push(res.body.id as string);
      }
    }
  }

  private auth() {
    return { Authorization: `Bearer ${this.token}` };
  }

  private async signIn(): Promise<void> {
    const res = await this.load.send('login', (h) =>
      h.post(`${API}/auth/login`).send({ email: this.user.email, password: this.user.password }),
    );
    if (res?.status === 200) [this.token, this.refreshToken] = [res.body.accessToken, res.body.refreshToken];
  }

  /**
   * A refresh that failed may still have been committed (its answer lost with the connection): the
   * token is then spent, and presenting it again would end the sign-in as a stolen token's reuse. So
   * it is dropped and the next refresh signs in again instead; the access token stays valid meanwhile.
   */
  private async refresh(): Promise<void> {
    const res = await this.load.send('refresh', (h) =>
      h.post(`${API}/auth/refresh`).send({ refreshToken: this.refreshToken }),
    );
    if (res?.status === 200) [this.token, this.refreshToken] = [res.body.accessToken, res.body.refreshToken];
    else this.refreshToken = '';
  }
}

class Load {
  running = true;
  phase: Phase = 'before';
  readonly outcomes: Outcome[] = [];
  readonly acknowledgedPeople: string[] = [];
  private workers: Promise<void>[] = [];

  constructor(private readonly baseUrl: string) {}

  start(users: TestUser[]): void {
    this.workers = users.map((u) => new Worker(this, u).run());
  }

  async stop(): Promise<void> {
    this.running = false;
    await Promise.all(this.workers);
  }

  async send(
    op: string,
    build: (h: ReturnType<typeof request>) => request.Test,
  ): Promise<request.Response | undefined> {
    const phase = this.phase;
    const started = Date.now();
    try {
      const res = await build(request(this.baseUrl)).timeout(20_000);
      this.outcomes.push({
        op,
        phase,
        status: res.status,
        code: res.body?.code,
        retryAfter: res.headers['retry-after'],
        ms: Date.now() - started,
        endedAt: Date.now(),
      });
      return res;
    } catch {
      this.outcomes.push({ op, phase, status: 0, ms: Date.now() - started, endedAt: Date.now() });
      return undefined;
    }
  }
}

/** The operations that succeeded in a phase. */
function served(outcomes: Outcome[], phase: Phase): string[] {
  return [...new Set(outcomes.filter((o) => o.phase === phase && o.status < 300).map((o) => o.op))].sort();
}

/** When the first 503 of an outage that began at `since` came, counted from `since`. */
function first503After(outcomes: Outcome[], since: number): number | undefined {
  const ends = outcomes.filter((o) => o.status === 503 && o.endedAt >= since).map((o) => o.endedAt);
  return ends.length ? Math.min(...ends) - since : undefined;
}

describe('a database outage under load', () => {
  let pg: OwnPostgres;
  let t: TestApp;
  let baseUrl: string;
  let load: Load | undefined;

  beforeAll(async () => {
    pg = await OwnPostgres.start('outage');
    // Its own PostgreSQL's superuser migrates and serves (the worker's owner would migrate the worker's).
    t = await createTestApp({
      DATABASE_URL: pg.url,
      DATABASE_MIGRATION_URL: pg.url,
      DATABASE_TIMEOUT_MS: String(TIMEOUT_MS),
    });
    // A real listening socket for the whole run (supertest would open and close one per request).
    const server = t.app.getHttpServer() as Server;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }, 180_000);

  afterAll(async () => {
    await load?.stop(); // already stopped, unless the test failed half-way
    await t?.close();
    await pg?.stop();
  });

  /** Lets the load run on until every operation has succeeded again (a 15 s limit, then the check says which did not). */
  async function everyOperationServed(load: Load, phase: Phase): Promise<void> {
    const deadline = Date.now() + 15_000;
    while (served(load.outcomes, phase).length < OPS.length && Date.now() < deadline) await sleep(100);
  }

  /** Polls with a signed-in request until it succeeds: how long service took to come back. */
  async function recovery(token: string, since: number): Promise<number> {
    for (;;) {
      const res = await request(baseUrl)
        .get(`${API}/auth/me`)
        .set({ Authorization: `Bearer ${token}` })
        .timeout(20_000)
        .catch(() => undefined);
      if (res?.status === 200) return Date.now() - since;
      if (Date.now() - since > 30_000) throw new Error('service did not come back within 30 s');
      await sleep(50);
    }
  }

  it('answers 503 within the budget, never 401 or 500, recovers by itself, and writes nothing by halves', async () => {
    const users = await Promise.all(Array.from({ length: WORKERS }, () => createUser(t, 'caseworker')));
    const probe = await login(t, await createUser(t, 'caseworker'));
    load = new Load(baseUrl);
    load.start(users);
    await sleep(1500);

    load.phase = 'killed';
    const killedAt = Date.now();
    await pg.crash();
    await sleep(2500);
    await pg.run();
    const restartedAt = Date.now();
    load.phase = 'restarted';
    const recoveredAfterRestart = await recovery(probe.token, restartedAt);
    await everyOperationServed(load, 'restarted');

    load.phase = 'frozen';
    const frozenAt = Date.now();
    pg.signalAll('SIGSTOP');
    await sleep(FROZEN_MS);
    pg.signalAll('SIGCONT');
    const thawedAt = Date.now();
    load.phase = 'thawed';
    const recoveredAfterThaw = await recovery(probe.token, thawedAt);
    await everyOperationServed(load, 'thawed');
    await load.stop();

    const { outcomes, acknowledgedPeople } = load;
    const timings = {
      requests: outcomes.length,
      answered503: outcomes.filter((o) => o.status === 503).length,
      killed: {
        firstAnswer503Ms: first503After(outcomes, killedAt),
        recoveredMsAfterRestart: recoveredAfterRestart,
      },
      frozen: {
        firstAnswer503Ms: first503After(outcomes, frozenAt),
        recoveredMsAfterThaw: recoveredAfterThaw,
      },
      slowestOutageAnswerMs: Math.max(
        ...outcomes.filter((o) => o.phase === 'killed' || o.phase === 'frozen').map((o) => o.ms),
      ),
    };
    console.log(`database outage (DATABASE_TIMEOUT_MS=${TIMEOUT_MS}): ${JSON.stringify(timings)}`);
    const tally: Record<string, number> = {};
    for (const { phase, op, status } of outcomes)
      tally[`${phase} ${op} ${status}`] = (tally[`${phase} ${op} ${status}`] ?? 0) + 1;
    console.log(`answers by phase, operation and status: ${JSON.stringify(tally)}`);

    // Every request got an answer, none a 401 (every token was valid), none a 5xx but 503.
    const describe = (o: Outcome) => `${o.phase} ${o.op} ${o.status} ${o.code ?? ''} ${o.ms} ms`;
    expect(outcomes.filter((o) => o.status === 0 || o.status === 401).map(describe)).toEqual([]);
    expect(outcomes.filter((o) => o.status >= 500 && o.status !== 503).map(describe)).toEqual([]);
    // Each 503 is the contract's, with a Retry-After.
    const unavailable = outcomes.filter((o) => o.status === 503);
    expect(
      unavailable.filter((o) => o.code !== 'DATABASE_UNAVAILABLE' || !/^[1-9]\d*$/.test(o.retryAfter ?? '')),
    ).toEqual([]);
    // Both outages were seen, and no request waited on them past the budget.
    expect(unavailable.some((o) => o.phase === 'killed')).toBe(true);
    expect(unavailable.some((o) => o.phase === 'frozen')).toBe(true);
    expect(
      outcomes
        .filter((o) => (o.phase === 'killed' || o.phase === 'frozen') && o.ms > OUTAGE_ANSWER_MS)
        .map(describe),
    ).toEqual([]);
    // After each outage every kind of request succeeded again, with the same app.
    for (const phase of ['restarted', 'thawed'] as const)
      expect([phase, served(outcomes, phase)]).toEqual([phase, OPS]);
    expect((await request(baseUrl).get(`${API}/health`)).status).toBe(200);

    // Nothing by halves: every person written has its history and its audit entry, every intake
    // answered 201 was kept, and the audit chain verifies.
    const people = (await t.db.query(
      `SELECT p.id,
              EXISTS (SELECT 1 FROM person_history h WHERE h.person_id = p.id AND h.kind = 'created') AS history,
              EXISTS (SELECT 1 FROM audit_entries a
                       WHERE a.entity_id = p.id::text AND a.action = 'person.create') AS audited
         FROM people p`,
    )) as { id: string; history: boolean; audited: boolean }[];
    expect(people.filter((p) => !p.history || !p.audited)).toEqual([]);
    const stored = new Set(people.map((p) => p.id));
    expect(acknowledgedPeople.filter((id) => !stored.has(id))).toEqual([]);
    expect(acknowledgedPeople.length).toBeGreaterThan(0);
    const admin = await login(t, await createUser(t, 'admin'));
    const verify = await request(baseUrl).get(`${API}/audit/verify`).set(admin.auth);
    expect(verify.body).toEqual(expect.objectContaining({ valid: true }));
  });
});
