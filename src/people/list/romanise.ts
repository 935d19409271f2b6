import romanizeThai from '@dehoist/romanize-thai';
import { pinyin } from 'pinyin-pro';

const HAN = /\p{Script=Han}/u;
const THAI = /\p{Script=Thai}/u;

/**
 * Latin spellings of one word written in Chinese characters or Thai script, so that a caseworker
 * who types the name as the person writes it finds a record kept only in Latin letters (a passport's
 * spelling). Empty for any other word.
 *
 * - Chinese: Hanyu Pinyin without tones (`pinyin-pro`, reading the first character as a surname),
 *   as PRC passports spell names: syllables apart ("zhang wei"), and the given name's syllables
 *   joined after the surname ("wang xiaoming"), the usual passport form.
 * - Thai: `@dehoist/romanize-thai`, the best of the npm romanisers on the passport spellings of
 *   test/fixtures/thai-names.csv (see README). Its output is rarely a passport's exact spelling; the
 *   search compares it through the spelling skeleton (duplicates/name-key.ts), which evens out most
 *   of the difference ("chaidi" / "Jaidee").
 */
export function romaniseWord(word: string): string[] {
  if (HAN.test(word)) {
    const syllables = pinyin(word, { toneType: 'none', type: 'array', surname: 'head', nonZh: 'removed' })
      .map((s) => s.trim())
      .filter(Boolean);
    if (!syllables.length) return [];
    const [first, ...rest] = syllables;
    const spellings = [
      syllables.join(' '),
      rest.length > 1 ? `${first} ${rest.join('')}` : '',
      syllables.join(''),
    ];
    return [...new Set(spellings.filter(Boolean))];
  }
  if (THAI.test(word)) {
    const latin = romanizeThai(word).trim();
    return latin ? [latin] : [];
  }
  return [];
}
