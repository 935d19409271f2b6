import type { INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { json, type NextFunction, type Request, type Response } from 'express';
import { Logger } from 'nestjs-pino';
import { RETRY_AFTER } from './common/api-docs';
import { answerClientErrorsInErrorShape } from './common/client-errors';
import { requestContextMiddleware } from './common/request-context';
import { ApiError } from './common/errors';
import { isTooDeep } from './common/hostile-input';
import { nestingTooDeep } from './common/validation';
import { AppConfig } from './config/app-config';
import { securityHeaders } from './web/content-security';
import { webAppPage } from './web/web-page';

export const API_PREFIX = 'api/v1';

const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH']);

function unsupportedMediaType(message: string): ApiError {
  return new ApiError(415, 'UNSUPPORTED_MEDIA_TYPE', message);
}

/**
 * The API reads JSON in UTF-8 only (RFC 8259 §8.1). A body of another type or charset is refused with
 * 415 before it is read: the JSON parser would skip it (and the request would fail validation for
 * reasons the caller cannot see) or decode it as something else.
 */
function jsonBodiesOnly(req: Request, _res: Response, next: NextFunction): void {
  const hasBody =
    req.headers['transfer-encoding'] !== undefined || Number(req.headers['content-length'] ?? 0) > 0;
  if (!BODY_METHODS.has(req.method) || !hasBody) return next();
  const [type, ...parameters] = (req.headers['content-type'] ?? '').split(';').map((p) => p.trim());
  if (type.toLowerCase() !== 'application/json') {
    return next(unsupportedMediaType('The request body must be application/json'));
  }
  const charset = parameters
    .map((p) => /^charset\s*=\s*"?([^";]*)"?$/i.exec(p)?.[1])
    .find((c) => c !== undefined)
    ?.toLowerCase();
  if (charset !== undefined && charset !== 'utf-8' && charset !== 'utf8') {
    return next(unsupportedMediaType(`The request body must be UTF-8 (charset=${charset} is not accepted)`));
  }
  next();
}

/** What the JSON parser refuses, in the contract's shape: a 4xx with a code, never a 500. */
function bodyParserErrors(
  err: { type?: string; status?: number; expose?: boolean },
  _req: Request,
  _res: Response,
  next: NextFunction,
): void {
  if (err?.type === 'entity.parse.failed')
    return next(new ApiError(400, 'MALFORMED_JSON', 'The request body is not valid JSON'));
  if (err?.type === 'entity.too.large')
    return next(new ApiError(413, 'PAYLOAD_TOO_LARGE', 'The request body is larger than 1 MiB'));
  if (err?.type === 'encoding.unsupported')
    return next(
      unsupportedMediaType('This Content-Encoding is not accepted: send gzip, deflate, br or none'),
    );
  if (err?.type === 'charset.unsupported')
    return next(unsupportedMediaType('The request body must be UTF-8'));
  // A compressed body that does not decompress, a body shorter than its Content-Length, ...
  if (err?.expose && err.status && err.status >= 400 && err.status < 500)
    return next(new ApiError(err.status, 'MALFORMED_BODY', 'The request body could not be read as sent'));
  next(err);
}

/**
 * A body nested deeper than any request of this API is refused as soon as it is parsed, before a
 * guard, pipe or library walks it (some recurse, and 10,000 levels overflow the stack).
 */
function shallowBodiesOnly(req: Request, _res: Response, next: NextFunction): void {
  next(isTooDeep(req.body) ? nestingTooDeep() : undefined);
}

/**
 * Answers from the API carry personal data or tokens, errors included (they may echo a field); no
 * browser, proxy or shared cache may keep any of them. Set once here for every API response, before
 * any handler or filter runs, so no route can forget it.
 */
function noStore(_req: Request, res: Response, next: NextFunction): void {
  res.setHeader('Cache-Control', 'no-store');
  next();
}

/** Create the app with `{ bodyParser: false }`. */
/** Everything about the HTTP app that is not a module: shared by main.ts and the e2e tests. */
export function setupApp(app: NestExpressApplication): void {
  const config = app.get(AppConfig);
  app.useLogger(app.get(Logger));
  app.set('trust proxy', config.trustProxy);
  app.disable('x-powered-by');
  answerClientErrorsInErrorShape(app.getHttpServer());
  app.use(requestContextMiddleware);
  app.use(securityHeaders());
  app.use(`/${API_PREFIX}`, noStore);
  // The web app's page at every client route (its files come from WebModule).
  app.use(webAppPage(config.webDir));
  // Our own JSON parser (the app is created with bodyParser: false) so that its errors reach the
  // error filter with their type: malformed JSON → 400 MALFORMED_JSON, over 1 MiB → 413, a body
  // that is not JSON in UTF-8 or an unknown Content-Encoding → 415.
  app.use(jsonBodiesOnly);
  app.use(json({ limit: '1mb' }));
  app.use(bodyParserErrors);
  app.use(shallowBodiesOnly);
  if (config.corsOrigins.length) {
    app.enableCors({ origin: config.corsOrigins, exposedHeaders: ['ETag', 'X-Request-Id', 'Retry-After'] });
  }
  app.setGlobalPrefix(API_PREFIX);
  // No enableShutdownHooks(): Nest's would close the database pool before the HTTP server, under the
  // requests in flight. main.ts stops the app in order (graceful-shutdown.ts).

  // Built on its first request, not at start-up, where it would cost more than half a second.
  SwaggerModule.setup('api/docs', app, () => buildOpenApiDocument(app), { jsonDocumentUrl: 'api/docs-json' });
}

/**
 * The OpenAPI document partners generate clients from: served at /api/docs-json and written by
 * `npm run lint:openapi` (src/cli/export-openapi.ts). Needs the global prefix set first.
 */
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const document = withUuidIds(
    SwaggerModule.createDocument(
      app,
      new DocumentBuilder()
        .setTitle('Safe Return API')
        .setDescription('Casework for people rescued from online-scam compounds. Contract: API.md.')
        .setVersion('1')
        // Relative: the API is on the host that serves this document, whatever the deployment.
        .addServer('/')
        .addBearerAuth()
        .build(),
    ),
  );
  return withDatabaseFaults(withBodyErrors(document));
}

/**
 * Every operation can answer 503 DATABASE_UNAVAILABLE (API.md "Faults"): said once here for all of
 * them, today's and tomorrow's. An operation that documents its own 503 (health) keeps it.
 */
function withDatabaseFaults(document: OpenAPIObject): OpenAPIObject {
  for (const item of Object.values(document.paths)) {
    for (const operation of Object.values(item) as { responses?: Record<string, unknown> }[]) {
      if (!operation?.responses || operation.responses[503]) continue;
      operation.responses = {
        ...operation.responses,
        503: {
          description:
            'The database is down or did not answer within `DATABASE_TIMEOUT_MS` (`DATABASE_UNAVAILABLE`); try again after `Retry-After` seconds',
          headers: RETRY_AFTER,
          content: { 'application/json': { schema: { $ref: '#/components/schemas/ErrorView' } } },
        },
      };
    }
  }
  return document;
}

/**
 * Every operation that takes a body can answer 413 (the JSON parser's limit) and 415 (jsonBodiesOnly):
 * said once here for all of them, today's and tomorrow's, rather than on each handler.
 */
function withBodyErrors(document: OpenAPIObject): OpenAPIObject {
  for (const item of Object.values(document.paths)) {
    for (const operation of Object.values(item) as { requestBody?: unknown; responses?: object }[]) {
      if (!operation?.requestBody || !operation.responses) continue;
      operation.responses = {
        ...operation.responses,
        413: {
          description: 'Body over 1 MiB',
          content: { 'application/json': { schema: { $ref: '#/components/schemas/ErrorView' } } },
        },
        415: {
          description: 'The body is not JSON in UTF-8, or its Content-Encoding is not accepted',
          content: { 'application/json': { schema: { $ref: '#/components/schemas/ErrorView' } } },
        },
      };
    }
  }
  return document;
}

/**
 * Every `:id` in a path is a UUID (UuidParamPipe refuses anything else with a 400): said once here
 * for every route, today's and tomorrow's, rather than on each handler.
 */
function withUuidIds(document: OpenAPIObject): OpenAPIObject {
  for (const item of Object.values(document.paths)) {
    for (const operation of Object.values(item) as { parameters?: unknown[] }[]) {
      for (const p of (operation?.parameters ?? []) as { in?: string; name?: string; schema?: object }[]) {
        if (p.in === 'path' && p.name === 'id') p.schema = { ...p.schema, type: 'string', format: 'uuid' };
      }
    }
  }
  return document;
}
