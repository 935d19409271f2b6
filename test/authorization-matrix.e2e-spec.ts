import { randomUUID } from 'node:crypto';
import type { Test } from 'supertest';
import { ROLES, type Role } from '../src/common/roles';
import { API, createTestApp, type SignedIn, type TestApp } from './support/app';
import { MatrixRecords, type Scope } from './support/matrix-records';
import { totpCode } from './support/totp';
import { loadOperations, type Operation } from './support/openapi';

/**
 * Who may do what, for every operation of the app's own OpenAPI document: every role and anonymous,
 * and, for routes about one record, a record inside and one outside the consular user's scope (see
 * Scope in support/matrix-records.ts). The expected status of each check is in EXPECTED below, the
 * one table of the contract's access rules (API.md, DESIGN.md §4); an operation the document has and
 * the table lacks fails the run, and so does a row for an operation that no longer exists.
 *
 * Every request is valid for the roles allowed (minimal bodies per operation in REQUESTS), so the
 * status checked is the access decision, not a 400.
 */
type Principal = Role | 'anonymous';
type Cell = number | { inScope: number; outOfScope: number };
type Row = Record<Principal, Cell>;

const PRINCIPALS: readonly Principal[] = [...ROLES, 'anonymous'];

/** A row of the table, its columns in the order of the header comment. */
const row = (...cells: Cell[]): Row => Object.fromEntries(PRINCIPALS.map((p, i) => [p, cells[i]])) as Row;
/** The consular user's answer differs with the record: in scope, out of scope. */
const scoped = (inScope: number, outOfScope: number): Cell => ({ inScope, outOfScope });
/** Routes whose `{id}` names a record with an embassy scope: checked with both records. */
const SCOPED_ROUTE = /^[A-Z]+ \/(people|consular\/cases|consular\/contacts|handovers)\/\{id\}/;

// prettier-ignore
const EXPECTED: Record<string, Row> = {
  //                                                   admin supervisor caseworker consular         analyst donor anonymous
  'GET /health':                                   row(200,  200,       200,       200,             200,    200,  200),
  'POST /auth/login':                              row(200,  200,       200,       200,             200,    200,  200),
  'POST /auth/refresh':                            row(200,  200,       200,       200,             200,    200,  200),
  'POST /auth/logout':                             row(204,  204,       204,       204,             204,    204,  401),
  'GET /auth/me':                                  row(200,  200,       200,       200,             200,    200,  401),
  'POST /auth/password':                           row(204,  204,       204,       204,             204,    204,  401),
  'POST /auth/login/mfa':                          row(200,  200,       200,       200,             200,    200,  200),
  'POST /auth/mfa/enroll':                         row(200,  200,       200,       200,             200,    200,  401),
  'POST /auth/mfa/activate':                       row(200,  200,       200,       200,             200,    200,  401),
  'DELETE /auth/mfa':                              row(204,  204,       204,       204,             204,    204,  401),
  'POST /users':                                   row(201,  403,       403,       403,             403,    403,  401),
  'GET /users':                                    row(200,  403,       403,       403,             403,    403,  401),
  'GET /users/directory':                          row(200,  200,       200,       403,             403,    403,  401),
  'POST /users/unlock':                            row(204,  403,       403,       403,             403,    403,  401),
  'GET /users/{id}':                               row(200,  403,       403,       403,             403,    403,  401),
  'PATCH /users/{id}':                             row(200,  403,       403,       403,             403,    403,  401),
  'POST /users/{id}/password-reset':               row(204,  403,       403,       403,             403,    403,  401),
  'POST /users/{id}/mfa-reset':                    row(204,  403,       403,       403,             403,    403,  401),
  'POST /users/{id}/revoke-sessions':              row(204,  403,       403,       403,             403,    403,  401),
  'GET /audit':                                    row(200,  403,       403,       403,             403,    403,  401),
  'GET /audit/verify':                             row(200,  403,       403,       403,             403,    403,  401),
  'GET /nationalities':                            row(200,  200,       200,       200,             200,    200,  401),
  'POST /compounds':                               row(201,  201,       201,       403,             403,    403,  401),
  'GET /compounds':                                row(200,  200,       200,       200,             403,    403,  401),
  'GET /compounds/{id}':                           row(200,  200,       200,       200,             403,    403,  401),
  'PATCH /compounds/{id}':                         row(200,  200,       200,       403,             403,    403,  401),
  'POST /people':                                  row(201,  201,       201,       403,             403,    403,  401),
  'GET /people':                                   row(200,  200,       200,       403,             403,    403,  401),
  'GET /people/count':                             row(200,  200,       200,       403,             403,    403,  401),
  'GET /people/duplicates':                        row(200,  200,       200,       403,             403,    403,  401),
  'GET /people/{id}':                              row(200,  200,       200,       403,             403,    403,  401),
  'PATCH /people/{id}':                            row(200,  200,       200,       403,             403,    403,  401),
  'DELETE /people/{id}':                           row(204,  403,       403,       403,             403,    403,  401),
  'POST /people/{id}/transitions':                 row(200,  200,       200,       403,             403,    403,  401),
  'GET /people/{id}/history':                      row(200,  200,       200,       403,             403,    403,  401),
  'POST /people/{id}/consents':                    row(201,  201,       201,       403,             403,    403,  401),
  'GET /people/{id}/consents':                     row(200,  200,       200,       403,             403,    403,  401),
  'GET /people/{id}/access-log':                   row(200,  200,       403,       403,             403,    403,  401),
  // Out of scope here is a person who withdrew consent: staff are refused by the consent rule (422).
  'POST /people/{id}/consular-notifications': row(scoped(201, 422), scoped(201, 422), scoped(201, 422), 403, 403, 403, 401),
  'GET /people/{id}/consular-notifications':       row(200,  200,       200,       403,             403,    403,  401),
  'POST /consular/contacts':                       row(201,  201,       201,       403,             403,    403,  401),
  'GET /consular/contacts':                        row(200,  200,       200,       200,             403,    403,  401),
  'GET /consular/contacts/{id}':                   row(200,  200,       200,       scoped(200, 404), 403,   403,  401),
  'PATCH /consular/contacts/{id}':                 row(200,  200,       200,       403,             403,    403,  401),
  'GET /consular/cases':                           row(403,  403,       403,       200,             403,    403,  401),
  'GET /consular/cases/{id}':                      row(403,  403,       403,       scoped(200, 404), 403,   403,  401),
  'POST /consular/cases/{id}/acknowledge':         row(403,  403,       403,       scoped(200, 404), 403,   403,  401),
  'POST /consular/cases/{id}/identity-verification': row(403, 403,      403,       scoped(200, 404), 403,   403,  401),
  'POST /consular/cases/{id}/travel-document':     row(403,  403,       403,       scoped(200, 404), 403,   403,  401),
  'GET /reports/repatriations':                    row(200,  200,       200,       200,             200,    200,  401),
  'GET /reports/repatriations/crosstab':           row(200,  200,       200,       200,             200,    200,  401),
  'GET /reports/caseload':                         row(200,  200,       200,       200,             200,    200,  401),
  'GET /reports/timeliness':                       row(200,  200,       200,       200,             200,    200,  401),
  'GET /exports/htcds':                            row(200,  200,       403,       403,             403,    403,  401),
  'POST /handovers':                               row(201,  201,       201,       403,             403,    403,  401),
  'GET /handovers':                                row(200,  200,       200,       200,             403,    403,  401),
  'GET /handovers/{id}':                           row(200,  200,       200,       scoped(200, 404), 403,   403,  401),
};

/** One cell's request. `as` replaces the principal's sign-in (routes that end or change one's own login). */
interface CellRequest {
  path: string;
  body?: object;
  headers?: Record<string, string>;
  as?: SignedIn;
}

/**
 * What each cell sends. `fresh` is true when the cell expects a success: a write then gets a record
 * of its own, so no cell's success changes what another cell reads (a deleted person, a spent If-Match
 * version, a case moved on). A refused write (401, 403, 404, 422) writes nothing, so it is sent to the
 * shared records: that is the check that the refusal happens.
 */
type Build = (r: MatrixRecords, c: { role: Role; scope: Scope; fresh: boolean }) => Promise<CellRequest>;

const ifMatch = (version: number) => ({ 'If-Match': `"${version}"` });
const person = async (
  r: MatrixRecords,
  c: { scope: Scope; fresh: boolean },
  stage?: Parameters<MatrixRecords['person']>[1],
) => (c.fresh ? r.person(c.scope, stage) : r.sharedPerson(c.scope));
const get =
  (path: string): Build =>
  async () => ({ path });

const REQUESTS: Record<string, Build> = {
  'GET /health': get('/health'),
  'POST /auth/login': async (r) => {
    const user = await r.freshSignIn('analyst');
    return { path: '/auth/login', body: { email: user.email, password: user.password } };
  },
  'POST /auth/refresh': async (r) => ({
    path: '/auth/refresh',
    body: { refreshToken: (await r.freshSignIn('donor')).refreshToken },
  }),
  'POST /auth/logout': async (r, c) => {
    const second = await r.secondLogin(c.role);
    return { path: '/auth/logout', body: { refreshToken: second.refreshToken }, as: second };
  },
  'GET /auth/me': get('/auth/me'),
  'POST /auth/password': async (r, c) => {
    const own = await r.freshSignIn(c.role);
    return {
      path: '/auth/password',
      body: { currentPassword: own.password, newPassword: `new-${randomUUID()}` },
      as: own,
    };
  },
  // Two-factor routes act on the caller's own sign-in: each cell brings a user of its own.
  'POST /auth/login/mfa': async (r) => {
    const user = await r.withTwoFactor('analyst');
    const first = await r.passwordStep(user);
    return { path: '/auth/login/mfa', body: { mfaToken: first, code: await user.nextCode() } };
  },
  'POST /auth/mfa/enroll': async (r, c) => ({
    path: '/auth/mfa/enroll',
    body: {},
    as: await r.freshSignIn(c.role),
  }),
  'POST /auth/mfa/activate': async (r, c) => {
    const own = await r.freshSignIn(c.role);
    const secret = await r.enrol(own);
    return { path: '/auth/mfa/activate', body: { code: await totpCode(secret) }, as: own };
  },
  'DELETE /auth/mfa': async (r, c) => {
    const own = await r.withTwoFactor(c.role);
    return { path: '/auth/mfa', body: { code: await own.nextCode() }, as: own };
  },
  'POST /users': async () => ({
    path: '/users',
    body: {
      email: `new-${randomUUID()}@example.org`,
      displayName: 'New',
      password: `pw-${randomUUID()}`,
      role: 'analyst',
    },
  }),
  'GET /users': get('/users'),
  'GET /users/directory': get('/users/directory'),
  'POST /users/unlock': async () => ({ path: '/users/unlock', body: { email: 'nobody@example.org' } }),
  'GET /users/{id}': async (r) => ({ path: `/users/${r.sharedUser}` }),
  'PATCH /users/{id}': async (r, c) => {
    const id = c.fresh ? await r.user() : r.sharedUser;
    return {
      path: `/users/${id}`,
      body: { displayName: 'Renamed' },
      headers: ifMatch(await r.versionOf(`/users/${id}`)),
    };
  },
  'POST /users/{id}/password-reset': async (r, c) => ({
    path: `/users/${c.fresh ? await r.user() : r.sharedUser}/password-reset`,
    body: { temporaryPassword: `tmp-${randomUUID()}` },
  }),
  'POST /users/{id}/mfa-reset': async (r, c) => ({
    path: `/users/${c.fresh ? await r.user() : r.sharedUser}/mfa-reset`,
  }),
  'POST /users/{id}/revoke-sessions': async (r, c) => ({
    path: `/users/${c.fresh ? await r.user() : r.sharedUser}/revoke-sessions`,
  }),
  'GET /audit': get('/audit'),
  'GET /audit/verify': get('/audit/verify'),
  'GET /nationalities': get('/nationalities'),
  'POST /compounds': async () => ({
    path: '/compounds',
    body: { name: `C ${randomUUID()}`, countryCode: 'LAO', status: 'active' },
  }),
  'GET /compounds': get('/compounds'),
  'GET /compounds/{id}': async (r) => ({ path: `/compounds/${r.sharedCompound}` }),
  'PATCH /compounds/{id}': async (r, c) => {
    const id = c.fresh ? await r.compound() : r.sharedCompound;
    return {
      path: `/compounds/${id}`,
      body: { status: 'raided' },
      headers: ifMatch(await r.versionOf(`/compounds/${id}`)),
    };
  },
  'POST /people': async () => ({
    path: '/people',
    body: {
      givenName: 'Anong',
      sex: 'female',
      nationalities: [{ code: 'THA' }],
      rescuedAt: '2023-11-01T08:00:00Z',
    },
  }),
  'GET /people': get('/people'),
  'GET /people/count': get('/people/count'),
  'GET /people/duplicates': get('/people/duplicates?givenName=Anong'),
  'GET /people/{id}': async (r, c) => ({ path: `/people/${r.sharedPerson(c.scope).id}` }),
  'PATCH /people/{id}': async (r, c) => {
    const p = await person(r, c);
    return { path: `/people/${p.id}`, body: { rescuePlace: 'Mae Sot' }, headers: ifMatch(p.version) };
  },
  'DELETE /people/{id}': async (r, c) => ({ path: `/people/${(await person(r, c)).id}` }),
  'POST /people/{id}/transitions': async (r, c) => {
    const p = await person(r, c);
    return { path: `/people/${p.id}/transitions`, body: { to: 'withdrawn' }, headers: ifMatch(p.version) };
  },
  'GET /people/{id}/history': async (r, c) => ({ path: `/people/${r.sharedPerson(c.scope).id}/history` }),
  'POST /people/{id}/consents': async (r, c) => ({
    path: `/people/${(await person(r, c)).id}/consents`,
    body: { type: 'research', granted: true },
  }),
  'GET /people/{id}/consents': async (r, c) => ({ path: `/people/${r.sharedPerson(c.scope).id}/consents` }),
  'GET /people/{id}/access-log': async (r, c) => ({
    path: `/people/${r.sharedPerson(c.scope).id}/access-log`,
  }),
  'POST /people/{id}/consular-notifications': async (r, c) => ({
    path: `/people/${(await person(r, c, 'presumed_victim')).id}/consular-notifications`,
    body: { countryCode: 'THA', channel: 'email', notifiedAt: '2023-11-02T08:00:00Z' },
  }),
  'GET /people/{id}/consular-notifications': async (r, c) => ({
    path: `/people/${r.sharedPerson(c.scope).id}/consular-notifications`,
  }),
  'POST /consular/contacts': async () => ({
    path: '/consular/contacts',
    body: { countryCode: 'THA', mission: 'Embassy', name: 'Officer' },
  }),
  'GET /consular/contacts': get('/consular/contacts'),
  'GET /consular/contacts/{id}': async (r, c) => ({ path: `/consular/contacts/${r.sharedContact(c.scope)}` }),
  'PATCH /consular/contacts/{id}': async (r, c) => {
    const id = c.fresh ? await r.contact(c.scope) : r.sharedContact(c.scope);
    return {
      path: `/consular/contacts/${id}`,
      body: { title: 'Consul' },
      headers: ifMatch(await r.versionOf(`/consular/contacts/${id}`)),
    };
  },
  'GET /consular/cases': get('/consular/cases'),
  'GET /consular/cases/{id}': async (r, c) => ({ path: `/consular/cases/${r.sharedPerson(c.scope).id}` }),
  'POST /consular/cases/{id}/acknowledge': async (r, c) => ({
    path: `/consular/cases/${(await person(r, c, 'notified')).id}/acknowledge`,
    body: { note: 'Received' },
  }),
  'POST /consular/cases/{id}/identity-verification': async (r, c) => ({
    path: `/consular/cases/${(await person(r, c, 'notified')).id}/identity-verification`,
    body: { verified: true },
  }),
  'POST /consular/cases/{id}/travel-document': async (r, c) => ({
    path: `/consular/cases/${(await person(r, c, 'identity_verified')).id}/travel-document`,
    body: { type: 'emergency_travel_document', number: 'ETD0001', expiresAt: '2099-12-31' },
  }),
  'GET /reports/repatriations': get('/reports/repatriations?groupBy=nationality'),
  'GET /reports/repatriations/crosstab': get('/reports/repatriations/crosstab?rows=nationality&columns=sex'),
  'GET /reports/caseload': get('/reports/caseload?groupBy=status'),
  'GET /reports/timeliness': get('/reports/timeliness'),
  'GET /exports/htcds': get('/exports/htcds?from=2023-01-01&to=2023-12-31'),
  'POST /handovers': async (r, c) => ({
    path: '/handovers',
    body: {
      type: 'transfer',
      occurredAt: '2023-11-19T07:00:00Z',
      place: 'Shelter gate',
      countryCode: 'THA',
      fromParty: 'Border police',
      toParty: 'Shelter',
      people: [{ personId: (await person(r, c)).id }],
    },
  }),
  'GET /handovers': get('/handovers'),
  'GET /handovers/{id}': async (r, c) => ({ path: `/handovers/${r.sharedHandover(c.scope)}` }),
};

describe('authorization matrix: every operation × every principal × in and out of scope', () => {
  let t: TestApp;
  let records: MatrixRecords;
  let operations: Operation[];
  let checks = 0;

  beforeAll(async () => {
    t = await createTestApp();
    operations = await loadOperations(t);
    records = new MatrixRecords(t);
    await records.setUp(ROLES);
  });

  afterAll(async () => {
    const scopedOps = Object.keys(EXPECTED).filter((k) => SCOPED_ROUTE.test(k)).length;
    console.log(
      `authorization matrix: ${Object.keys(EXPECTED).length} operations (${scopedOps} with in/out-of-scope records) × ` +
        `${PRINCIPALS.length} principals = ${checks} checks`,
    );
    await t?.close();
  });

  it('the table covers exactly the operations of the OpenAPI document, and each has a request', () => {
    const documented = operations.map((op) => op.key).sort();
    expect({ missingFromTable: documented.filter((k) => !(k in EXPECTED)) }).toEqual({
      missingFromTable: [],
    });
    expect({ noLongerInDocument: Object.keys(EXPECTED).filter((k) => !documented.includes(k)) }).toEqual({
      noLongerInDocument: [],
    });
    expect(Object.keys(REQUESTS).sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(Object.keys(EXPECTED))('%s', async (key) => {
    const expected = EXPECTED[key];
    const scopes: Scope[] = SCOPED_ROUTE.test(key) ? ['inScope', 'outOfScope'] : ['n/a'];
    const actual = {} as Row;
    for (const principal of PRINCIPALS) {
      const answers: Partial<Record<Scope, number>> = {};
      for (const scope of scopes) {
        const cell = expected[principal];
        const wanted =
          typeof cell === 'number' ? cell : cell[scope === 'outOfScope' ? 'outOfScope' : 'inScope'];
        answers[scope] = await statusOf(key, principal, scope, wanted < 300);
        checks++;
      }
      // Same shape as the table: a number when both records got the same answer and the table says so.
      actual[principal] =
        scopes.length === 1 ||
        (typeof expected[principal] === 'number' && answers.inScope === answers.outOfScope)
          ? answers[scopes[0]]!
          : scoped(answers.inScope!, answers.outOfScope!);
    }
    expect(actual).toEqual(expected);
  });

  async function statusOf(key: string, principal: Principal, scope: Scope, fresh: boolean): Promise<number> {
    const role: Role = principal === 'anonymous' ? 'admin' : principal;
    const req = await REQUESTS[key](records, { role, scope, fresh });
    const method = key.split(' ')[0].toLowerCase() as 'get' | 'post' | 'patch' | 'delete';
    let call: Test = t.http()[method](`${API}${req.path}`);
    const as = req.as ?? records.signedIn[role];
    if (principal !== 'anonymous') call = call.set(as.auth);
    if (req.headers) call = call.set(req.headers);
    if (req.body) call = call.send(req.body);
    const res = await call;
    // The error shape is the fuzzer's to check; here, only that a 400 never hides the access decision.
    if (res.status === 400)
      throw new Error(`${key} as ${principal} (${scope}): 400 ${JSON.stringify(res.body.details)}`);
    return res.status;
  }
});
