import { API, createTestApp, type TestApp } from './support/app';
import { type DiscoveredRoute, discoverRoutes, routeKey, toOpenApiPath } from './support/routes';

interface Operation {
  operationId?: string;
  summary?: string;
  parameters?: { name: string; in: string; required?: boolean; schema?: { format?: string } }[];
  requestBody?: { content?: Record<string, { schema?: { $ref?: string } }> };
  responses?: Record<string, { content?: Record<string, { schema?: { $ref?: string } }> }>;
  security?: Record<string, string[]>[];
}

interface Schema {
  properties?: Record<string, { format?: string }>;
}

interface OpenApiDocument {
  openapi: string;
  info: { title: string; version: string };
  paths: Record<string, Record<string, Operation>>;
  components?: {
    schemas?: Record<string, Schema>;
    securitySchemes?: Record<string, { type: string; scheme?: string }>;
  };
}

const ERROR_SCHEMA = '#/components/schemas/ErrorView';

/** Error responses with a body of their own instead of the error shape. */
const NOT_ERROR_SHAPED = [`GET ${API}/health 503`];

/**
 * API.md "Time": fields ending in `At` are timestamps, `dateOfBirth` and `expiresAt` dates; ids are
 * UUIDs. The exceptions, with why.
 */
const EXPECTED_FORMATS = {
  dates: /^(dateOfBirth|expiresAt|rescuedFrom|rescuedTo)$/,
  /** Report and audit ranges; as body fields (`TransitionDto.to`) these names mean other things. */
  dateParameters: /^(from|to)$/,
  timestamps: /At$/,
  uuids: /^(id|.+Id)$/,
  exceptions: {
    'AuditEntryView.id': 'a position in the audit chain (bigint), not a UUID',
    'AuditEntryView.entityId': 'the id of any kind of record, UUID or not',
    'AuditEntryView.requestId': 'a caller may choose its own X-Request-Id',
    'AccessLogEntryView.requestId': 'a caller may choose its own X-Request-Id',
    'ErrorView.requestId': 'a caller may choose its own X-Request-Id',
    'AuditVerifyView.brokenAt': 'the id of the first broken audit entry, not a time',
    'GET /api/v1/audit entityId': 'the id of any kind of record, UUID or not',
  } as Record<string, string>,
};

function expectedFormat(name: string, isParameter: boolean): string | undefined {
  if (EXPECTED_FORMATS.dates.test(name)) return 'date';
  if (isParameter && EXPECTED_FORMATS.dateParameters.test(name)) return 'date';
  if (EXPECTED_FORMATS.timestamps.test(name)) return 'date-time';
  if (EXPECTED_FORMATS.uuids.test(name)) return 'uuid';
  return undefined;
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

  it('gives every operation a summary', () => {
    expect(routes.filter((r) => !operation(r)?.summary?.trim()).map(routeKey)).toEqual([]);
  });

  it('documents 401 and 403 with the error schema on every operation that needs a token', () => {
    const missing = routes
      .filter((r) => !r.isPublic)
      .flatMap((r) =>
        ['401', '403']
          .filter(
            (s) => operation(r)?.responses?.[s]?.content?.['application/json']?.schema?.$ref !== ERROR_SCHEMA,
          )
          .map((s) => `${routeKey(r)} ${s}`),
      );
    expect(missing).toEqual([]);
  });

  it('describes every error response with the error schema', () => {
    const wrong = operationsOf(doc).flatMap(({ key, op }) =>
      Object.entries(op.responses ?? {})
        .filter(([status]) => /^[45]\d\d$/.test(status))
        .filter(([status]) => !NOT_ERROR_SHAPED.includes(`${key} ${status}`))
        .filter(([, response]) => response.content?.['application/json']?.schema?.$ref !== ERROR_SCHEMA)
        .map(([status]) => `${key} ${status}`),
    );
    expect(wrong).toEqual([]);
  });

  it('gives dates, timestamps and ids their format in every schema and parameter', () => {
    const wrong: string[] = [];
    const check = (where: string, name: string, format: string | undefined, isParameter = false) => {
      const expected = expectedFormat(name, isParameter);
      if (expected && format !== expected && !EXPECTED_FORMATS.exceptions[where]) {
        wrong.push(`${where}: ${format ?? 'no format'}, expected ${expected}`);
      }
    };
    for (const [schemaName, schema] of Object.entries(doc.components?.schemas ?? {})) {
      for (const [name, property] of Object.entries(schema.properties ?? {})) {
        check(`${schemaName}.${name}`, name, property.format);
      }
    }
    for (const { key, op } of operationsOf(doc)) {
      for (const parameter of op.parameters ?? []) {
        if (parameter.in !== 'header')
          check(`${key} ${parameter.name}`, parameter.name, parameter.schema?.format, true);
      }
    }
    expect(wrong).toEqual([]);
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
