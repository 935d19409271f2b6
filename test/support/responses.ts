import { appendFileSync, existsSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { NextFunction, Request, Response } from 'express';
import { toOpenApiPath } from './routes';

/**
 * Every response the e2e app sends is noted (method, route, status) in the run's folder; after the
 * run, globalTeardown checks each against the OpenAPI document the app built, so a status the app
 * really sends but the document does not list fails the run (the document is what partners
 * generate clients from).
 */
export interface ObservedResponse {
  method: string;
  /** The Express route pattern that answered (`/api/v1/users/:id`); absent when no route did. */
  route?: string;
  /** The URL path, to place an answer given before routing (body over 1 MiB, malformed JSON). */
  path: string;
  status: number;
}

interface OpenApiDocument {
  paths: Record<string, Record<string, { responses?: Record<string, unknown> }>>;
}

const DOCUMENT_FILE = 'openapi.json';
const seen = new Set<string>();

/** Express middleware noting each response once per worker, in this worker's file. */
export function recordResponses(dir: string) {
  const file = join(dir, `responses-${process.env.JEST_WORKER_ID ?? '1'}-${process.pid}.jsonl`);
  return (req: Request, res: Response, next: NextFunction): void => {
    res.on('finish', () => {
      const route = (req.route as { path?: unknown } | undefined)?.path;
      const observed: ObservedResponse = {
        method: req.method,
        route: typeof route === 'string' ? route : undefined,
        path: req.originalUrl.split('?')[0],
        status: res.statusCode,
      };
      const key = `${observed.method} ${observed.route ?? observed.path} ${observed.status}`;
      if (seen.has(key)) return;
      seen.add(key);
      appendFileSync(file, `${JSON.stringify(observed)}\n`);
    });
    next();
  };
}

/** The document the e2e app serves, kept once per run for the check (written atomically). */
export function saveDocument(dir: string, build: () => object): void {
  const file = join(dir, DOCUMENT_FILE);
  if (existsSync(file)) return;
  const partial = `${file}.${process.pid}`;
  writeFileSync(partial, JSON.stringify(build()));
  renameSync(partial, file);
}

/** The operation of the document that a URL path (no route matched) belongs to, literal segments first. */
function operationPathOf(doc: OpenApiDocument, path: string): string | undefined {
  const candidates = Object.keys(doc.paths).filter((template) =>
    new RegExp(`^${template.replace(/\{[^}/]+\}/g, '[^/]+')}$`).test(path),
  );
  const literals = (t: string) => t.split('/').filter((s) => s && !s.startsWith('{')).length;
  return candidates.sort((a, b) => literals(b) - literals(a))[0];
}

/**
 * `METHOD /path status` of every response noted in `dir` that the document does not list; undefined
 * when no e2e app ran (nothing to check).
 */
export function undocumentedResponses(dir: string): string[] | undefined {
  const docFile = join(dir, DOCUMENT_FILE);
  if (!existsSync(docFile)) return undefined;
  const doc = JSON.parse(readFileSync(docFile, 'utf8')) as OpenApiDocument;
  const missing = new Set<string>();
  for (const name of readdirSync(dir).filter((f) => f.endsWith('.jsonl'))) {
    const lines = readFileSync(join(dir, name), 'utf8').split('\n').filter(Boolean);
    for (const observed of lines.map((l) => JSON.parse(l) as ObservedResponse)) {
      const path = observed.route ? toOpenApiPath(observed.route) : operationPathOf(doc, observed.path);
      // Not an operation of the API (Swagger UI, an unknown URL): nothing to document.
      if (!path || !doc.paths[path]) continue;
      const operation = doc.paths[path][observed.method.toLowerCase()];
      if (!operation) {
        // An answer before routing to a method the path does not have (e.g. 404 for PUT) is not
        // an operation's; a route that answered but is missing from the document is.
        if (observed.route) missing.add(`${observed.method} ${path} (no such operation in the document)`);
        continue;
      }
      if (!operation.responses?.[String(observed.status)]) {
        missing.add(`${observed.method} ${path} ${observed.status}`);
      }
    }
  }
  return [...missing].sort();
}
