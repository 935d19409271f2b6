import { Controller, Get, type INestApplication } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { Test as NestTest } from '@nestjs/testing';
import countries from 'i18n-iso-countries';
import { randomUUID } from 'node:crypto';
import request, { type Test } from 'supertest';
import { AccessGuard } from '../src/common/access.guard';
import { Public, Roles } from '../src/common/auth.decorators';
import { ROLES, type Role } from '../src/common/roles';
import { API, createTestApp, expectError, loginAs, type SignedIn, type TestApp } from './support/app';
import { type DiscoveredRoute, discoverRoutes, expressRoutes, routeKey, withParams } from './support/routes';

const ALL = [...ROLES].sort();
const STAFF: readonly Role[] = ['admin', 'supervisor', 'caseworker'];

/** What the contract (API.md, DESIGN.md §4) says about the routes known today. `public` or the roles allowed. */
const KNOWN_ROUTES: Record<string, 'public' | readonly Role[]> = {
  'GET /api/v1/health': 'public',
  'POST /api/v1/auth/login': 'public',
  'POST /api/v1/auth/refresh': 'public',
  'POST /api/v1/auth/logout': ALL,
  'GET /api/v1/auth/me': ALL,
  'POST /api/v1/auth/password': ALL,
  'POST /api/v1/auth/login/mfa': 'public',
  'POST /api/v1/auth/mfa/enroll': ALL,
  'POST /api/v1/auth/mfa/activate': ALL,
  'DELETE /api/v1/auth/mfa': ALL,
  'POST /api/v1/users': ['admin'],
  'GET /api/v1/users': ['admin'],
  'GET /api/v1/users/:id': ['admin'],
  'PATCH /api/v1/users/:id': ['admin'],
  'GET /api/v1/users/directory': STAFF,
  'POST /api/v1/users/unlock': ['admin'],
  'POST /api/v1/users/:id/password-reset': ['admin'],
  'POST /api/v1/users/:id/mfa-reset': ['admin'],
  'POST /api/v1/users/:id/revoke-sessions': ['admin'],
  'GET /api/v1/audit': ['admin'],
  'GET /api/v1/audit/verify': ['admin'],
  'GET /api/v1/nationalities': ALL,
  'POST /api/v1/compounds': ['admin', 'supervisor', 'caseworker'],
  'GET /api/v1/compounds': ['admin', 'supervisor', 'caseworker', 'consular'],
  'GET /api/v1/compounds/:id': ['admin', 'supervisor', 'caseworker', 'consular'],
  'PATCH /api/v1/compounds/:id': ['admin', 'supervisor', 'caseworker'],
  'POST /api/v1/consular/contacts': STAFF,
  'GET /api/v1/consular/contacts': [...STAFF, 'consular'],
  'GET /api/v1/consular/contacts/:id': [...STAFF, 'consular'],
  'PATCH /api/v1/consular/contacts/:id': STAFF,
  'GET /api/v1/people/:id/consents': STAFF,
  'POST /api/v1/people/:id/consular-notifications': STAFF,
  'GET /api/v1/people/:id/consular-notifications': STAFF,
  'GET /api/v1/consular/cases': ['consular'],
  'GET /api/v1/consular/cases/:id': ['consular'],
  'POST /api/v1/consular/cases/:id/acknowledge': ['consular'],
  'POST /api/v1/consular/cases/:id/identity-verification': ['consular'],
  'POST /api/v1/consular/cases/:id/travel-document': ['consular'],
  'GET /api/v1/reports/repatriations': ALL,
  'GET /api/v1/reports/repatriations/crosstab': ALL,
  'GET /api/v1/reports/caseload': ALL,
  'GET /api/v1/reports/timeliness': ALL,
  'GET /api/v1/exports/htcds': ['admin', 'supervisor'],
  'POST /api/v1/handovers': ['admin', 'supervisor', 'caseworker'],
  'GET /api/v1/handovers': ['admin', 'supervisor', 'caseworker', 'consular'],
  'GET /api/v1/handovers/:id': ['admin', 'supervisor', 'caseworker', 'consular'],
};

/** The only routes anyone may call without signing in (docs aside, which are not API routes). */
const PUBLIC_ALLOWED = Object.keys(KNOWN_ROUTES).filter((k) => KNOWN_ROUTES[k] === 'public');

const describeRoute = (r: DiscoveredRoute) => `${routeKey(r)} (${r.handler})`;

/** One request to a route: path parameters filled with a fresh UUID, an empty JSON body where one fits. */
function call(http: () => ReturnType<typeof request>, route: { method: string; path: string }): Test {
  const agent = http() as unknown as Record<string, (url: string) => Test>;
  const req = agent[route.method.toLowerCase()](withParams(route.path, randomUUID()));
  return ['POST', 'PUT', 'PATCH'].includes(route.method) ? req.send({}) : req;
}

describe('Access: deny by default', () => {
  let t: TestApp;
  let routes: DiscoveredRoute[];

  beforeAll(async () => {
    t = await createTestApp();
    routes = discoverRoutes(t.app);
  });
  afterAll(() => t.close());

  const nonPublic = () => routes.filter((r) => !r.isPublic);

  describe('the route walk', () => {
    it('finds at least every route known today', () => {
      const found = routes.map(routeKey);
      expect(found).toEqual(expect.arrayContaining(Object.keys(KNOWN_ROUTES)));
      expect(new Set(found).size).toBe(found.length);
    });

    it('walks exactly what the HTTP server answers: no route registered around Nest, none missed', () => {
      const served = expressRoutes(t.app);
      const api = served.filter((r) => r.path.startsWith(`${API}/`)).map(routeKey);
      expect([...api].sort()).toEqual(routes.map(routeKey).sort());
      // Everything else on the server is the OpenAPI document and Swagger UI (public by contract), and
      // the web app's page (src/web/: @nestjs/serve-static's GET /index.html; the page holds no data,
      // and every call it makes is an API route walked here).
      const others = served.filter((r) => !r.path.startsWith(`${API}/`));
      const docs = (r: { method: string; path: string }) =>
        r.method === 'GET' && r.path.startsWith('/api/docs');
      const webPage = (r: { method: string; path: string }) => r.method === 'GET' && r.path === '/index.html';
      expect(others.filter((r) => !docs(r) && !webPage(r))).toEqual([]);
    });

    it('every handler declares its roles or is marked public', () => {
      const undeclared = routes.filter((r) => !r.isPublic && r.roles === undefined).map(describeRoute);
      expect(undeclared).toEqual([]);
    });

    it('every declared role list is non-empty and names known roles only', () => {
      const bad = routes
        .filter(
          (r) => r.roles !== undefined && (!r.roles.length || r.roles.some((role) => !ROLES.includes(role))),
        )
        .map((r) => `${describeRoute(r)}: ${JSON.stringify(r.roles)}`);
      expect(bad).toEqual([]);
    });

    it('no route is both public and role-restricted', () => {
      expect(routes.filter((r) => r.isPublic && r.roles !== undefined).map(describeRoute)).toEqual([]);
    });

    it('only sign-in, refresh and health are public', () => {
      const open = routes.filter((r) => r.isPublic).map(routeKey);
      expect(open.filter((k) => !PUBLIC_ALLOWED.includes(k))).toEqual([]);
    });

    it('the routes known today declare the roles the contract gives them', () => {
      const actual = Object.fromEntries(
        routes
          .filter((r) => routeKey(r) in KNOWN_ROUTES)
          .map((r) => [routeKey(r), r.isPublic ? 'public' : [...(r.roles ?? [])].sort()]),
      );
      const expected = Object.fromEntries(
        Object.entries(KNOWN_ROUTES).map(([k, v]) => [k, v === 'public' ? v : [...v].sort()]),
      );
      expect(actual).toEqual(expected);
    });
  });

  describe('the walk catches what it is meant to catch', () => {
    @Controller('probe')
    class ProbeController {
      @Get('open')
      @Public()
      open() {
        return { ok: true };
      }

      @Get('declared')
      @Roles('admin')
      declared() {
        return { ok: true };
      }

      @Get('forgotten')
      forgotten() {
        return { ok: true };
      }
    }

    @Controller('probe-class')
    @Roles('analyst')
    class ClassRolesController {
      @Get()
      list() {
        return [];
      }
    }

    let probe: INestApplication;
    beforeAll(async () => {
      const moduleRef = await NestTest.createTestingModule({
        controllers: [ProbeController, ClassRolesController],
        providers: [{ provide: APP_GUARD, useClass: AccessGuard }],
      }).compile();
      probe = moduleRef.createNestApplication({ logger: false });
      await probe.init();
    });
    afterAll(() => probe.close());

    it('flags a handler with neither roles nor public, and reads class-level roles', () => {
      const found = discoverRoutes(probe, '');
      expect(found.find((r) => r.path === '/probe/forgotten')).toEqual(
        expect.objectContaining({ method: 'GET', isPublic: false, roles: undefined }),
      );
      expect(found.find((r) => r.path === '/probe/open')).toEqual(
        expect.objectContaining({ isPublic: true }),
      );
      expect(found.find((r) => r.path === '/probe/declared')?.roles).toEqual(['admin']);
      expect(found.find((r) => r.path === '/probe-class')?.roles).toEqual(['analyst']);
    });

    it('the guard itself refuses such a handler (403), and lets a public one through', async () => {
      expect((await request(probe.getHttpServer()).get('/probe/forgotten')).status).toBe(403);
      expect((await request(probe.getHttpServer()).get('/probe/declared')).status).toBe(401);
      expect((await request(probe.getHttpServer()).get('/probe/open')).status).toBe(200);
    });
  });

  describe('over HTTP, every non-public route', () => {
    it('answers 401 without a token', async () => {
      const wrong: string[] = [];
      for (const route of nonPublic()) {
        const res = await call(t.http, route);
        if (res.status !== 401 || res.body.code !== 'UNAUTHENTICATED')
          wrong.push(`${routeKey(route)} → ${res.status}`);
      }
      expect(nonPublic().length).toBeGreaterThan(0);
      expect(wrong).toEqual([]);
    });

    it.each([
      ['a garbage token', 'Bearer garbage'],
      ['a token-shaped string', 'Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl'],
      ['a non-bearer scheme', 'Basic dXNlcjpwYXNz'],
    ])('answers 401 with %s', async (_name, authorization) => {
      const wrong: string[] = [];
      for (const route of nonPublic()) {
        const res = await call(t.http, route).set('Authorization', authorization);
        if (res.status !== 401) wrong.push(`${routeKey(route)} → ${res.status}`);
      }
      expect(wrong).toEqual([]);
    });

    describe('by role', () => {
      const signedIn = {} as Record<Role, SignedIn>;
      beforeAll(async () => {
        for (const role of ROLES) signedIn[role] = await loginAs(t, role);
      });

      it('answers 403 FORBIDDEN to every role the route does not name', async () => {
        const wrong: string[] = [];
        for (const route of nonPublic()) {
          for (const role of ROLES.filter((r) => !route.roles?.includes(r))) {
            const res = await call(t.http, route).set(signedIn[role].auth);
            if (res.status !== 403 || res.body.code !== 'FORBIDDEN')
              wrong.push(`${role}: ${routeKey(route)} → ${res.status}`);
          }
        }
        expect(wrong).toEqual([]);
      });

      it('lets every role the route names past the guard (neither 401 nor 403)', async () => {
        const wrong: string[] = [];
        // (logout is left out: with a valid body it would end the very logins this loop uses)
        for (const route of nonPublic().filter((r) => routeKey(r) !== 'POST /api/v1/auth/logout')) {
          for (const role of route.roles ?? []) {
            const res = await call(t.http, route).set(signedIn[role].auth);
            if (res.status === 401 || res.status === 403)
              wrong.push(`${role}: ${routeKey(route)} → ${res.status}`);
          }
        }
        expect(wrong).toEqual([]);
      });
    });
  });

  describe('a user who must change a reset password', () => {
    it('reaches only /auth/* routes: every other route answers 403 PASSWORD_CHANGE_REQUIRED', async () => {
      expect(
        routes.filter((r) => r.accountSetup && !r.path.startsWith(`${API}/auth/`)).map(routeKey),
      ).toEqual([]);
      // an admin, so that no route is closed to the role anyway
      const admin = await loginAs(t, 'admin');
      await t.db.query('UPDATE users SET must_change_password = true WHERE id = $1', [admin.id]);
      const wrong: string[] = [];
      // (logout is left out: with a valid body it would end the very login this loop uses)
      for (const route of nonPublic().filter((r) => routeKey(r) !== 'POST /api/v1/auth/logout')) {
        const res = await call(t.http, route).set(admin.auth);
        const closed = res.status === 403 && res.body.code === 'PASSWORD_CHANGE_REQUIRED';
        if (closed === route.path.startsWith(`${API}/auth/`))
          wrong.push(`${routeKey(route)} → ${res.status}`);
      }
      expect(wrong).toEqual([]);
    });
  });

  describe('public routes', () => {
    it('answer without a token (never 401 or 403)', async () => {
      const wrong: string[] = [];
      for (const route of routes.filter((r) => r.isPublic)) {
        const res = await call(t.http, route);
        if (res.status === 401 || res.status === 403) wrong.push(`${routeKey(route)} → ${res.status}`);
      }
      expect(wrong).toEqual([]);
    });
  });

  describe('examples', () => {
    it('GET /auth/me without a token → 401 UNAUTHENTICATED', async () => {
      expectError(await t.http().get(`${API}/auth/me`), 401, 'UNAUTHENTICATED');
    });

    it('GET /audit as a caseworker → 403 FORBIDDEN; as an admin → 200', async () => {
      expectError(
        await t
          .http()
          .get(`${API}/audit`)
          .set((await loginAs(t, 'caseworker')).auth),
        403,
        'FORBIDDEN',
      );
      expect(
        (
          await t
            .http()
            .get(`${API}/audit`)
            .set((await loginAs(t, 'admin')).auth)
        ).status,
      ).toBe(200);
    });

    it('the token is checked before the role, the role before validation', async () => {
      expectError(await t.http().get(`${API}/audit?limit=0`), 401, 'UNAUTHENTICATED');
      const caseworker = await loginAs(t, 'caseworker');
      expectError(await t.http().get(`${API}/audit?limit=0`).set(caseworker.auth), 403, 'FORBIDDEN');
      const admin = await loginAs(t, 'admin');
      expectError(await t.http().get(`${API}/audit?limit=0`).set(admin.auth), 400, 'VALIDATION_FAILED');
    });
  });

  describe('GET /nationalities', () => {
    let list: { code: string; alpha2: string | null; name: string }[];
    beforeAll(async () => {
      const res = await t
        .http()
        .get(`${API}/nationalities`)
        .set((await loginAs(t, 'donor')).auth);
      expect(res.status).toBe(200);
      list = res.body;
    });

    it.each(ROLES.map((r) => [r]))('answers 200 with the same list to a %s', async (role) => {
      const res = await t
        .http()
        .get(`${API}/nationalities`)
        .set((await loginAs(t, role)).auth);
      expect(res.status).toBe(200);
      expect(res.body).toEqual(list);
    });

    it('answers 401 without a token', async () => {
      expectError(await t.http().get(`${API}/nationalities`), 401, 'UNAUTHENTICATED');
    });

    it('holds every ISO 3166-1 country plus XXA and XXX, each once', () => {
      const codes = list.map((n) => n.code);
      expect(new Set(codes).size).toBe(codes.length);
      expect(codes).toEqual(
        expect.arrayContaining([...Object.keys(countries.getAlpha3Codes()), 'XXA', 'XXX']),
      );
      expect(list.length).toBeGreaterThanOrEqual(249 + 2);
    });

    it('gives each entry { code, alpha2, name }, alpha2 null only for XXA and XXX', () => {
      for (const n of list) {
        expect(Object.keys(n).sort()).toEqual(['alpha2', 'code', 'name']);
        expect(n.code).toMatch(/^[A-Z]{3}$/);
        expect(n.name).toEqual(expect.stringMatching(/\S/));
      }
      expect(
        list
          .filter((n) => n.alpha2 === null)
          .map((n) => n.code)
          .sort(),
      ).toEqual(['XXA', 'XXX']);
      expect(list.filter((n) => n.alpha2 !== null && !/^[A-Z]{2}$/.test(n.alpha2))).toEqual([]);
      expect(list.find((n) => n.code === 'THA')).toEqual(expect.objectContaining({ alpha2: 'TH' }));
      expect(list.find((n) => n.code === 'PHL')).toEqual(expect.objectContaining({ alpha2: 'PH' }));
    });
  });
});

describe('Access: a user whose role requires two-factor sign-in, not yet set up', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ MFA_REQUIRED_ROLES: 'admin' });
  });
  afterAll(() => t.close());

  it('reaches only /auth/* routes: every other route answers 403 MFA_ENROLLMENT_REQUIRED', async () => {
    const routes = discoverRoutes(t.app).filter((r) => !r.isPublic);
    // an admin, so that no route is closed to the role anyway
    const admin = await loginAs(t, 'admin');
    const wrong: string[] = [];
    // (logout is left out: with a valid body it would end the very login this loop uses)
    for (const route of routes.filter((r) => routeKey(r) !== 'POST /api/v1/auth/logout')) {
      const res = await call(t.http, route).set(admin.auth);
      const closed = res.status === 403 && res.body.code === 'MFA_ENROLLMENT_REQUIRED';
      if (closed === route.path.startsWith(`${API}/auth/`)) wrong.push(`${routeKey(route)} → ${res.status}`);
    }
    expect(wrong).toEqual([]);
  });
});
