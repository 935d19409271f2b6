/**
 * Spelling-insensitive forms of names, for finding one person registered under different
 * romanisations ("Somchai Jaidee" / "Somchay Jaide", "Tun Tun" / "Htun Htun").
 */

/** Lower case, no diacritics (Đ → d too, which Unicode does not decompose), letters and spaces only. */
export function foldName(value: string): string {
  return value
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/[đĐ]/g, 'd')
    .replace(/[øØ]/g, 'o')
    .replace(/[łŁ]/g, 'l')
    .replace(/ß/g, 'ss')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

// Romanisation variants of Thai, Burmese, Vietnamese, Malay/Indonesian and South Asian names, applied
// in order to a folded word. Deliberately coarse: the key only gathers candidates; scoring ranks them.
const WORD_RULES: [RegExp, string][] = [
  [/^ht/, 't'],
  [/ph/g, 'p'],
  [/th/g, 't'],
  [/kh/g, 'k'],
  [/gh/g, 'g'],
  [/dh/g, 'd'],
  [/bh/g, 'b'],
  [/sh/g, 's'],
  [/ch/g, 'c'],
  [/j/g, 'c'],
  [/z/g, 's'],
  [/v/g, 'w'],
  [/q/g, 'k'],
  [/x/g, 's'],
  [/y/g, 'i'],
  [/ee/g, 'i'],
  [/oo/g, 'u'],
  [/ou/g, 'u'],
  [/o/g, 'u'],
  [/e$/g, 'i'],
  [/rn$/g, 'n'],
  [/d$/g, 't'],
  [/b$/g, 'p'],
  [/g$/g, 'k'],
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
 * The stored `name_key` of a person: skeletons of given and family name and aliases, each part once.
 * Order-free on purpose (swapped given/family names give the same trigrams).
 */
export function nameKey(parts: {
  givenName?: string | null;
  familyName?: string | null;
  aliases?: string[] | null;
}): string | null {
  const words = [parts.givenName, parts.familyName, ...(parts.aliases ?? [])].map(skeleton).filter(Boolean);
  return words.length ? words.join(' ') : null;
}
