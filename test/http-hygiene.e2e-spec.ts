import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Test } from 'supertest';
import type { Role } from '../src/common/roles';
import { API, createTestApp, loginAs, type SignedIn, type TestApp } from './support/app';
import { discoverRoutes, routeKey, withParams } from './support/routes';

/** Answers carry personal data or tokens: no cache may keep any of them (API.md "Conventions"). */
describe('HTTP hygiene: Cache-Control', () => {
  let t: TestApp;
  const signedIn = new Map<Role, SignedIn>();
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const as = async (role: Role) => {
    if (!signedIn.has(role)) signedIn.set(role, await loginAs(t, role));
    return signedIn.get(role)!;
  };

  function call(method: string, path: string): Test {
    const agent = t.http() as unknown as Record<string, (url: string) => Test>;
    const req = agent[method.toLowerCase()](path);
    return ['POST', 'PUT', 'PATCH'].includes(method) ? req.send({}) : req;
  }

  it('every route answers a signed-in caller with Cache-Control: no-store, whatever the status', async () => {
    const routes = discoverRoutes(t.app);
    expect(routes.length).toBeGreaterThan(30);
    const wrong: string[] = [];
    const statuses = new Set<number>();
    for (const route of routes) {
      const req = call(route.method, withParams(route.path, randomUUID()));
      // A role the route allows, so the answer is the route's own, not the guard's.
      const role = route.roles?.[0];
      const res = role ? await req.set((await as(role)).auth) : await req;
      statuses.add(res.status);
      if (res.headers['cache-control'] !== 'no-store') {
        wrong.push(`${routeKey(route)} → ${res.status} ${String(res.headers['cache-control'])}`);
      }
    }
    expect(wrong).toEqual([]);
    // The walk saw successes and refusals alike.
    expect([...statuses].some((s) => s < 300)).toBe(true);
    expect([...statuses].some((s) => s >= 400)).toBe(true);
  });

  it('answers before any route too: 401, 404 for an unknown path, 415', async () => {
    const unauthenticated = await t.http().get(`${API}/people`);
    expect([unauthenticated.status, unauthenticated.headers['cache-control']]).toEqual([401, 'no-store']);
    const unknown = await t.http().get(`${API}/no-such-thing`);
    expect([unknown.status, unknown.headers['cache-control']]).toEqual([404, 'no-store']);
    const unreadable = await t.http().post(`${API}/auth/login`).set('Content-Type', 'text/plain').send('x');
    expect([unreadable.status, unreadable.headers['cache-control']]).toEqual([415, 'no-store']);
  });

  it('no handler sets the header itself: it is set in one place', () => {
    // A handler that set it would hide a route the middleware missed; the walk above proves none is.
    const src = join(__dirname, '..', 'src');
    const found = (readdirSync(src, { recursive: true }) as string[])
      .filter((f) => f.endsWith('.ts') && readFileSync(join(src, f), 'utf8').includes('no-store'))
      .sort();
    // The others: the answer to a request Node's parser refuses before Express runs (headers over the
    // limit, not HTTP: common/client-errors.ts, written to the socket), and the web app's page
    // (src/web/web-page.ts), which is not an API answer.
    expect(found).toEqual(['common/client-errors.ts', 'setup-app.ts', 'web/web-page.ts']);
  });
});
