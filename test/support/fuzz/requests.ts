import fc from 'fast-check';
import type { Response } from 'supertest';
import type { TestApp } from '../app';
import { type Operation, type Schema, urlOf } from '../openapi';
import {
  HOSTILE_CONTENT_ENCODINGS,
  HOSTILE_CONTENT_TYPES,
  HOSTILE_IDEMPOTENCY_KEYS,
  HOSTILE_IDS,
  HOSTILE_IF_MATCH,
  HOSTILE_STRINGS,
  HOSTILE_VALUES,
} from './corpus';
import {
  EDGES,
  HOSTILE,
  type IdPool,
  type Mix,
  objectArb,
  queryValueArb,
  sometimes,
  VALID,
} from './schema-values';

/** One generated request: who sends it and what. */
export interface FuzzRequest {
  /** How far the request strays from the schemas (see Mode). */
  mode?: string;
  principal: string;
  method: string;
  url: string;
  headers: Record<string, string>;
  /** A value sent as JSON, or a body sent exactly as written. */
  body?: { json: unknown } | { raw: string | Buffer };
}

/** Real ids per kind of record, for path parameters (`/people/{id}` gets people, ...). */
export type PathIdPools = Record<string, readonly string[]>;

/**
 * A URL component, percent-encoded; a lone surrogate (which encodeURIComponent refuses) goes as the
 * bytes a careless client would send for it (its WTF-8 form), which is not UTF-8.
 */
export function encodeComponent(text: string): string {
  let out = '';
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (cp >= 0xd800 && cp <= 0xdfff) {
      out += [0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f)]
        .map((b) => `%${b.toString(16).toUpperCase()}`)
        .join('');
    } else out += encodeURIComponent(ch);
  }
  return out;
}

/** The records a path's `{id}` names: the segment before it (`people`, `cases`, `contacts`, ...). */
function poolFor(op: Operation, param: string, pools: PathIdPools): readonly string[] {
  const segments = op.path.split('/');
  const kind = segments[segments.indexOf(`{${param}}`) - 1];
  return pools[kind] ?? pools.any ?? [];
}

/**
 * How far a request strays: `valid` stays inside the schemas (so it reaches the business rules and the
 * database), `edges` tries their limits, `poison` is a valid request with one value from the corpus
 * (the one that gets past every other check), `hostile` brings wrong types, the corpus and bad headers
 * everywhere at once.
 */
type Mode = 'valid' | 'edges' | 'poison' | 'hostile';
const MIX: Record<Mode, Mix> = { valid: VALID, edges: EDGES, poison: VALID, hostile: HOSTILE };
const modeArb = fc.constantFrom<Mode>('valid', 'valid', 'edges', 'poison', 'poison', 'hostile');
const poisonArb = fc.oneof(fc.constantFrom(...HOSTILE_STRINGS), fc.constantFrom(...HOSTILE_VALUES));

/** Where a body can be poisoned: each field, and each field of its objects and of its arrays' first item. */
function fieldPaths(schema: Schema): string[][] {
  return Object.entries(schema.properties ?? {}).flatMap(([name, prop]) => {
    const inner = prop.type === 'array' ? prop.items : prop;
    const nested = Object.keys(inner?.properties ?? {}).map((sub) =>
      prop.type === 'array' ? [name, '0', sub] : [name, sub],
    );
    return [[name], ...nested];
  });
}

/** `value` with `path` set to `poison`, the objects and arrays on the way made when missing. */
function withPoison(value: unknown, path: string[], poison: unknown): unknown {
  const root = structuredClone(value ?? {}) as Record<string, unknown>;
  let at: Record<string, unknown> = root;
  path.slice(0, -1).forEach((key, i) => {
    const next = at[key];
    if (!next || typeof next !== 'object') at[key] = path[i + 1] === '0' ? [{}] : {};
    at = at[key] as Record<string, unknown>;
  });
  at[path[path.length - 1]] = poison;
  return root;
}

function pathValueArb(op: Operation, param: string, pools: PathIdPools, mode: Mode): fc.Arbitrary<string> {
  const real = poolFor(op, param, pools);
  const garbage = fc.constantFrom(...HOSTILE_IDS).map((h) => (h.raw ? h.value : encodeComponent(h.value)));
  return fc.oneof(
    { weight: 6, arbitrary: real.length ? fc.constantFrom(...real) : fc.uuid() },
    { weight: 1, arbitrary: fc.uuid() },
    {
      weight:
        mode === 'hostile' || (mode === 'poison' && !op.body && !op.parameters.some((p) => p.in === 'query'))
          ? 4
          : 0,
      arbitrary: garbage,
    },
  );
}

function queryArb(op: Operation, ids: IdPool, mode: Mode): fc.Arbitrary<string> {
  const params = op.parameters.filter((p) => p.in === 'query');
  // A cursor is opaque: only a page can give a valid one, so only the other modes make one up.
  const sent = mode === 'valid' || mode === 'poison' ? params.filter((p) => p.name !== 'cursor') : params;
  const pairs = sent.map((p) =>
    sometimes(queryValueArb(p.schema, ids, MIX[mode], p.name), p.required ? 95 : 35).map((v) =>
      v === null ? [] : [`${p.name}=${encodeComponent(v)}`],
    ),
  );
  // Now and then a parameter twice (Express then hands the app an array), or one no route knows.
  const extra = fc.oneof(
    params.length ? fc.constantFrom(...params.map((p) => `${p.name}=1&${p.name}=2`)) : fc.constant('a=1'),
    fc.constantFrom(
      'unknown=1',
      '__proto__=x',
      'constructor[prototype]=1',
      'limit[$gt]=0',
      '%zz=1',
      'a=%E0%A4%A',
    ),
    fc.constantFrom(...HOSTILE_STRINGS).map((s) => `${encodeComponent(s)}=${encodeComponent(s)}`),
  );
  const poisoned =
    mode === 'poison' && params.length && !op.body
      ? fc.tuple(fc.constantFrom(...params.map((p) => p.name)), fc.constantFrom(...HOSTILE_STRINGS))
      : fc.constant(null);
  return fc
    .tuple(fc.tuple(...pairs), sometimes(extra, mode === 'hostile' ? 30 : 0), poisoned)
    .map(([chosen, more, poison]) => {
      const valid = chosen.flat().filter((pair) => !poison || !pair.startsWith(`${poison[0]}=`));
      const bad = poison ? [`${poison[0]}=${encodeComponent(poison[1])}`] : [];
      return [...valid, ...bad, ...(more ? [more] : [])].join('&');
    });
}

function headersArb(op: Operation, mode: Mode): fc.Arbitrary<Record<string, string>> {
  const has = (name: string) => op.parameters.some((p) => p.in === 'header' && p.name === name);
  const hostile = mode === 'hostile';
  const version = fc.integer({ min: 1, max: 4 }).map((n) => `"${n}"`);
  return fc
    .record({
      'If-Match': has('If-Match')
        ? sometimes(hostile ? fc.oneof(version, fc.constantFrom(...HOSTILE_IF_MATCH)) : version, 85)
        : fc.constant(null),
      'Idempotency-Key': has('Idempotency-Key')
        ? sometimes(
            hostile ? fc.oneof(fc.uuid(), fc.constantFrom(...HOSTILE_IDEMPOTENCY_KEYS)) : fc.uuid(),
            50,
          )
        : fc.constant(null),
      'X-Refresh-Transport': has('X-Refresh-Transport')
        ? sometimes(fc.constantFrom('cookie', ...(hostile ? ['bogus'] : [])), 30)
        : fc.constant(null),
      Accept: sometimes(fc.constantFrom('text/csv', 'application/xml', '*/*', 'text/html'), hostile ? 20 : 0),
      'Content-Type':
        op.body && hostile ? sometimes(fc.constantFrom(...HOSTILE_CONTENT_TYPES), 10) : fc.constant(null),
      'Content-Encoding':
        op.body && hostile ? sometimes(fc.constantFrom(...HOSTILE_CONTENT_ENCODINGS), 10) : fc.constant(null),
    })
    .map(
      (h) => Object.fromEntries(Object.entries(h).filter(([, v]) => v !== null)) as Record<string, string>,
    );
}

function bodyArb(op: Operation, ids: IdPool, mode: Mode): fc.Arbitrary<unknown> {
  if (!op.body) return fc.constant(undefined);
  const object = objectArb(op.body, ids, MIX[mode]);
  const paths = fieldPaths(op.body);
  if (mode === 'poison' && paths.length) {
    return fc
      .tuple(object, fc.constantFrom(...paths), poisonArb)
      .map(([value, path, poison]) => withPoison(value, path, poison));
  }
  if (mode !== 'hostile') return object;
  // Now and then a JSON value of the wrong kind at the top.
  return fc.oneof(
    { weight: 10, arbitrary: object },
    { weight: 1, arbitrary: fc.constantFrom([], [{}], 'text', 1, null) },
  );
}

/** Requests for one operation, generated from its parameters and body schema in the document. */
export function requestArb(
  op: Operation,
  principals: readonly string[],
  ids: IdPool,
  pools: PathIdPools,
): fc.Arbitrary<FuzzRequest> {
  const pathParams = op.parameters.filter((p) => p.in === 'path').map((p) => p.name);
  return modeArb.chain((mode) =>
    fc
      .record({
        principal: fc.constantFrom(...principals),
        pathValues: fc.tuple(...pathParams.map((name) => pathValueArb(op, name, pools, mode))),
        query: queryArb(op, ids, mode),
        headers: headersArb(op, mode),
        body: bodyArb(op, ids, mode),
      })
      .map(({ principal, pathValues, query, headers, body }): FuzzRequest => ({
        mode,
        principal,
        method: op.method,
        url: urlOf(op, Object.fromEntries(pathParams.map((name, i) => [name, pathValues[i]])), query),
        headers,
        // With a Content-Type of its own, the JSON goes as written (send() would set application/json).
        body: !op.body
          ? undefined
          : 'Content-Type' in headers
            ? { raw: JSON.stringify(body) ?? '' }
            : { json: body },
      })),
  );
}

/** Sends one request as `auth` (an Authorization header, or none). */
export async function send(t: TestApp, req: FuzzRequest, auth: Record<string, string>): Promise<Response> {
  const agent = t.http() as unknown as Record<string, (url: string) => import('supertest').Test>;
  let call = agent[req.method.toLowerCase()](req.url).set(auth).set(req.headers);
  if (req.body && 'json' in req.body) {
    call = call.set('Content-Type', 'application/json').send(JSON.stringify(req.body.json) ?? 'null');
  } else if (req.body) {
    if (!req.headers['Content-Type']) call = call.set('Content-Type', 'application/json');
    call = call.send(req.body.raw);
  }
  return call;
}

/**
 * What every answer must be (API.md "Conventions"): never a 5xx; a 4xx in the error shape, with its
 * details when validation failed. Returns what is wrong, or undefined.
 */
export function contractProblem(res: Response): string | undefined {
  if (res.status >= 500) return `answered ${res.status} ${JSON.stringify(res.body)}`;
  if (res.status < 400) return undefined;
  const body = res.body as Record<string, unknown>;
  const shape =
    body &&
    body.statusCode === res.status &&
    typeof body.error === 'string' &&
    typeof body.code === 'string' &&
    typeof body.message === 'string' &&
    typeof body.requestId === 'string';
  if (!shape) return `answered ${res.status} without the error shape: ${res.text.slice(0, 300)}`;
  if (body.code === 'VALIDATION_FAILED') {
    const details = body.details as Record<string, unknown>[] | undefined;
    const ok =
      Array.isArray(details) &&
      details.length > 0 &&
      details.every(
        (d) => typeof d.field === 'string' && typeof d.code === 'string' && typeof d.message === 'string',
      );
    if (!ok) return `VALIDATION_FAILED without field details: ${JSON.stringify(body.details)}`;
  }
  return undefined;
}
