import { API, type TestApp } from './app';

/** The slice of JSON Schema the app's OpenAPI document uses (Swagger's output of the DTOs). */
export interface Schema {
  $ref?: string;
  allOf?: Schema[];
  type?: string;
  format?: string;
  enum?: unknown[];
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
  uniqueItems?: boolean;
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  nullable?: boolean;
}

export interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header';
  required?: boolean;
  schema: Schema;
}

/** One operation of the document, as the fuzzer and the authorization matrix walk it. */
export interface Operation {
  /** `GET /people/{id}`: the method and the path without the API prefix, as API.md spells routes. */
  key: string;
  method: string;
  /** The document's path, prefix included: `/api/v1/people/{id}`. */
  path: string;
  parameters: Parameter[];
  /** The request body's schema with every `$ref` and `allOf` resolved; undefined when it takes none. */
  body?: Schema;
}

interface OpenApiDocument {
  paths: Record<string, Record<string, { parameters?: Parameter[]; requestBody?: RequestBody }>>;
  components: { schemas: Record<string, Schema> };
}

interface RequestBody {
  content: Record<string, { schema: Schema }>;
}

/** `$ref`s and `allOf`s replaced by what they point to (the DTOs hold no cycles). */
function resolve(doc: OpenApiDocument, schema: Schema): Schema {
  if (schema.$ref) {
    const name = schema.$ref.replace('#/components/schemas/', '');
    return resolve(doc, doc.components.schemas[name]);
  }
  if (schema.allOf) {
    const { allOf, ...rest } = schema;
    return allOf.reduce<Schema>((merged, part) => ({ ...merged, ...resolve(doc, part) }), rest);
  }
  const out: Schema = { ...schema };
  if (schema.items) out.items = resolve(doc, schema.items);
  if (schema.properties) {
    out.properties = Object.fromEntries(
      Object.entries(schema.properties).map(([k, v]) => [k, resolve(doc, v)]),
    );
  }
  return out;
}

/**
 * Every operation of the OpenAPI document the app itself serves (`/api/docs-json`): the list the
 * fuzzer and the authorization matrix walk, so an operation added tomorrow is covered tomorrow.
 */
export async function loadOperations(t: TestApp): Promise<Operation[]> {
  const res = await t.http().get('/api/docs-json');
  if (res.status !== 200) throw new Error(`the OpenAPI document did not load: ${res.status}`);
  const doc = res.body as OpenApiDocument;
  const operations: Operation[] = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(item)) {
      const body = op.requestBody?.content['application/json']?.schema;
      operations.push({
        key: `${method.toUpperCase()} ${path.startsWith(API) ? path.slice(API.length) : path}`,
        method: method.toUpperCase(),
        path,
        parameters: (op.parameters ?? []).map((p) => ({ ...p, schema: resolve(doc, p.schema ?? {}) })),
        body: body ? resolve(doc, body) : undefined,
      });
    }
  }
  return operations.sort((a, b) => a.key.localeCompare(b.key));
}

/** The concrete URL of an operation: each `{name}` replaced by its (already encoded) value. */
export function urlOf(op: Operation, pathValues: Record<string, string>, query = ''): string {
  const path = op.path.replace(/\{([^}]+)\}/g, (_m, name: string) => pathValues[name]);
  return query ? `${path}?${query}` : path;
}
