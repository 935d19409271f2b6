import { intlLocale } from '../i18n/languages';

/**
 * A duration the API gives in hours, in the unit a reader thinks in: hours up to two days, days
 * after, with one decimal at most ("36 hours", "4.5 days", "4.5 วัน"), worded by the browser's Intl.
 */
export function readableDuration(hours: number, language: string): string {
  const inDays = hours >= 48;
  return new Intl.NumberFormat(intlLocale(language), {
    style: 'unit',
    unit: inDays ? 'day' : 'hour',
    unitDisplay: 'long',
    maximumFractionDigits: 1,
  }).format(inDays ? hours / 24 : hours);
}
