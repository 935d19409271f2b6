import { gzipSync } from 'node:zlib';

/** One body-level attack, sent exactly as written to every operation that takes a body. */
export interface BodyAttack {
  name: string;
  headers: Record<string, string>;
  raw: string | Buffer;
}

const deep = (levels: number) => '{"a":'.repeat(levels) + '1' + '}'.repeat(levels);
const deepArrays = (levels: number) => '['.repeat(levels) + ']'.repeat(levels);
const JSON_TYPE = { 'Content-Type': 'application/json' };

/**
 * What cannot be said in a generated value: the body's bytes, their encoding, keys that JSON.stringify
 * would never write. Each must be a 4xx in the error shape on every body route.
 */
export const BODY_ATTACKS: readonly BodyAttack[] = [
  { name: 'an object nested 10,000 deep', headers: JSON_TYPE, raw: deep(10_000) },
  { name: 'arrays nested 33 deep', headers: JSON_TYPE, raw: deepArrays(33) },
  { name: 'a __proto__ key', headers: JSON_TYPE, raw: '{"__proto__":{"polluted":true}}' },
  {
    name: 'a constructor.prototype key',
    headers: JSON_TYPE,
    raw: '{"constructor":{"prototype":{"polluted":true}}}',
  },
  { name: 'a nested __proto__ key', headers: JSON_TYPE, raw: '{"people":[{"__proto__":{"polluted":true}}]}' },
  { name: 'a NUL in a key', headers: JSON_TYPE, raw: '{"a\\u0000b":1}' },
  { name: 'a lone surrogate in a key', headers: JSON_TYPE, raw: '{"\\ud800":1}' },
  { name: 'duplicate keys', headers: JSON_TYPE, raw: '{"note":"a","note":{"$gt":""}}' },
  { name: 'malformed JSON', headers: JSON_TYPE, raw: '{"a":' },
  {
    name: 'invalid UTF-8 bytes',
    headers: JSON_TYPE,
    raw: Buffer.from([0x7b, 0x22, 0xc3, 0x28, 0x22, 0x3a, 0x31, 0x7d]),
  },
  { name: 'a body over 1 MiB', headers: JSON_TYPE, raw: `{"note":"${'a'.repeat(1_100_000)}"}` },
  {
    name: 'a Latin-1 charset',
    headers: { 'Content-Type': 'application/json; charset=iso-8859-1' },
    raw: '{}',
  },
  { name: 'a UTF-16 charset', headers: { 'Content-Type': 'application/json; charset=utf-16' }, raw: '{}' },
  { name: 'text/plain', headers: { 'Content-Type': 'text/plain' }, raw: '{}' },
  { name: 'form encoding', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, raw: 'a=1&b=2' },
  {
    name: 'an unknown Content-Encoding',
    headers: { ...JSON_TYPE, 'Content-Encoding': 'compress' },
    raw: '{}',
  },
  {
    name: 'gzip that is not gzip',
    headers: { ...JSON_TYPE, 'Content-Encoding': 'gzip' },
    raw: 'not gzip at all',
  },
  {
    name: 'a gzip bomb (small on the wire, over 1 MiB inflated)',
    headers: { ...JSON_TYPE, 'Content-Encoding': 'gzip' },
    raw: gzipSync(`{"note":"${'a'.repeat(5_000_000)}"}`),
  },
  {
    name: 'a truncated gzip body',
    headers: { ...JSON_TYPE, 'Content-Encoding': 'gzip' },
    raw: gzipSync('{"a":1}').subarray(0, 12),
  },
];

/** Request-level attacks every operation gets, with or without a body. */
export const HEADER_ATTACKS: readonly { name: string; headers: Record<string, string> }[] = [
  { name: 'headers over the size limit', headers: { 'X-Padding': 'x'.repeat(40_000) } },
  { name: 'a garbage If-Match', headers: { 'If-Match': '"1"garbage' } },
  { name: 'an Idempotency-Key of 256 characters', headers: { 'Idempotency-Key': 'k'.repeat(256) } },
  { name: 'an Accept the API does not produce', headers: { Accept: 'application/xml' } },
];
