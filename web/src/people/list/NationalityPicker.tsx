import { MultiSelect } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useCountryName } from '../../i18n/countries';
import { useNationalities } from '../../reference/useReferenceData';

/**
 * Nationalities to filter by, named in the reader's language and sorted in it, searchable by name
 * as typed. The codes come from the API (GET /nationalities), the names from the browser's Intl.
 */
export function NationalityPicker({
  value,
  onChange,
}: {
  value: string[];
  onChange: (codes: string[]) => void;
}) {
  const { t, i18n } = useTranslation();
  const country = useCountryName();
  const nationalities = useNationalities();
  const data = useMemo(() => {
    const codes = new Set([...(nationalities.data ?? []).map((n) => n.code), ...value]);
    const collator = new Intl.Collator(i18n.language);
    return [...codes]
      .map((code) => ({ value: code, label: country(code) }))
      .sort((a, b) => collator.compare(a.label, b.label));
    // `country` follows the language, which is in the dependencies.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [nationalities.data, value, i18n.language]);
  return (
    <MultiSelect
      label={t('people.cases.filter.nationality')}
      placeholder={value.length ? undefined : t('people.cases.filter.any')}
      data={data}
      value={value}
      onChange={onChange}
      searchable
      clearable
      nothingFoundMessage={t('people.cases.filter.nothingFound')}
      error={nationalities.error ? t('people.cases.filter.choicesFailed') : undefined}
      data-testid="filter-nationality"
    />
  );
}
