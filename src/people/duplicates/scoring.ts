import { foldName, skeleton } from './name-key';

/** pg_trgm-style trigrams of each word ("  w", " wo", "wor", "ord", "rd "), as a set. */
export function trigrams(text: string): Set<string> {
  const out = new Set<string>();
  for (const word of text.split(' ').filter(Boolean)) {
    const padded = `  ${word} `;
    for (let i = 0; i + 3 <= padded.length; i++) out.add(padded.slice(i, i + 3));
  }
  return out;
}

/** Shared trigrams over all trigrams, as pg_trgm's similarity(): 0..1. */
export function similarity(a: string, b: string): number {
  if (!a || !b) return 0;
  if (a === b) return 1;
  const ta = trigrams(a);
  const tb = trigrams(b);
  let shared = 0;
  for (const t of ta) if (tb.has(t)) shared++;
  return shared / (ta.size + tb.size - shared);
}

/**
 * How alike two names are, forgiving romanisation (skeletons), spacing ("Dela Cruz" / "Delacruz") and
 * abbreviated words ("Ma." / "Maria").
 */
export function nameSimilarity(a: string | null | undefined, b: string | null | undefined): number {
  const sa = skeleton(a);
  const sb = skeleton(b);
  if (!sa || !sb) return 0;
  const spaced = Math.max(similarity(sa, sb), similarity(foldName(a!), foldName(b!)));
  const joined = similarity(sa.replace(/ /g, ''), sb.replace(/ /g, ''));
  return Math.max(spaced, joined, abbreviationMatch(foldName(a!), foldName(b!)));
}

/** "ma cristina" vs "maria cristina": every word equal or one the other's abbreviation. */
function abbreviationMatch(a: string, b: string): number {
  const wa = a.split(' ');
  const wb = b.split(' ');
  if (wa.length !== wb.length) return 0;
  const ok = wa.every(
    (w, i) =>
      w === wb[i] || (Math.min(w.length, wb[i].length) >= 2 && (w.startsWith(wb[i]) || wb[i].startsWith(w))),
  );
  return ok && wa.some((w, i) => w !== wb[i]) ? 0.85 : 0;
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

const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);

/**
 * Ranks one candidate against the query. An exact document-number match scores 1 and nothing else
 * can; otherwise names decide most, and date of birth and nationality move the score up or down.
 */
export function scoreCandidate(q: DuplicateQuery, c: DuplicateCandidate): Scored {
  const reasons: string[] = [];
  const pairs = (given: string | null, family: string | null) =>
    mean(
      [
        q.givenName !== undefined ? nameSimilarity(q.givenName, given) : undefined,
        q.familyName !== undefined ? nameSimilarity(q.familyName, family) : undefined,
      ].filter((x): x is number => x !== undefined),
    );
  const queryFull = [q.givenName, q.familyName].filter(Boolean).join(' ');
  const straight = queryFull
    ? Math.max(
        pairs(c.givenName, c.familyName),
        nameSimilarity(queryFull, [c.givenName, c.familyName].filter(Boolean).join(' ')),
      )
    : 0;
  const swapped = queryFull
    ? Math.max(
        pairs(c.familyName, c.givenName),
        nameSimilarity(queryFull, [c.familyName, c.givenName].filter(Boolean).join(' ')),
      )
    : 0;
  const alias = queryFull ? Math.max(0, ...c.aliases.map((a) => nameSimilarity(queryFull, a))) : 0;
  const native =
    q.nameNative && c.nameNative
      ? foldName(q.nameNative).replace(/ /g, '') === foldName(c.nameNative).replace(/ /g, '')
        ? 1
        : similarity(foldName(q.nameNative), foldName(c.nameNative))
      : 0;

  let score = Math.max(straight, swapped, alias * 0.95, native);
  if (straight >= 0.5 && straight >= swapped) reasons.push('name');
  else if (swapped >= 0.5) reasons.push('name_swapped');
  if (alias >= 0.5 && alias > Math.max(straight, swapped)) reasons.push('alias');
  if (native >= 0.5) reasons.push('native_name');

  if (q.dateOfBirth && c.dateOfBirth) {
    if (q.dateOfBirth === c.dateOfBirth) {
      score = score * 0.85 + 0.15;
      reasons.push('date_of_birth');
    } else if (q.dateOfBirth.slice(0, 4) === c.dateOfBirth.slice(0, 4)) {
      score *= 0.9;
    } else {
      score *= 0.7;
    }
  }
  if (q.nationality) {
    if (c.nationalities.includes(q.nationality)) {
      score = Math.min(0.99, score + 0.05);
      reasons.push('nationality');
    } else if (!c.nationalities.includes('XXX')) {
      score *= 0.9;
    }
  }
  score = Math.min(score, 0.99);
  if (c.documentMatch) return { score: 1, reasons: ['document_number', ...reasons] };
  return { score: Math.round(score * 1000) / 1000, reasons };
}
