import { useTranslation } from 'react-i18next';
import { intlLocale } from '../../i18n/languages';
import { useCountryName } from '../../i18n/countries';
import type { CaseloadGroup, Dimension } from '../reportParams';

/** A month key (`2023-11`) as the reader's locale writes it ("Nov 2023", "พ.ย. 2566"). */
export function monthLabel(key: string, language: string): string {
  const match = /^(\d{4})-(\d{2})$/.exec(key);
  if (!match) return key;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, 1));
  return new Intl.DateTimeFormat(intlLocale(language), {
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(date);
}

/**
 * How a row or column key of a report is named on screen, in the reader's language: countries by
 * the browser's Intl, months by locale, statuses by `common.status.*`. Compound names come from the
 * API's `label` (they are names, not words to translate).
 */
export function useKeyLabel(): (
  dimension: Dimension | CaseloadGroup,
  key: string,
  apiLabel?: string,
) => string {
  const { t, i18n } = useTranslation();
  const country = useCountryName();
  return (dimension, key, apiLabel) => {
    if (key === 'unknown') return t(`reports.unknownKey.${dimension}`);
    switch (dimension) {
      case 'nationality':
        return country(key);
      case 'month':
        return monthLabel(key, i18n.language);
      case 'sex':
        return t(`reports.sex.${key}`, { defaultValue: key });
      case 'status':
      case 'overdueStage':
        return t(`common.status.${key}`, { defaultValue: key });
      case 'compound':
        return apiLabel ?? key;
      case 'ageBand':
        return key;
    }
  };
}
