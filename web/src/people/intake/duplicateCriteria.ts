import type { components } from '../../api/schema';
import { NAME_QUERY_MAX } from '../caseValues';
import { type IntakeValues, UNSPECIFIED_NATIONALITY } from './intakeValues';

export type DuplicateCandidate = components['schemas']['DuplicateCandidateView'];

export interface DuplicateCriteria {
  givenName?: string;
  familyName?: string;
  nameNative?: string;
  dateOfBirth?: string;
  nationality?: string;
  documentNumber?: string;
}

/** Shorter than this, a name or number matches too much to be worth asking about. */
const MIN_NAME = 2;
const MIN_DOCUMENT = 3;

const useful = (value: string, min: number) => {
  const trimmed = value.normalize('NFC').trim();
  return trimmed.length >= min ? trimmed : undefined;
};

/** A long name is searched by its beginning: the API searches at most NAME_QUERY_MAX characters. */
const searchable = (value: string, min: number) => {
  const name = useful(value, min);
  return name && [...name].slice(0, NAME_QUERY_MAX).join('').trim();
};

/**
 * What GET /people/duplicates is asked, from what the form holds now; `undefined` until there is a
 * name or a document number (the API needs one of them, and a date of birth alone finds strangers).
 */
export function duplicateCriteria(values: IntakeValues): DuplicateCriteria | undefined {
  const criteria: DuplicateCriteria = {
    givenName: searchable(values.givenName, MIN_NAME),
    familyName: searchable(values.familyName, MIN_NAME),
    nameNative: searchable(values.nameNative, 1),
    documentNumber: useful(values.documentNumber, MIN_DOCUMENT),
  };
  if (!criteria.givenName && !criteria.familyName && !criteria.nameNative && !criteria.documentNumber) {
    return undefined;
  }
  if (values.ageBy === 'dateOfBirth' && /^\d{4}-\d{2}-\d{2}$/.test(values.dateOfBirth)) {
    criteria.dateOfBirth = values.dateOfBirth;
  }
  const nationality = values.nationalities.find((code) => code !== UNSPECIFIED_NATIONALITY);
  if (nationality) criteria.nationality = nationality;
  for (const key of Object.keys(criteria) as (keyof DuplicateCriteria)[]) {
    if (criteria[key] === undefined) delete criteria[key];
  }
  return criteria;
}

/** Lower case, no accents, single spaces: how two spellings are compared "as the same". */
export function foldName(value: string | null | undefined): string {
  return (value ?? '')
    .normalize('NFKD')
    .replace(/([\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}])\p{M}+/gu, '$1')
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * The API's reasons (API.md: `document_number`, `name`, `name_swapped`, `alias`, `native_name`,
 * `date_of_birth`, `nationality`) as message keys under `people.intake.duplicates.reason`. The API
 * says "name" for a name alike in any spelling; whether it is the very same spelling is plain to see
 * from the two names, so the words tell the caseworker which it is.
 */
export function reasonKeys(candidate: DuplicateCandidate, criteria: DuplicateCriteria): string[] {
  const { person } = candidate;
  return candidate.reasons.map((reason) => {
    if (reason === 'name') return nameReason(criteria, person.givenName, person.familyName);
    if (reason === 'native_name') {
      return foldName(criteria.nameNative) === foldName(person.nameNative) ? 'nativeSame' : 'nativeVariant';
    }
    return KNOWN_REASONS[reason] ?? 'other';
  });
}

type Likeness = 'same' | 'close' | 'other' | 'absent';

/** One name part against another: the same, a spelling away (a few letters), or another name. */
function likeness(typed: string | undefined, theirs: string | null): Likeness {
  const a = foldName(typed);
  const b = foldName(theirs);
  if (!a || !b) return 'absent';
  if (a === b) return 'same';
  return editDistance(a, b) <= Math.max(1, Math.floor(Math.max(a.length, b.length) / 4)) ? 'close' : 'other';
}

/**
 * Which of "same name", "spelled another way", "same family name only"... describes a `name` match.
 * Only words for what the caseworker can check by eye; the API alone decides what counts as a match.
 */
function nameReason(criteria: DuplicateCriteria, given: string | null, family: string | null): string {
  const parts = [likeness(criteria.givenName, given), likeness(criteria.familyName, family)];
  const known = parts.filter((p) => p !== 'absent');
  if (known.length > 0 && known.every((p) => p === 'same')) return 'nameSame';
  if (parts[0] === 'other' && parts[1] === 'same') return 'familyNameOnly';
  if (parts[0] === 'same' && parts[1] === 'other') return 'givenNameOnly';
  return 'nameVariant';
}

/** Levenshtein distance: letters to add, drop or change to turn one into the other. */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(
        previous[j] + 1,
        current[j - 1] + 1,
        previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    }
    previous = current;
  }
  return previous[b.length];
}

const KNOWN_REASONS: Record<string, string> = {
  document_number: 'documentNumber',
  name_swapped: 'nameSwapped',
  alias: 'alias',
  date_of_birth: 'dateOfBirth',
  nationality: 'nationality',
};
