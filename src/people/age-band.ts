export const AGE_BANDS = ['0-17', '18-24', '25-34', '35-44', '45-59', '60+', 'unknown'] as const;
export type AgeBand = (typeof AGE_BANDS)[number];

export function bandOf(age: number | null | undefined): AgeBand {
  if (age === null || age === undefined || age < 0) return 'unknown';
  if (age < 18) return '0-17';
  if (age < 25) return '18-24';
  if (age < 35) return '25-34';
  if (age < 45) return '35-44';
  if (age < 60) return '45-59';
  return '60+';
}

/** Whole years from a YYYY-MM-DD birth date to a moment. */
export function ageAt(dateOfBirth: string, at: Date): number {
  const [y, m, d] = dateOfBirth.split('-').map(Number);
  let age = at.getUTCFullYear() - y;
  if (at.getUTCMonth() + 1 < m || (at.getUTCMonth() + 1 === m && at.getUTCDate() < d)) age--;
  return age;
}

/**
 * Age band at a moment, from the date of birth or else from an age estimated at `estimatedOn`
 * (the estimate ages with the record).
 */
export function ageBandAt(
  person: { dateOfBirth: string | null; estimatedAge: number | null; estimatedOn: Date },
  at: Date,
): AgeBand {
  if (person.dateOfBirth) return bandOf(ageAt(person.dateOfBirth, at));
  if (person.estimatedAge !== null) {
    const years = Math.floor((at.getTime() - person.estimatedOn.getTime()) / (365.25 * 24 * 3600 * 1000));
    return bandOf(person.estimatedAge + Math.max(0, years));
  }
  return 'unknown';
}
