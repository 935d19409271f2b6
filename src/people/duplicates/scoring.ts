import { foldName, skeleton, skeletonWord } from './name-key';

/** pg_trgm-style trigrams of each word ("  w", " wo", "wor", "ord", "rd "), as a set. */
export function trigrams(text: string): Set<string> {
  const out = new Set<string>();
  for (const word of text.split(' ').filter(Boolean)) {
    const chars = [' ', ' ', ...word, ' '];
    for (let i = 0; i + 3 <= chars.length; i++) out.add(chars.slice(i, i + 3).join(''));
  }
  return out;
}

function jaccard(ta: Set<string>, tb: Set<string>): number {
  let shared = 0;
  for (const t of ta) if (tb.has(t)) shared++;
  return shared / (ta.size + tb.size - shared);
}

/** Shared trigrams over all trigrams, as pg_trgm's similarity(): 0..1. */
export function similarity(a: string, b: string): number {
  if (!a || !b) return 0;
  if (a === b) return 1;
  return jaccard(trigrams(a), trigrams(b));
}

/** Remembers a pure function's answers for as long as the object lives. */
function memo<R>(fn: (key: string) => R): (key: string) => R {
  const cache = new Map<string, R>();
  return (key) => {
    let value = cache.get(key);
    if (value === undefined) {
      value = fn(key);
      cache.set(key, value);
    }
    return value;
  };
}

/** What a spelling variant (same skeleton, different letters) is worth next to an exact spelling. */
const VARIANT = 0.95;
/** A word that abbreviates the other ("Ma." / "Maria"). */
const ABBREVIATION = 0.8;

/**
 * Compares names, remembering the folded forms, skeletons and trigrams it has computed. One lives for
 * one search: the query's names are compared with every candidate, and namesakes repeat. Nothing is
 * kept beyond the request (a process-wide cache would hold names past an erasure).
 */
export class NameComparer {
  private readonly fold = memo(foldName);
  private readonly skeletonOf = memo(skeleton);
  private readonly trigramsOf = memo(trigrams);

  private similarity(a: string, b: string): number {
    if (!a || !b) return 0;
    if (a === b) return 1;
    return jaccard(this.trigramsOf(a), this.trigramsOf(b));
  }

  /**
   * How alike two names are, 0..1, forgiving romanisation (skeletons), spacing ("Dela Cruz" /
   * "Delacruz", "Nur Haliza" / "Nurhaliza") and abbreviated words ("Ma." / "Maria"). The same
   * spelling (ignoring case and accents) scores 1, a romanisation variant a little less.
   */
  nameSimilarity(a: string | null | undefined, b: string | null | undefined): number {
    const fa = this.fold(a ?? '');
    const fb = this.fold(b ?? '');
    if (!fa || !fb) return 0;
    if (fa === fb) return 1;
    const sa = this.skeletonOf(fa);
    const sb = this.skeletonOf(fb);
    return Math.max(
      this.similarity(fa, fb),
      this.similarity(fa.replace(/ /g, ''), fb.replace(/ /g, '')),
      VARIANT * this.similarity(sa, sb),
      VARIANT * this.similarity(sa.replace(/ /g, ''), sb.replace(/ /g, '')),
      wordByWord(fa, fb, abbreviations(a ?? '', b ?? '')),
    );
  }
}

/** {@link NameComparer.nameSimilarity} for a single comparison. */
export function nameSimilarity(a: string | null | undefined, b: string | null | undefined): number {
  return new NameComparer().nameSimilarity(a, b);
}

/** Words written as abbreviations: with a trailing dot ("Ma.", "Md."), folded. */
function abbreviations(...names: string[]): Set<string> {
  const out = new Set<string>();
  for (const name of names) for (const m of name.matchAll(/(\p{L}+)\./gu)) out.add(foldName(m[1]));
  return out;
}

function isAbbreviation(short: string, long: string, dotted: Set<string>): boolean {
  if (short.length < 2 || !long.startsWith(short)) return false;
  return dotted.has(short) || (short.length === 2 && long.length >= short.length + 3);
}

/**
 * Word by word, in order: each pair the same, a spelling variant, or one the other's abbreviation
 * ("Ma. Cristina" / "Maria Cristina"): a prefix of two letters or more, written with a dot, or of two
 * letters standing for a word at least three letters longer ("Ma Cristina"). Short names are names in
 * their own right: "An" is not "Anh", "Ana" not "Anabel", "Juan" not "Juana". 0 unless every word
 * pairs up.
 */
function wordByWord(a: string, b: string, dotted: Set<string>): number {
  const wa = a.split(' ');
  const wb = b.split(' ');
  if (wa.length !== wb.length) return 0;
  let total = 0;
  for (let i = 0; i < wa.length; i++) {
    const [x, y] = [wa[i], wb[i]];
    const [short, long] = x.length <= y.length ? [x, y] : [y, x];
    if (x === y) total += 1;
    else if (skeletonWord(x) === skeletonWord(y)) total += VARIANT;
    else if (isAbbreviation(short, long, dotted)) total += ABBREVIATION;
    else return 0;
  }
  return total / wa.length;
}

export interface DuplicateQuery {
  givenName?: string;
  familyName?: string;
  nameNative?: string;
  dateOfBirth?: string;
  nationality?: string;
}

export interface DuplicateCandidate {
  givenName: string | null;
  familyName: string | null;
  nameNative: string | null;
  aliases: string[];
  dateOfBirth: string | null;
  nationalities: string[];
  documentMatch: boolean;
}

export interface Scored {
  score: number;
  reasons: string[];
}

/** Swapped given/family names: found, but just below the same names in their own fields. */
const SWAPPED = 0.98;
/** The whole name compared as one string (given/family split differently): below a field match. */
const WHOLE_NAME = 0.95;
/** A match on an alias only. */
const ALIAS = 0.95;
/**
 * The most that names alone can score. The rest, up to 1 (which only a document match scores), is
 * headroom that agreement on date of birth and nationality fills: agreement always lifts a candidate
 * above the same names without it, and candidates with different evidence never tie at a cap (with
 * names scored up to 1 and agreement added on top, the best candidates all saturated at one value).
 */
const NAMES_ONLY_MAX = 0.95;
/**
 * The share of what is left below 1 that the same date of birth fills (score + (1 − score) × share):
 * a lift of up to 0.15 for weak names, 0.0075 for names at NAMES_ONLY_MAX, never reaching 1.
 */
const SAME_DATE_OF_BIRTH = 0.15;
/** The same for a shared nationality: weaker evidence, as most candidates share the nationality. */
const SHARED_NATIONALITY = 0.05;
/** A different nationality (neither unspecified): the same person is less likely. */
const OTHER_NATIONALITY = 0.9;
/** Similarity from which a name comparison counts as a reason. */
const REASON_THRESHOLD = 0.5;

/** Codes that say nothing about nationality: never a conflict. */
const UNSPECIFIED_NATIONALITY = new Set(['XXX']);

const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);
const joinName = (...parts: (string | null | undefined)[]) => parts.filter(Boolean).join(' ');

/** How much the dates of birth change a name score (1: no effect). */
function dateOfBirthFactor(q: string, c: string): { factor: number; same: boolean } {
  if (q === c) return { factor: 1, same: true };
  const [qy, qm, qd] = q.split('-');
  const [cy, cm, cd] = c.split('-');
  // Day and month swapped at intake (04/03 vs 03/04).
  if (qy === cy && qm === cd && qd === cm) return { factor: 0.95, same: false };
  if (qy === cy) return { factor: 0.9, same: false };
  // Year told one off (age counted differently, or the year of birth guessed).
  if (Math.abs(Number(qy) - Number(cy)) === 1) return { factor: 0.85, same: false };
  return { factor: 0.7, same: false };
}

/**
 * Ranks one candidate against the query. An exact document-number match scores 1 and nothing else
 * can; otherwise names decide most (up to NAMES_ONLY_MAX), and date of birth and nationality move the
 * score up (into the headroom above it) or down.
 */
export function scoreCandidate(
  q: DuplicateQuery,
  c: DuplicateCandidate,
  names: NameComparer = new NameComparer(),
): Scored {
  const nameSimilarity = (a: string | null | undefined, b: string | null | undefined) =>
    names.nameSimilarity(a, b);
  const reasons: string[] = [];
  const fields = (given: string | null, family: string | null) =>
    mean(
      [
        q.givenName ? nameSimilarity(q.givenName, given) : undefined,
        q.familyName ? nameSimilarity(q.familyName, family) : undefined,
      ].filter((x): x is number => x !== undefined),
    );
  const queryFull = joinName(q.givenName, q.familyName);
  // Trigrams ignore word order: the whole-name comparison finds a name split differently between the
  // fields ("Maria" + "Cristina Santos") whichever order, and counts towards the straight match.
  const whole = queryFull
    ? WHOLE_NAME *
      Math.max(
        nameSimilarity(queryFull, joinName(c.givenName, c.familyName)),
        nameSimilarity(queryFull, joinName(c.familyName, c.givenName)),
      )
    : 0;
  const straight = queryFull ? Math.max(fields(c.givenName, c.familyName), whole) : 0;
  const swapped = queryFull ? SWAPPED * fields(c.familyName, c.givenName) : 0;
  const alias = queryFull ? ALIAS * Math.max(0, ...c.aliases.map((a) => nameSimilarity(queryFull, a))) : 0;
  const native = q.nameNative && c.nameNative ? nameSimilarity(q.nameNative, c.nameNative) : 0;

  let score = NAMES_ONLY_MAX * Math.max(straight, swapped, alias, native);
  if (straight >= REASON_THRESHOLD && straight >= swapped) reasons.push('name');
  else if (swapped >= REASON_THRESHOLD) reasons.push('name_swapped');
  if (alias >= REASON_THRESHOLD && alias > Math.max(straight, swapped)) reasons.push('alias');
  if (native >= REASON_THRESHOLD) reasons.push('native_name');

  if (q.dateOfBirth && c.dateOfBirth) {
    const dob = dateOfBirthFactor(q.dateOfBirth, c.dateOfBirth);
    if (dob.same) {
      score += (1 - score) * SAME_DATE_OF_BIRTH;
      reasons.push('date_of_birth');
    } else {
      score *= dob.factor;
    }
  }
  if (q.nationality && !UNSPECIFIED_NATIONALITY.has(q.nationality)) {
    if (c.nationalities.includes(q.nationality)) {
      score += (1 - score) * SHARED_NATIONALITY;
      reasons.push('nationality');
    } else if (!c.nationalities.some((n) => UNSPECIFIED_NATIONALITY.has(n))) {
      score *= OTHER_NATIONALITY;
    }
  }
  if (c.documentMatch) return { score: 1, reasons: ['document_number', ...reasons] };
  // Below 1 by construction (each agreement fills a share of what is left): at most 0.96.
  return { score: Math.round(score * 1000) / 1000, reasons };
}
