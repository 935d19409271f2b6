import { useTranslation } from 'react-i18next';
import { intlLocale } from './languages';

/**
 * Dates and numbers in the reader's locale (Intl). Thai dates use the Thai (Buddhist) calendar, as
 * official Thai documents do; the API's values stay ISO 8601 in UTC.
 */
export function formatDate(value: string | Date | null | undefined, language: string): string | undefined {
  if (!value) return undefined;
  const date =
    typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)
      ? new Date(`${value}T00:00:00Z`)
      : new Date(value);
  if (Number.isNaN(date.getTime())) return undefined;
  return new Intl.DateTimeFormat(intlLocale(language), { dateStyle: 'medium', timeZone: 'UTC' }).format(date);
}

export function formatDateTime(
  value: string | Date | null | undefined,
  language: string,
): string | undefined {
  if (!value) return undefined;
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return undefined;
  return new Intl.DateTimeFormat(intlLocale(language), { dateStyle: 'medium', timeStyle: 'short' }).format(
    date,
  );
}

export function formatNumber(value: number | null | undefined, language: string): string | undefined {
  if (value === null || value === undefined) return undefined;
  return new Intl.NumberFormat(intlLocale(language)).format(value);
}

/** The helpers bound to the language on screen. */
export function useFormat() {
  const { i18n } = useTranslation();
  const language = i18n.language;
  return {
    date: (value: string | Date | null | undefined) => formatDate(value, language),
    dateTime: (value: string | Date | null | undefined) => formatDateTime(value, language),
    number: (value: number | null | undefined) => formatNumber(value, language),
  };
}
