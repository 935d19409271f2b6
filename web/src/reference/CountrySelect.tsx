import { Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { STATELESS, useCountryName } from '../i18n/countries';
import { useNationalities } from './useReferenceData';

interface Props {
  label: string;
  value: string;
  onChange: (code: string) => void;
  error?: string;
  required?: boolean;
  /** Shown when nothing is chosen ("Any country" in a filter). */
  placeholder?: string;
  clearable?: boolean;
  w?: Parameters<typeof Select>[0]['w'];
}

/**
 * One country where a place lies, by name in the reader's language, searchable by name or code.
 * Only real places: not "stateless" nor the codes without a country (the API refuses them for a
 * compound).
 */
export function CountrySelect({ label, value, onChange, error, required, placeholder, clearable, w }: Props) {
  const { t } = useTranslation();
  const country = useCountryName();
  const nationalities = useNationalities();
  const data = (nationalities.data ?? [])
    .filter((n) => n.alpha2 !== null && n.code !== STATELESS)
    .map((n) => ({ value: n.code, label: `${country(n.code)} (${n.code})` }))
    .sort((a, b) => a.label.localeCompare(b.label));
  return (
    <Select
      label={label}
      placeholder={nationalities.isPending ? t('common.loading') : placeholder}
      data={data}
      value={value || null}
      onChange={(code) => onChange(code ?? '')}
      error={error}
      required={required}
      clearable={clearable}
      allowDeselect={clearable ?? false}
      searchable
      nothingFoundMessage={t('compounds.fields.noCountry')}
      comboboxProps={{ withinPortal: true }}
      w={w}
    />
  );
}
