import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LANGUAGES } from './languages';

type Catalogue = { [key: string]: string | Catalogue };
const dir = join(__dirname, 'locales');
const load = (code: string) => JSON.parse(readFileSync(join(dir, `${code}.json`), 'utf8')) as Catalogue;

/** Every message of a catalogue, by its dotted key. */
function flatten(catalogue: Catalogue, prefix = ''): Record<string, string> {
  return Object.entries(catalogue).reduce<Record<string, string>>((out, [key, value]) => {
    const path = prefix ? `${prefix}.${key}` : key;
    return typeof value === 'string' ? { ...out, [path]: value } : { ...out, ...flatten(value, path) };
  }, {});
}
const placeholders = (message: string) =>
  [...message.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();

const en = flatten(load('en'));

describe('message catalogues', () => {
  it('has a file for every language the switcher offers, and nothing else', () => {
    const files = readdirSync(dir).map((f) => f.replace(/\.json$/, ''));
    expect(files.sort()).toEqual(LANGUAGES.map((l) => l.code).sort());
  });

  for (const { code } of LANGUAGES.filter((l) => l.status === 'complete')) {
    it(`${code}: the same keys as English, none empty, the same placeholders`, () => {
      const messages = flatten(load(code));
      expect(Object.keys(messages).sort()).toEqual(Object.keys(en).sort());
      for (const [key, message] of Object.entries(messages)) {
        expect(message.trim(), key).not.toBe('');
        expect(placeholders(message), key).toEqual(placeholders(en[key]));
      }
    });
  }

  for (const { code } of LANGUAGES.filter((l) => l.status === 'ready')) {
    it(`${code}: ready for translators: only English's keys, none empty, the same placeholders`, () => {
      const messages = flatten(load(code));
      for (const [key, message] of Object.entries(messages)) {
        expect(en, `${code} has a key English lacks`).toHaveProperty([key]);
        expect(message.trim(), key).not.toBe('');
        expect(placeholders(message), key).toEqual(placeholders(en[key]));
      }
    });
  }
});
