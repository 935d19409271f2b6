import type { FieldError } from '../common/errors';

/** The code for "nationality not known" (API.md): it says nothing is known, so nothing may stand beside it. */
export const UNSPECIFIED_NATIONALITY = 'XXX';

/** The age from which `minor` is a contradiction (the Palermo Protocol's child: under 18). */
export const ADULT_AGE = 18;

/**
 * `XXX` beside a known nationality (or beside XXA, stateless, which is known too): the record would
 * say both "we do not know" and "we know", and reports would count the person twice.
 */
export function nationalityContradiction(codes: string[]): FieldError | undefined {
  const at = codes.indexOf(UNSPECIFIED_NATIONALITY);
  const others = codes.filter((c) => c !== UNSPECIFIED_NATIONALITY);
  if (at < 0 || !others.length) return undefined;
  return {
    field: `nationalities[${at}].code`,
    code: 'conflict',
    message: `${UNSPECIFIED_NATIONALITY} (unspecified) cannot stand beside a known nationality (${others.join(', ')}): remove one`,
    params: { with: others },
  };
}

/** Whole years from a date of birth (YYYY-MM-DD) to an instant, as a birthday counts them (UTC). */
export function yearsBetween(dateOfBirth: string, at: Date): number {
  const [y, m, d] = dateOfBirth.split('-').map(Number);
  const years = at.getUTCFullYear() - y;
  const beforeBirthday = at.getUTCMonth() + 1 < m || (at.getUTCMonth() + 1 === m && at.getUTCDate() < d);
  return beforeBirthday ? years - 1 : years;
}

/**
 * `minor` with an age of 18 or more (the estimate, or the age at rescue from the date of birth): one of
 * the two is wrong, and a minor is handled differently at every step (guardianship, consent), so the
 * record must not hold both.
 */
export function minorContradiction(record: {
  vulnerabilities?: readonly string[] | null;
  dateOfBirth?: string | null;
  estimatedAge?: number | null;
  rescuedAt?: string | null;
}): FieldError | undefined {
  if (!record.vulnerabilities?.includes('minor')) return undefined;
  const fromBirth =
    record.dateOfBirth && record.rescuedAt
      ? yearsBetween(record.dateOfBirth, new Date(record.rescuedAt))
      : undefined;
  const age = record.estimatedAge ?? fromBirth;
  if (age === undefined || age === null || age < ADULT_AGE) return undefined;
  const source =
    record.estimatedAge !== undefined && record.estimatedAge !== null ? 'estimatedAge' : 'dateOfBirth';
  return {
    field: 'vulnerabilities',
    code: 'conflict',
    message:
      source === 'estimatedAge'
        ? `minor contradicts estimatedAge ${age}: a minor is under ${ADULT_AGE}`
        : `minor contradicts dateOfBirth: the person was ${age} at rescue, a minor is under ${ADULT_AGE}`,
    params: { with: source, age, max: ADULT_AGE - 1 },
  };
}
