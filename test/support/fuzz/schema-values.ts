import fc from 'fast-check';
import type { Schema } from '../openapi';
import { HOSTILE_STRINGS, HOSTILE_VALUES } from './corpus';

/** Real ids the generated values may point at, so that valid-looking requests reach real records. */
export interface IdPool {
  /** Any record's id, for uuid fields of bodies and queries. */
  any: readonly string[];
}

/** How much of each kind a value is drawn from: what the schema allows, its edges, wrong types, the corpus. */
export interface Mix {
  valid: number;
  boundary: number;
  wrongType: number;
  hostile: number;
}

/** Values the schema allows, so that requests get past validation and deeper code runs. */
export const VALID: Mix = { valid: 1, boundary: 0, wrongType: 0, hostile: 0 };
/** Values at the schema's edges, on both sides. */
export const EDGES: Mix = { valid: 3, boundary: 2, wrongType: 0, hostile: 0 };
/** Everything: allowed values, edges, wrong types and the hostile corpus. */
export const HOSTILE: Mix = { valid: 6, boundary: 2, wrongType: 2, hostile: 3 };

/** `arb`'s value `percent` of the time, else null. */
export const sometimes = <T>(arb: fc.Arbitrary<T>, percent: number): fc.Arbitrary<T | null> =>
  fc.oneof({ weight: percent, arbitrary: arb }, { weight: 100 - percent, arbitrary: fc.constant(null) });

const hostileString = fc.constantFrom(...HOSTILE_STRINGS);
const wrongType = fc.constantFrom(...HOSTILE_VALUES);
const hostile = fc.oneof(hostileString, wrongType);

const CODES = ['THA', 'PHL', 'MMR', 'SGP', 'CHN', 'KHM', 'XXA', 'XXX'];
// Fixed ends (not "now"), so that a seed generates the same requests on any day.
const dateArb = fc.date({ min: new Date('1940-01-01'), max: new Date('2025-12-31'), noInvalidDate: true });
const futureArb = fc.date({
  min: new Date('2090-01-01'),
  max: new Date('2099-12-31'),
  noInvalidDate: true,
});
/** Events the product records happened from 1990 on (the API refuses earlier timestamps). */
const timeArb = fc.date({
  min: new Date('1990-01-01'),
  max: new Date('2025-12-31'),
  noInvalidDate: true,
});

const BOUNDARY_DATES = ['0001-01-01', '1900-01-01', '2000-02-29', '2023-02-28', '9999-12-31', '2100-01-01'];
const BOUNDARY_DATE_TIMES = [
  '0001-01-01T00:00:00Z',
  '1970-01-01T00:00:00.000Z',
  '2023-11-19T23:59:59.999Z',
  '2023-11-19T07:00:00+07:00',
  '2023-11-19T00:00:00',
  '9999-12-31T23:59:59Z',
  '2100-01-01T00:00:00Z',
];

/** Text as people write it, in the scripts the product serves (synthetic names only). */
const WORDS = [
  'Anong',
  'Somchai Jaidee',
  'Maria Santos',
  'Aung Kyaw',
  'Li Wei',
  'Nguyen Van An',
  'สมชาย',
  'အောင်ကျော်',
  '张伟',
  'Sok Dara',
];

/** Hints from a field's name where the document says only "string" (the DTO checks more). */
const CODE_FIELD = /country|nationalit|accredited/i;
const HINTS: { field: RegExp; values: string[] }[] = [
  { field: /phone/i, values: ['+66 2 123 4567', '02-123-4567 ext 12', '+63 (2) 8123 4567'] },
  { field: /languages/i, values: ['th', 'my', 'zh-Hans', 'en', 'km', 'fil'] },
  { field: /^assignedTo$/, values: ['me', 'none'] },
];

function stringArb(schema: Schema, ids: IdPool, mix: Mix, field: string): fc.Arbitrary<unknown> {
  if (schema.enum?.length) {
    const values = schema.enum as string[];
    return weighted(
      mix,
      fc.constantFrom(...values),
      fc.constantFrom('', ...values.map((v) => `${v} `.toUpperCase())),
    );
  }
  switch (schema.format) {
    case 'uuid':
      return weighted(
        mix,
        ids.any.length ? fc.oneof(fc.constantFrom(...ids.any), fc.uuid()) : fc.uuid(),
        fc.uuid(),
      );
    case 'date': {
      // A document's expiry lies ahead; every other day the API takes (births, report ranges) behind.
      const days = /expires/i.test(field) ? futureArb : dateArb;
      return weighted(
        mix,
        days.map((d) => d.toISOString().slice(0, 10)),
        fc.constantFrom(...BOUNDARY_DATES),
      );
    }
    case 'date-time':
      return weighted(
        mix,
        timeArb.map((d) => d.toISOString()),
        fc.constantFrom(...BOUNDARY_DATE_TIMES),
      );
    case 'email':
      return weighted(
        mix,
        fc.stringMatching(/^[a-z]{1,10}\.[a-z]{1,10}@example\.org$/),
        fc.constantFrom('a@b', '@example.org', 'a@@b.org', `${'a'.repeat(250)}@b.org`, 'A@EXAMPLE.ORG'),
      );
  }
  if (schema.pattern === '^[A-Z]{3}$' || (!schema.pattern && CODE_FIELD.test(field))) {
    return weighted(mix, fc.constantFrom(...CODES), fc.constantFrom('ZZZ', 'tha', 'TH', 'THAI', 'T1A'));
  }
  const hint = HINTS.find((h) => h.field.test(field));
  if (hint && !schema.pattern)
    return weighted(mix, fc.constantFrom(...hint.values), fc.constantFrom('x', '+'));
  if (schema.format === 'password') {
    return weighted(
      mix,
      fc.stringMatching(/^[A-Za-z0-9]{6}[A-Za-z0-9 -]{6,40}$/),
      fc.constantFrom('short', ' '.repeat(12)),
    );
  }
  const min = schema.minLength ?? 0;
  const max = schema.maxLength ?? 300;
  const fits = (text: string) => text.length >= min && text.length <= max;
  const valid = schema.pattern
    ? fc.stringMatching(new RegExp(schema.pattern)).filter(fits)
    : fc
        .oneof(
          fc.constantFrom(...WORDS),
          fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9 .,'-]{0,38}[A-Za-z0-9]$/),
          fc.string({ unit: 'grapheme', minLength: 1, maxLength: 20 }),
        )
        .filter(fits);
  const lengths = [min, max, max + 1, Math.max(min - 1, 0)];
  const edges = fc.oneof(
    fc.constantFrom(...lengths).map((n) => 'ก'.repeat(n)),
    fc.string({ unit: 'binary', minLength: Math.max(min, 1), maxLength: Math.min(max, 20) }),
  );
  return weighted(mix, valid, edges);
}

/** Counts (a page's `limit`) are whole numbers, though the document says only "number". */
const WHOLE_NUMBER_FIELD = /^limit$/;

function numberArb(schema: Schema, mix: Mix, field: string): fc.Arbitrary<unknown> {
  const min = schema.minimum ?? -1e6;
  const max = schema.maximum ?? 1e6;
  const whole = fc.integer({ min: Math.ceil(min), max: Math.floor(max) });
  return weighted(
    mix,
    WHOLE_NUMBER_FIELD.test(field) ? whole : fc.oneof(whole, fc.double({ min, max, noNaN: true })),
    fc.constantFrom(min, max, min - 1, max + 1, min - 0.001, max + 0.5, 0),
  );
}

function arrayArb(
  schema: Schema,
  ids: IdPool,
  mix: Mix,
  depth: number,
  field: string,
): fc.Arbitrary<unknown> {
  const item = valueArb(schema.items ?? {}, ids, mix, depth + 1, field);
  const min = schema.minItems ?? 0;
  const max = schema.maxItems ?? 50;
  const edges = fc.constantFrom(0, min, max + 1).chain((n) => fc.array(item, { minLength: n, maxLength: n }));
  const maxLength = Math.min(max, Math.max(min, 3));
  const valid = schema.uniqueItems
    ? fc.uniqueArray(item, { minLength: min, maxLength, selector: (v) => JSON.stringify(v) })
    : fc.array(item, { minLength: min, maxLength });
  return weighted(mix, valid, edges);
}

/** An object of the schema's properties: required ones nearly always, optional ones now and then. */
export function objectArb(
  schema: Schema,
  ids: IdPool,
  mix: Mix,
  depth = 0,
): fc.Arbitrary<Record<string, unknown>> {
  const properties = schema.properties ?? {};
  const model = Object.fromEntries(
    Object.entries(properties).map(([name, prop]) => [name, valueArb(prop, ids, mix, depth + 1, name)]),
  );
  const required = (schema.required ?? []).filter((k) => k in properties);
  const record = fc.record(model, { requiredKeys: required });
  if (!mix.wrongType && !mix.hostile) return record;
  // Now and then a required field goes missing, or a field no DTO has comes along.
  return fc
    .tuple(
      record,
      sometimes(fc.constantFrom(...(required.length ? required : ['-'])), 10),
      sometimes(
        fc.tuple(
          fc.constantFrom('unexpected', 'constructor', 'prototype', '$where', 'id', 'version'),
          hostile,
        ),
        15,
      ),
    )
    .map(([value, drop, extra]) => {
      const out: Record<string, unknown> = { ...value };
      if (drop) delete out[drop];
      if (extra) Object.defineProperty(out, extra[0], { value: extra[1], enumerable: true, writable: true });
      return out;
    });
}

/** A value for one schema, drawn from the mix (the edges and the corpus included). */
export function valueArb(
  schema: Schema,
  ids: IdPool,
  mix: Mix,
  depth = 0,
  field = '',
): fc.Arbitrary<unknown> {
  const nullable = schema.nullable ? [fc.constant(null)] : [];
  let own: fc.Arbitrary<unknown>;
  switch (schema.type) {
    case 'string':
      own = stringArb(schema, ids, mix, field);
      break;
    case 'number':
    case 'integer':
      own = numberArb(schema, mix, field);
      break;
    case 'boolean':
      own = schema.enum ? fc.constantFrom(...(schema.enum as boolean[])) : fc.boolean();
      break;
    case 'array':
      own = arrayArb(schema, ids, mix, depth, field);
      break;
    default:
      own = depth > 4 ? fc.constant({}) : objectArb(schema, ids, mix, depth);
  }
  const arbitraries = [
    { weight: mix.valid + mix.boundary, arbitrary: fc.oneof(own, ...nullable) },
    ...(mix.wrongType ? [{ weight: mix.wrongType, arbitrary: wrongType }] : []),
    ...(mix.hostile ? [{ weight: mix.hostile, arbitrary: hostileString }] : []),
  ];
  return fc.oneof(...arbitraries);
}

/** A value the schema allows, or one at its edges, in the mix's proportion. */
function weighted(
  mix: Mix,
  valid: fc.Arbitrary<unknown>,
  boundary: fc.Arbitrary<unknown>,
): fc.Arbitrary<unknown> {
  if (!mix.boundary) return valid;
  return fc.oneof({ weight: mix.valid, arbitrary: valid }, { weight: mix.boundary, arbitrary: boundary });
}

/** A query parameter's value as it travels: text (arrays comma-separated), or the corpus. */
export function queryValueArb(schema: Schema, ids: IdPool, mix: Mix, field = ''): fc.Arbitrary<string> {
  const asText = (v: unknown): string =>
    Array.isArray(v) ? v.map(asText).join(',') : typeof v === 'string' ? v : (JSON.stringify(v) ?? '');
  const own = valueArb(schema, ids, { ...mix, wrongType: 0, hostile: 0 }, 0, field).map(asText);
  if (!mix.hostile) return own;
  return fc.oneof(
    { weight: mix.valid + mix.boundary, arbitrary: own },
    { weight: mix.hostile + mix.wrongType, arbitrary: fc.oneof(hostileString, wrongType.map(asText)) },
  );
}
