import { Select } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useCountryName } from '../../i18n/countries';
import { useNationalities } from '../../reference/useReferenceData';

interface Props {
  label: string;
  description?: string;
  placeholder?: string;
  value: string;
  onChange: (code: string) => void;
  error?: string;
  required?: boolean;
  /** An optional choice ('' for none): a cross clears it. */
  clearable?: boolean;
  w?: object | number | string;
}

/**
 * One country by its name in the reader's language, found by typing a few letters. Only states:
 * stateless (XXA) and unknown (XXX) have no alpha-2 code, and no mission represents or hosts them.
 */
export function CountrySelect({ label, value, onChange, clearable, ...rest }: Props) {
  const { t, i18n } = useTranslation();
  const country = useCountryName();
  const nationalities = useNationalities();
  const language = i18n.language;
  // ~250 names from Intl, sorted once per language.
  const data = useMemo(() => {
    const collator = new Intl.Collator(language);
    return (nationalities.data ?? [])
      .filter((n) => n.alpha2 !== null)
      .map((n) => ({ value: n.code, label: country(n.code) }))
      .sort((a, b) => collator.compare(a.label, b.label));
    // `country` follows the language, which is in the list.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [nationalities.data, language]);
  return (
    <Select
      label={label}
      data={data}
      value={value || null}
      onChange={(code) => onChange(code ?? '')}
      searchable
      clearable={clearable}
      allowDeselect={clearable}
      nothingFoundMessage={t('contacts.fields.noCountry')}
      disabled={nationalities.isPending}
      comboboxProps={{ withinPortal: true }}
      clearButtonProps={{ 'aria-label': t('contacts.fields.clearCountry', { field: label }) }}
      {...rest}
    />
  );
}
