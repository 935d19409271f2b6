import { API, createTestApp, type TestApp } from './support/app';
import { type DiscoveredRoute, discoverRoutes, routeKey, toOpenApiPath } from './support/routes';

interface Operation {
  operationId?: string;
  parameters?: { name: string; in: string; required?: boolean }[];
  requestBody?: { content?: Record<string, { schema?: { $ref?: string } }> };
  responses?: Record<string, unknown>;
  security?: Record<string, string[]>[];
}

interface OpenApiDocument {
  openapi: string;
  info: { title: string; version: string };
  paths: Record<string, Record<string, Operation>>;
  components?: {
    schemas?: Record<string, unknown>;
    securitySchemes?: Record<string, { type: string; scheme?: string }>;
  };
}

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

/** The document's operations as `METHOD /api/v1/users/{id}` keys. */
const operationsOf = (doc: OpenApiDocument) =>
  Object.entries(doc.paths).flatMap(([path, item]) =>
    Object.entries(item)
      .filter(([method]) => HTTP_METHODS.includes(method))
      .map(([method, op]) => ({ key: `${method.toUpperCase()} ${path}`, path, method, op })),
  );

describe('OpenAPI document and Swagger UI', () => {
  let t: TestApp;
  let doc: OpenApiDocument;
  let routes: DiscoveredRoute[];

  beforeAll(async () => {
    t = await createTestApp();
    routes = discoverRoutes(t.app);
    const res = await t.http().get('/api/docs-json');
    expect(res.status).toBe(200);
    doc = res.body;
  });
  afterAll(() => t.close());

  const operation = (r: DiscoveredRoute) => doc.paths[toOpenApiPath(r.path)]?.[r.method.toLowerCase()];

  it('GET /api/docs-json answers an OpenAPI 3 document as JSON, without a token', async () => {
    const res = await t.http().get('/api/docs-json');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.body.openapi).toMatch(/^3\.\d+\.\d+$/);
    expect(res.body.info).toEqual(
      expect.objectContaining({ title: expect.any(String), version: expect.any(String) }),
    );
    expect(typeof res.body.paths).toBe('object');
  });

  it('lists every route the app registers, under /api/v1 with {param} paths', () => {
    expect(routes.length).toBeGreaterThan(0);
    const missing = routes.filter((r) => !operation(r)).map(routeKey);
    expect(missing).toEqual([]);
    expect(Object.keys(doc.paths).every((p) => p.startsWith(`${API}/`) && !p.includes(':'))).toBe(true);
  });

  it('lists no operation the app does not serve', () => {
    const served = new Set(routes.map((r) => `${r.method} ${toOpenApiPath(r.path)}`));
    expect(
      operationsOf(doc)
        .filter((o) => !served.has(o.key))
        .map((o) => o.key),
    ).toEqual([]);
  });

  it('declares each path parameter of each route', () => {
    const wrong = routes.flatMap((r) => {
      const names = [...r.path.matchAll(/:([A-Za-z0-9_]+)/g)].map((m) => m[1]);
      const declared = (operation(r)?.parameters ?? []).filter((p) => p.in === 'path').map((p) => p.name);
      return names.filter((n) => !declared.includes(n)).map((n) => `${routeKey(r)}: ${n}`);
    });
    expect(wrong).toEqual([]);
  });

  it('marks every non-public operation as needing the bearer token, and no public one', () => {
    expect(doc.components?.securitySchemes?.bearer).toEqual(
      expect.objectContaining({ type: 'http', scheme: 'bearer' }),
    );
    const needsBearer = (r: DiscoveredRoute) => (operation(r)?.security ?? []).some((s) => 'bearer' in s);
    expect(routes.filter((r) => !r.isPublic && !needsBearer(r)).map(routeKey)).toEqual([]);
    expect(routes.filter((r) => r.isPublic && needsBearer(r)).map(routeKey)).toEqual([]);
  });

  it('gives each operation a success response with the status the contract names', () => {
    const successOf = (key: string) => {
      const r = routes.find((route) => routeKey(route) === key)!;
      return Object.keys(operation(r)?.responses ?? {}).filter((s) => /^2\d\d$/.test(s));
    };
    expect(
      routes
        .filter((r) => !Object.keys(operation(r)?.responses ?? {}).some((s) => /^2/.test(s)))
        .map(routeKey),
    ).toEqual([]);
    expect(successOf(`POST ${API}/auth/login`)).toEqual(['200']);
    expect(successOf(`POST ${API}/auth/refresh`)).toEqual(['200']);
    expect(successOf(`POST ${API}/auth/logout`)).toEqual(['204']);
    expect(successOf(`POST ${API}/users`)).toEqual(['201']);
    expect(successOf(`GET ${API}/users/:id`)).toEqual(['200']);
  });

  it('describes the request body of the routes that take one, with schemas the document holds', () => {
    const withBody = [
      `POST ${API}/auth/login`,
      `POST ${API}/auth/refresh`,
      `POST ${API}/users`,
      `PATCH ${API}/users/:id`,
    ];
    for (const key of withBody) {
      const r = routes.find((route) => routeKey(route) === key)!;
      const ref = operation(r)?.requestBody?.content?.['application/json']?.schema?.$ref;
      expect({ key, ref }).toEqual({ key, ref: expect.stringMatching(/^#\/components\/schemas\//) });
      expect(doc.components?.schemas?.[ref!.split('/').pop()!]).toBeDefined();
    }
  });

  it('GET /api/docs serves the Swagger UI page, whose scripts and styles load', async () => {
    const res = await t.http().get('/api/docs');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.text).toContain('id="swagger-ui"');
    const assets = [
      ...res.text.matchAll(/<(?:script[^>]*\ssrc|link[^>]*rel="stylesheet"[^>]*\shref)="([^"]+)"/g),
    ].map((m) => new URL(m[1], 'http://localhost/api/docs').pathname);
    expect(assets.length).toBeGreaterThan(0);
    for (const asset of assets) {
      const r = await t.http().get(asset);
      expect({ asset, status: r.status }).toEqual({ asset, status: 200 });
    }
  });
});
