/**
 * What an attacker (or a broken client) puts where a value belongs (API.md "Conventions", Hostile
 * input). The fuzzer mixes these into every field, query and path parameter it generates; none may
 * cost more than a 4xx.
 */

const nested = (levels: number): unknown => {
  let value: unknown = 'bottom';
  for (let i = 0; i < levels; i++) value = i % 2 ? [value] : { a: value };
  return value;
};

export const HOSTILE_STRINGS: readonly string[] = [
  // SQL injection: the app only ever binds parameters, so each must be just text.
  "' OR 1=1 --",
  "'; DROP TABLE people; --",
  '" OR ""="',
  '1); SELECT pg_sleep(10); --',
  "%' OR '%'='",
  '%',
  '_',
  '\\',
  // Text PostgreSQL cannot store, or that is not Unicode at all.
  'a\u0000b',
  '\u0000',
  'x\ud800',
  '\udc00y',
  '\ud83d',
  // Display spoofing and invisible-only text.
  'Anong\u202Egnona',
  '\u2066Anong\u2069',
  '\u200B\u200C\u2060',
  '\uFEFF',
  '\uFFFE\uFFFF',
  // Unicode that is legitimate and must keep working (or be refused cleanly): combining marks, ZWJ
  // sequences, right-to-left scripts, emoji, Thai, Burmese and Khmer.
  'e\u0301\u0301\u0301\u0301',
  'Z\u0337\u0327\u031B\u0319a\u0337l\u0336g\u0338o',
  '👩‍👩‍👧‍👦',
  '🏳️‍🌈🇹🇭',
  'שלום עולם',
  'مرحبا بالعالم',
  'สมชาย ใจดี',
  'အောင်ဆန်းစုကြည်',
  'សុខ សាន្ត',
  '张伟',
  // Empty, blank, and huge.
  '',
  ' ',
  ' \t\n\r ',
  'x'.repeat(10_000),
  'ก'.repeat(4_000),
  // Impossible and out-of-range dates.
  '2023-02-30',
  '2023-02-30T00:00:00Z',
  '0000-01-01',
  '0000-01-01T00:00:00Z',
  '99999-01-01',
  '+099999-01-01T00:00:00Z',
  '-000001-01-01T00:00:00Z',
  '2023-13-01',
  '2023-11-01T25:61:61Z',
  '1969-12-31T23:59:59.999Z',
  '9999-12-31T23:59:59Z',
  // Things that look like other types.
  'null',
  'undefined',
  'true',
  'NaN',
  'Infinity',
  '-1',
  '1e308',
  '9'.repeat(40),
  '0x1F',
  '00000000-0000-0000-0000-000000000000',
  'FFFFFFFF-FFFF-FFFF-FFFF-FFFFFFFFFFFF',
  // Keys of JavaScript's object machinery, and other injection shapes.
  '__proto__',
  'constructor',
  '../../../etc/passwd',
  '<script>alert(1)</script>',
  '=HYPERLINK("http://x")',
  '${jndi:ldap://x/a}',
  '{{7*7}}',
];

export const HOSTILE_VALUES: readonly unknown[] = [
  // NoSQL operators where a string or number belongs.
  { $gt: '' },
  { $ne: null },
  { $where: 'sleep(1000)' },
  // Wrong types: arrays for strings, numbers as strings and the other way round, null.
  ['a', 'b'],
  [],
  [[[]]],
  {},
  null,
  0,
  -1,
  1.5,
  -0,
  1e308,
  -1e308,
  Number.MAX_SAFE_INTEGER + 2,
  true,
  false,
  '123',
  // Nesting within the limit (the body's own levels come on top: deeper ones must be 400 too).
  nested(28),
];

/** Path segments where an id belongs. `raw` ones are sent exactly as written (bad percent-encoding). */
export const HOSTILE_IDS: readonly { value: string; raw?: boolean }[] = [
  { value: 'not-a-uuid' },
  { value: '00000000-0000-0000-0000-000000000000' },
  { value: 'FFFFFFFF-FFFF-4FFF-BFFF-FFFFFFFFFFFF' },
  { value: '{6f1c2b9e-3d4a-4f5b-8c6d-7e8f9a0b1c2d}' },
  { value: '6f1c2b9e3d4a4f5b8c6d7e8f9a0b1c2d' },
  { value: "' OR 1=1 --" },
  { value: 'null' },
  { value: '..' },
  { value: 'a/b' },
  { value: 'x'.repeat(5_000) },
  { value: 'x\u0000' },
  { value: 'x\ud800' },
  { value: '%', raw: true },
  { value: '%zz', raw: true },
  { value: '%E0%A4%A', raw: true },
  { value: '%C0%AF', raw: true },
];

/** Header values (HTTP headers carry Latin-1 only: unicode tricks go in bodies and URLs). */
export const HOSTILE_IF_MATCH = [
  '*',
  'W/"1"',
  '"abc"',
  '"-1"',
  '""',
  '"1.5"',
  '1',
  '"99999999999999999999"',
  '"1", "2"',
  `"${'9'.repeat(500)}"`,
];
export const HOSTILE_IDEMPOTENCY_KEYS = ['', ' ', 'x'.repeat(256), 'x'.repeat(4_000), "' OR 1=1 --"];
export const HOSTILE_CONTENT_TYPES = [
  'application/json; charset=iso-8859-1',
  'application/json; charset=utf-16',
  'application/json; charset="UTF-8"',
  'application/json;charset=utf8',
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'application/json; charset',
  'application/merge-patch+json',
];
export const HOSTILE_CONTENT_ENCODINGS = [
  'gzip',
  'deflate',
  'br',
  'compress',
  'identity',
  'gzip, gzip',
  'x-bogus',
];
