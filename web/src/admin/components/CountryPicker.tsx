import { MultiSelect, Pill } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useCountryName } from '../../i18n/countries';
import { useNationalities } from '../hooks/useUsers';

interface Props {
  value: string[];
  onChange: (codes: string[]) => void;
  error?: string;
}

/** The countries a consular officer acts for, by name in the reader's language, searchable. */
export function CountryPicker({ value, onChange, error }: Props) {
  const { t } = useTranslation();
  const country = useCountryName();
  const nationalities = useNationalities();
  const data = (nationalities.data ?? [])
    .filter((n) => n.alpha2 !== null)
    .map((n) => ({ value: n.code, label: `${country(n.code)} (${n.code})` }))
    .sort((a, b) => a.label.localeCompare(b.label));
  return (
    <MultiSelect
      label={t('admin.users.fields.nationalities')}
      description={t('admin.users.fields.nationalitiesHint')}
      placeholder={value.length ? undefined : t('admin.users.fields.nationalitiesPlaceholder')}
      data={data}
      value={value}
      onChange={onChange}
      error={error}
      searchable
      required
      nothingFoundMessage={t('admin.users.fields.noCountry')}
      disabled={nationalities.isPending}
      // Mantine's own pill has a remove button with no name; this one says which country it removes.
      renderPill={({ option, value: code, onRemove, disabled }) => (
        <Pill
          withRemoveButton={!disabled}
          onRemove={onRemove}
          disabled={disabled}
          removeButtonProps={{
            'aria-label': t('admin.users.fields.removeCountry', { country: option?.label ?? code ?? '' }),
          }}
        >
          {option?.label ?? code ?? ''}
        </Pill>
      )}
    />
  );
}
