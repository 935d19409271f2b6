import type { components } from '../../api/schema';
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

/**
 * What GET /people/duplicates is asked, from what the form holds now; `undefined` until there is a
 * name or a document number (the API needs one of them, and a date of birth alone finds strangers).
 */
export function duplicateCriteria(values: IntakeValues): DuplicateCriteria | undefined {
  const criteria: DuplicateCriteria = {
    givenName: useful(values.givenName, MIN_NAME),
    familyName: useful(values.familyName, MIN_NAME),
    nameNative: useful(values.nameNative, 1),
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
  const typed = foldName([criteria.givenName, criteria.familyName].filter(Boolean).join(' '));
  const theirs = foldName([person.givenName, person.familyName].filter(Boolean).join(' '));
  return candidate.reasons.map((reason) => {
    if (reason === 'name') return typed === theirs ? 'nameSame' : 'nameVariant';
    if (reason === 'native_name') {
      return foldName(criteria.nameNative) === foldName(person.nameNative) ? 'nativeSame' : 'nativeVariant';
    }
    return KNOWN_REASONS[reason] ?? 'other';
  });
}

const KNOWN_REASONS: Record<string, string> = {
  document_number: 'documentNumber',
  name_swapped: 'nameSwapped',
  alias: 'alias',
  date_of_birth: 'dateOfBirth',
  nationality: 'nationality',
};
