/**
 * Spelling-insensitive forms of names, for finding one person registered under different
 * romanisations ("Somchai Jaidee" / "Somchay Jaide", "Tun Tun" / "Htun Htun").
 *
 * `nameKey()` is stored in `people.name_key` when a person is written: a change to the skeleton
 * rules below only reaches existing rows once their `name_key` is recomputed.
 */

/** Letters with no Unicode decomposition that intake staff type without their stroke or ligature. */
const UNDECOMPOSABLE: Record<string, string> = {
  đ: 'd',
  ð: 'd',
  ø: 'o',
  ł: 'l',
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  þ: 'th',
  ı: 'i',
  ħ: 'h',
  ŧ: 't',
};

/**
 * Lower case, no accents, letters, digits and spaces only. Accents go from Latin, Greek and
 * Cyrillic letters only (Vietnamese "Phạm Đức" → "pham duc", as the database's `unaccent` does);
 * in other scripts the combining marks are vowels and tone marks that belong to the name (Thai
 * "ใจดี", Burmese, Devanagari) and stay. The result is NFC, as the stored names are.
 */
export function foldName(value: string): string {
  return value
    .normalize('NFKD')
    .replace(/([\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}])\p{M}+/gu, '$1')
    .toLowerCase()
    .replace(/[đðøłßæœþıħŧ]/g, (c) => UNDECOMPOSABLE[c])
    .normalize('NFC')
    .replace(/[^\p{L}\p{M}\p{N}]+/gu, ' ')
    .trim();
}

// Romanisation variants of Thai, Burmese, Vietnamese, Malay/Indonesian, Chinese and South Asian
// names, applied in order to a folded word. Deliberately coarse: the key only gathers candidates and
// evens out spelling; scoring ranks them (exact spellings still score above skeleton matches).
const WORD_RULES: [RegExp, string][] = [
  // Burmese "Htun"/"Tun", "Htet"/"Tet"; Wade-Giles "Hsu"/"Su"
  [/^h(?=[ts])/, ''],
  // old Indonesian spelling: "Djoko"/"Joko", "Tjahjono"/"Cahyono", "Soekarno"/"Sukarno"
  [/dj/g, 'j'],
  [/tj/g, 'c'],
  [/oe/g, 'u'],
  // aspirates written or not: Thai "Natthaphong"/"Nattapong", Hindi "Bhupinder"/"Bupinder"
  [/ph/g, 'p'],
  [/th/g, 't'],
  [/kh/g, 'k'],
  [/gh/g, 'g'],
  [/dh/g, 'd'],
  [/bh/g, 'b'],
  [/sh/g, 's'],
  [/ch/g, 'c'],
  [/j/g, 'c'],
  [/ck/g, 'k'],
  [/z/g, 's'],
  [/v/g, 'w'],
  [/q/g, 'k'],
  [/x/g, 's'],
  // vowels: "Somchay"/"Somchai", "Rizky"/"Rizki", "Jaidee"/"Jaidi", "Srisook"/"Srisuk", "Mohammad"/"Muhammad"
  [/y/g, 'i'],
  [/ee/g, 'i'],
  [/oo/g, 'u'],
  [/ou/g, 'u'],
  [/o/g, 'u'],
  [/e$/g, 'i'],
  // Thai final consonants: "Siriporn"/"Siriphon", "Wongsawat"/"Wongsawad", "Nattapong" (-ng/-nk)
  [/rn$/g, 'n'],
  [/d$/g, 't'],
  [/b$/g, 'p'],
  [/g$/g, 'k'],
  // doubled letters: "Kumaar"/"Kumar", "Nattapong"/"Natapong"
  [/(.)\1+/g, '$1'],
];

/** The spelling-insensitive skeleton of one folded word. */
export function skeletonWord(word: string): string {
  return WORD_RULES.reduce((w, [pattern, replacement]) => w.replace(pattern, replacement), word);
}

/** Skeleton of a whole name: each word's skeleton, in order. */
export function skeleton(name: string | null | undefined): string {
  if (!name) return '';
  return foldName(name).split(' ').filter(Boolean).map(skeletonWord).join(' ');
}

/**
 * The stored `name_key` of a person: skeletons of given name, family name and aliases, in that
 * order, blanks left out (bench/generate.ts builds the same in SQL). Trigrams do not see word order, so swapped given/family names give the same trigrams.
 */
export function nameKey(parts: {
  givenName?: string | null;
  familyName?: string | null;
  aliases?: string[] | null;
}): string | null {
  const words = [parts.givenName, parts.familyName, ...(parts.aliases ?? [])].map(skeleton).filter(Boolean);
  return words.length ? words.join(' ') : null;
}
