import { CASE_STATUSES } from '../people/workflow/case-workflow';
import type { Dimension } from './dto/report-queries.dto';

const SEX_LABELS: Record<string, string> = {
  female: 'Female',
  male: 'Male',
  other: 'Other',
  unknown: 'Unknown',
};
const AGE_ORDER = ['0-17', '18-24', '25-34', '35-44', '45-59', '60+', 'unknown'];
const SEX_ORDER = ['female', 'male', 'other', 'unknown'];

export interface Labeller {
  nationality: (code: string) => string;
  compound: (id: string) => string;
}

export function labelOf(dimension: Dimension | 'status', key: string, names: Labeller): string {
  switch (dimension) {
    case 'nationality':
      return names.nationality(key);
    case 'compound':
      return key === 'unknown' ? 'Compound not recorded' : names.compound(key);
    case 'sex':
      return SEX_LABELS[key] ?? key;
    case 'status':
      return key.replace(/_/g, ' ');
    default:
      return key;
  }
}

/**
 * Row order that tells nothing about the counts: ordering by size would let a reader rank the hidden
 * rows. Months, age bands and statuses in their natural order, sex in a fixed one, names alphabetically.
 */
export function orderKeys(
  dimension: Dimension | 'status',
  keys: string[],
  label: (key: string) => string,
): string[] {
  const fixed: readonly string[] | undefined =
    dimension === 'ageBand'
      ? AGE_ORDER
      : dimension === 'sex'
        ? SEX_ORDER
        : dimension === 'status'
          ? CASE_STATUSES
          : undefined;
  if (fixed) return [...keys].sort((a, b) => fixed.indexOf(a) - fixed.indexOf(b));
  if (dimension === 'month') return [...keys].sort();
  return [...keys].sort((a, b) => label(a).localeCompare(label(b), 'en') || a.localeCompare(b));
}
