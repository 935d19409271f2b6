import { useTranslation } from 'react-i18next';
import { useCountryName } from '../../i18n/countries';
import { intlLocale } from '../../i18n/languages';
import type { FigureRow } from '../hooks/useEmbassyFigures';

/** A report row's name in the reader's language, by what the report is grouped by. */
export function useRowLabel(): (groupBy: string, row: FigureRow) => string {
  const { t, i18n } = useTranslation();
  const country = useCountryName();
  return (groupBy, row) => {
    switch (groupBy) {
      case 'status':
        return t(`common.status.${row.key}`);
      case 'nationality':
        return country(row.key);
      case 'sex':
        return t(`consular.sex.${row.key}`);
      case 'ageBand':
        return row.key === 'unknown' ? t('consular.figures.unknownAge') : row.key;
      case 'month': {
        const date = new Date(`${row.key}-01T00:00:00Z`);
        if (Number.isNaN(date.getTime())) return row.key;
        return new Intl.DateTimeFormat(intlLocale(i18n.language), {
          year: 'numeric',
          month: 'long',
          timeZone: 'UTC',
        }).format(date);
      }
      default:
        return row.label;
    }
  };
}
