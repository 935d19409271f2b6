import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { foldName, skeleton } from '../duplicates/name-key';
import { romaniseWord } from './romanise';

/** Rows of a fixture CSV (no quoted commas in these files), header dropped. */
const fixture = (name: string) =>
  readFileSync(join(__dirname, '../../../test/fixtures', name), 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => line.split(','));

/** The search finds a passport spelling from a reading when they are equal or share a skeleton. */
const found = (readings: string[], latin: string) =>
  readings.some(
    (r) =>
      foldName(r) === foldName(latin) || skeleton(r).replace(/ /g, '') === skeleton(latin).replace(/ /g, ''),
  );

describe('romaniseWord', () => {
  it('reads Chinese names as Hanyu Pinyin in the passport form: surname, then the given name in one word', () => {
    const names = fixture('chinese-names.csv');
    expect(names.length).toBeGreaterThanOrEqual(30);
    const missed = names.filter(
      ([native, latin]) => !romaniseWord(native).some((r) => foldName(r) === foldName(latin)),
    );
    expect(missed).toEqual([]);
    expect(romaniseWord('张伟')).toContain('zhang wei');
    expect(romaniseWord('王小明')).toEqual(expect.arrayContaining(['wang xiao ming', 'wang xiaoming']));
  });

  it('reads a polyphonic surname character as a surname (曾 Zeng, 单 Shan)', () => {
    expect(romaniseWord('曾志伟')).toContain('zeng zhiwei');
    expect(romaniseWord('单田芳')).toContain('shan tianfang');
  });

  it('gives every Thai word a Latin reading', () => {
    for (const [thai] of fixture('thai-names.csv'))
      expect(romaniseWord(thai)).toEqual([expect.stringMatching(/^[a-z ]+$/)]);
    expect(romaniseWord('สมชาย')).toEqual(['somchai']);
  });

  /**
   * The Thai romaniser against 194 passport spellings of real Thai names (test/fixtures/thai-names.csv).
   * Measured: 48 of 194 (24.7 %) found, 26 by the exact spelling and 22 through the skeleton; the
   * other npm romanisers that install here did worse (any-ascii 27, transliteration and unidecode 21).
   * Passport spellings are often not RTGS at all (Vejjajiva, Tinsulanonda, Supaporn): no phonetic
   * romaniser reaches them. The floor keeps a regression (or a better library) from going unnoticed.
   */
  it('meets the passport spellings of Thai names at the measured rate', () => {
    const names = fixture('thai-names.csv');
    expect(names.length).toBeGreaterThanOrEqual(100);
    const exact = names.filter(([thai, latin]) =>
      romaniseWord(thai).some((r) => foldName(r) === foldName(latin)),
    );
    const hits = names.filter(([thai, latin]) => found(romaniseWord(thai), latin));
    expect(exact.length).toBeGreaterThanOrEqual(26);
    expect(hits.length).toBeGreaterThanOrEqual(48);
    for (const [thai, latin] of [
      ['สมชาย', 'Somchai'],
      ['ใจดี', 'Jaidee'],
      ['ทักษิณ', 'Thaksin'],
      ['ศรีสุข', 'Srisuk'],
      ['ทองคำ', 'Thongkham'],
    ]) {
      expect({ thai, found: found(romaniseWord(thai), latin) }).toEqual({ thai, found: true });
    }
  });

  it('leaves Latin and other scripts alone', () => {
    expect(romaniseWord('Somchai')).toEqual([]);
    expect(romaniseWord('ထွန်းထွန်း')).toEqual([]);
    expect(romaniseWord('')).toEqual([]);
  });
});
