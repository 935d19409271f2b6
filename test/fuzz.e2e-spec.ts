import fc from 'fast-check';
import type { Response } from 'supertest';
import {
  API,
  createTestApp,
  createUser,
  login,
  loginAs,
  type SignedIn,
  type TestApp,
  type TestUser,
} from './support/app';
import { personOf, notify } from './support/consular';
import { BODY_ATTACKS, HEADER_ATTACKS } from './support/fuzz/sweep';
import {
  contractProblem,
  type FuzzRequest,
  type PathIdPools,
  requestArb,
  send,
} from './support/fuzz/requests';
import type { IdPool } from './support/fuzz/schema-values';
import { loadOperations, type Operation, urlOf } from './support/openapi';
import { discoverRoutes, toOpenApiPath } from './support/routes';

/**
 * Property-based requests generated from the app's own OpenAPI document, for every operation
 * (API.md "Conventions", Hostile input): bodies from the request schemas (valid values, their edges,
 * wrong types, the hostile corpus), path parameters (real records, random uuids, garbage), query
 * parameters per their schemas, and headers. Whatever comes, the app never answers 5xx, every 4xx
 * has the error shape, and the app still answers afterwards.
 *
 * CI runs a fixed seed and a bounded number of runs; `npm run fuzz` runs longer with a random seed
 * and prints it. Either is replayed exactly with `FUZZ_SEED=<seed> FUZZ_RUNS=<runs> npm run fuzz`.
 */
const SEED = Number(process.env.FUZZ_SEED ?? 20261129);
const RUNS = Number(process.env.FUZZ_RUNS ?? 12);
/** Only the operations whose key (`POST /auth/logout`) contains this text: to replay one failure. */
const ONLY = process.env.FUZZ_ONLY ?? '';

/** Who sends the generated requests: these three where the route allows them, else anonymous. */
const SENDERS = ['admin', 'caseworker', 'consular'] as const;

/** The seed of one operation's run: the run's seed, varied by operation so each is replayable alone. */
const seedOf = (op: Operation) => [...op.key].reduce((h, c) => (h * 31 + c.charCodeAt(0)) | 0, SEED);

describe('fuzzing every operation of the OpenAPI document', () => {
  let t: TestApp;
  let operations: Operation[];
  const signedIn: Record<string, SignedIn> = {};
  /**
   * /auth/* routes act on the caller's own account (sign out, change password): they get a user of
   * their own per role, signed in again after a request ends its login and unlocked after each one,
   * so the users the rest of the run signs in with are never signed out or locked out.
   */
  const ownAccount: Record<string, { user: TestUser; session: SignedIn }> = {};
  const sendersOf = new Map<string, string[]>();
  /** Requests sent per operation, by status class: the run's report. */
  const counts = new Map<string, Record<string, number>>();
  let ids: IdPool;
  let pools: PathIdPools;

  beforeAll(async () => {
    t = await createTestApp();
    operations = await loadOperations(t);
    const roles = new Map(discoverRoutes(t.app).map((r) => [`${r.method} ${toOpenApiPath(r.path)}`, r]));
    for (const op of operations) {
      const route = roles.get(`${op.method} ${op.path}`);
      const allowed = route?.isPublic ? ['anonymous'] : SENDERS.filter((s) => route?.roles?.includes(s));
      sendersOf.set(op.key, allowed);
    }
    for (const role of SENDERS) signedIn[role] = await loginAs(t, role, ['THA']);
    for (const role of SENDERS) {
      const user = await createUser(t, role, role === 'consular' ? ['THA'] : []);
      ownAccount[role] = { user, session: await login(t, user) };
    }
    for (const session of [...Object.values(signedIn), ...Object.values(ownAccount).map((o) => o.session)])
      signedInAt.set(session, Date.now());
    ({ ids, pools } = await realRecords(t, signedIn.admin));
  });

  afterAll(async () => {
    const sum = (tally: Record<string, number>) => Object.values(tally).reduce((a, b) => a + b, 0);
    const total = [...counts.values()].reduce((a, tally) => a + sum(tally), 0);
    const lines = [...counts].map(([key, tally]) => {
      const classes = Object.entries(tally)
        .sort()
        .map(([c, n]) => `${c} ${n}`)
        .join(', ');
      return `  ${String(sum(tally)).padStart(5)}  ${key.padEnd(50)} ${classes}`;
    });
    console.log(
      `fuzz: seed ${SEED}, ${RUNS} runs per operation, ${total} requests over ${counts.size} operations\n` +
        `(replay: FUZZ_SEED=${SEED} FUZZ_RUNS=${RUNS} npm run fuzz)\n${lines.join('\n')}`,
    );
    await t?.close();
  });

  /** Sends as the request's principal, keeping the own-account users usable (see ownAccount). */
  async function sendAs(op: Operation, req: FuzzRequest): Promise<Response> {
    const res = await sendAsPrincipal(op, req);
    const tally = counts.get(op.key) ?? {};
    const statusClass =
      res.status === 400 || res.status === 404 ? String(res.status) : `${String(res.status)[0]}xx`;
    tally[statusClass] = (tally[statusClass] ?? 0) + 1;
    counts.set(op.key, tally);
    return res;
  }

  /** Access tokens live 15 minutes: a long run (npm run fuzz) signs in again before they expire. */
  const signedInAt = new Map<SignedIn, number>();
  async function fresh(session: SignedIn): Promise<SignedIn> {
    if (Date.now() - (signedInAt.get(session) ?? Date.now()) < 10 * 60_000) return session;
    const again = await login(t, session);
    signedInAt.set(again, Date.now());
    return again;
  }

  async function sendAsPrincipal(op: Operation, req: FuzzRequest): Promise<Response> {
    if (req.principal === 'anonymous') return send(t, req, {});
    signedIn.admin = await fresh(signedIn.admin);
    const own =
      op.key.startsWith('POST /auth/') || op.key.startsWith('DELETE /auth/')
        ? ownAccount[req.principal]
        : undefined;
    if (own) own.session = await fresh(own.session);
    else signedIn[req.principal] = await fresh(signedIn[req.principal]);
    const res = await send(t, req, (own?.session ?? signedIn[req.principal]).auth);
    if (own) {
      const unlock = await t
        .http()
        .post(`${API}/users/unlock`)
        .set(signedIn.admin.auth)
        .send({ email: own.user.email });
      expect(unlock.status).toBe(204);
      if (res.status < 300) {
        own.session = await login(t, own.user);
        signedInAt.set(own.session, Date.now());
      }
    }
    return res;
  }

  it('covers every operation of the document, each with someone allowed to send it', () => {
    expect(operations.length).toBeGreaterThan(40);
    expect(operations.filter((op) => !sendersOf.get(op.key)?.length).map((op) => op.key)).toEqual([]);
  });

  it(
    'generated requests: never a 5xx, every 4xx in the error shape',
    async () => {
      const failures: string[] = [];
      for (const op of operations.filter((o) => o.key.includes(ONLY))) {
        const property = fc.asyncProperty(requestArb(op, sendersOf.get(op.key)!, ids, pools), async (req) => {
          const problem = contractProblem(await sendAs(op, req));
          if (problem) {
            const body = JSON.stringify(req.body)?.slice(0, 500);
            throw new Error(`${req.principal} ${req.method} ${req.url.slice(0, 300)} ${body}: ${problem}`);
          }
        });
        const result = await fc.check(property, {
          seed: seedOf(op),
          numRuns: RUNS,
          includeErrorInReport: true,
        });
        if (result.failed) failures.push(`${op.key}\n${fc.defaultReportMessage(result)}`);
      }
      expect(failures).toEqual([]);
    },
    60_000 + RUNS * 10_000,
  );

  it('the corpus of body and header attacks: a 4xx in the error shape on every operation', async () => {
    const failures: string[] = [];
    const check = async (op: Operation, name: string, res: Response) => {
      const problem = contractProblem(res);
      if (problem || res.status < 400) failures.push(`${op.key} with ${name}: ${problem ?? res.status}`);
    };
    for (const op of operations) {
      const principal = sendersOf.get(op.key)![0];
      const url = urlOf(op, { id: ids.any[0] });
      for (const attack of op.body ? BODY_ATTACKS : []) {
        await check(
          op,
          attack.name,
          await sendAs(op, {
            principal,
            method: op.method,
            url,
            headers: attack.headers,
            body: { raw: attack.raw },
          }),
        );
      }
      for (const attack of HEADER_ATTACKS.filter((a) => a.name.startsWith('headers over'))) {
        await check(
          op,
          attack.name,
          await sendAs(op, { principal, method: op.method, url, headers: attack.headers }),
        );
      }
    }
    expect(failures).toEqual([]);
  }, 120_000);

  it('afterwards the app still answers, and no object of the process was polluted', async () => {
    expect((await t.http().get(`${API}/health`)).status).toBe(200);
    expect((await t.http().get(`${API}/auth/me`).set(signedIn.admin.auth)).status).toBe(200);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });
});

/** A few records of each kind through the API, for path parameters and uuid fields to point at. */
async function realRecords(t: TestApp, admin: SignedIn): Promise<{ ids: IdPool; pools: PathIdPools }> {
  const post = async (path: string, body: object) => {
    const res = await t.http().post(`${API}${path}`).set(admin.auth).send(body);
    if (res.status !== 201) throw new Error(`${path}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.id as string;
  };
  const thai = await personOf(t, admin, ['THA'], { consent: true });
  await notify(t, admin, thai.id, 'THA');
  const withoutConsent = await personOf(t, admin, ['THA'], { consent: false });
  const filipino = await personOf(t, admin, ['PHL', 'THA'], { consent: true, status: 'identity_verified' });
  const erased = await personOf(t, admin, ['THA'], { consent: true });
  expect((await t.http().delete(`${API}/people/${erased.id}`).set(admin.auth)).status).toBe(204);
  const people = [thai.id, withoutConsent.id, filipino.id, erased.id];
  const compounds = [
    await post('/compounds', { name: 'Fuzz Park', countryCode: 'MMR', status: 'active' }),
    await post('/compounds', { name: 'Fuzz Garden', countryCode: 'KHM', status: 'raided' }),
  ];
  const contacts = [
    await post('/consular/contacts', {
      countryCode: 'THA',
      mission: 'Royal Thai Embassy',
      name: 'Officer A',
    }),
    await post('/consular/contacts', {
      countryCode: 'PHL',
      mission: 'Philippine Embassy',
      name: 'Officer B',
    }),
  ];
  const handovers = [
    await post('/handovers', {
      type: 'transfer',
      occurredAt: '2023-11-19T07:00:00Z',
      place: 'Friendship Bridge',
      countryCode: 'THA',
      fromParty: 'Border police',
      toParty: 'Shelter',
      people: [{ personId: thai.id }, { personId: withoutConsent.id }],
    }),
  ];
  // Users that path parameters may disable, reset or sign out: never the ones the run signs in with.
  const users = await Promise.all(
    (['caseworker', 'analyst', 'donor'] as const).map(async (role) => (await createUser(t, role)).id),
  );
  return {
    ids: { any: [...people, ...compounds, ...contacts, ...handovers, admin.id] },
    pools: { people, cases: people, compounds, contacts, handovers, users, any: [...people, ...compounds] },
  };
}
