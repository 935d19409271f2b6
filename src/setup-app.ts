import type { INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { json, type NextFunction, type Request, type Response } from 'express';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import { requestContextMiddleware } from './common/request-context';
import { ApiError } from './common/errors';
import { AppConfig } from './config/app-config';

export const API_PREFIX = 'api/v1';

function bodyParserErrors(err: { type?: string }, _req: Request, _res: Response, next: NextFunction): void {
  if (err?.type === 'entity.parse.failed')
    return next(new ApiError(400, 'MALFORMED_JSON', 'The request body is not valid JSON'));
  if (err?.type === 'entity.too.large')
    return next(new ApiError(413, 'PAYLOAD_TOO_LARGE', 'The request body is larger than 1 MiB'));
  next(err);
}

/** Create the app with `{ bodyParser: false }`. */
/** Everything about the HTTP app that is not a module: shared by main.ts and the e2e tests. */
export function setupApp(app: NestExpressApplication): void {
  const config = app.get(AppConfig);
  app.useLogger(app.get(Logger));
  app.set('trust proxy', config.trustProxy);
  app.disable('x-powered-by');
  app.use(requestContextMiddleware);
  app.use(helmet());
  // Our own JSON parser (the app is created with bodyParser: false) so that its errors reach the
  // error filter with their type: malformed JSON → 400 MALFORMED_JSON, over 1 MiB → 413.
  app.use(json({ limit: '1mb' }));
  app.use(bodyParserErrors);
  if (config.corsOrigins.length) {
    app.enableCors({ origin: config.corsOrigins, exposedHeaders: ['ETag', 'X-Request-Id', 'Retry-After'] });
  }
  app.setGlobalPrefix(API_PREFIX);
  app.enableShutdownHooks();

  SwaggerModule.setup('api/docs', app, buildOpenApiDocument(app), { jsonDocumentUrl: 'api/docs-json' });
}

/**
 * The OpenAPI document partners generate clients from: served at /api/docs-json and written by
 * `npm run lint:openapi` (src/cli/export-openapi.ts). Needs the global prefix set first.
 */
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  return withUuidIds(
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
