import { foldName, skeleton } from '../duplicates/name-key';
import { romaniseWord } from './romanise';

/** A case number as issued (`2026-000123`): q of this form finds that case and nothing else. */
const CASE_NUMBER = /^\d{4}-\d{6,}$/;
/** q is a name, not a paragraph: words beyond these are ignored. */
const MAX_WORDS = 8;
/**
 * Words of fewer letters match a whole word of the name only ("Li", "Na", "An" are names in their own
 * right, and a fragment of one or two letters would match nearly everyone); longer ones match any
 * part of a name, so that a caseworker may type the beginning of one.
 */
export const MIN_FRAGMENT = 3;

/** One way of reading what was typed: the words as spelt, and their spelling skeletons. */
export interface Spelling {
  /** Each must appear in the person's folded names (search_names). */
  words: string[];
  /** Each must be a whole word of the person's spelling key (name_key). */
  keys: string[];
}

/** What the list's `q` looks for. */
export interface NameQuery {
  /** q is a case number: that case only. */
  caseNumber?: string;
  /** Any of these matches; empty when q holds no letter or digit (it then matches nobody). */
  spellings: Spelling[];
}

const hasLetters = (word: string) => foldName(word) !== '';
const keysOf = (words: string[]) => words.flatMap((w) => skeleton(w).split(' ')).filter(Boolean);

/**
 * The conditions of `q`, in any word order ("Zhang Wei" finds "Wei Zhang"):
 * - as typed: every word in the person's names, ignoring case and accents;
 * - through the romanisation key the duplicate search uses: every word's skeleton a whole word of
 *   the key ("Somchay" finds "Somchai", "Hsu" finds "Xu");
 * - a word in Chinese characters or Thai script also as its Latin spellings (see romanise.ts), in
 *   both of the ways above, so a native-script query finds a record kept only in Latin letters.
 */
export function parseNameQuery(q: string): NameQuery {
  const trimmed = q.trim();
  if (CASE_NUMBER.test(trimmed)) return { caseNumber: trimmed, spellings: [] };
  const typed = trimmed.split(/\s+/).filter(hasLetters).slice(0, MAX_WORDS);
  if (!typed.length) return { spellings: [] };

  const spellings: Spelling[] = [{ words: typed, keys: keysOf(typed) }];
  // One reading per alternative spelling of the native words (not every combination of them).
  const variants = typed.map((w) => romaniseWord(w));
  const readings = Math.max(0, ...variants.map((v) => v.length));
  for (let i = 0; i < readings; i++) {
    const words = typed.flatMap((w, j) =>
      variants[j].length ? variants[j][Math.min(i, variants[j].length - 1)].split(' ') : [w],
    );
    spellings.push({ words: words.filter(hasLetters), keys: keysOf(words) });
  }
  return { spellings };
}
