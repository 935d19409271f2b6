import { Group, Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ContactFilters, ContactState } from '../hooks/useContacts';
import { CountrySelect } from './CountrySelect';

const STATES: ContactState[] = ['active', 'inactive', 'all'];

/** A country (asked of the API) and active, inactive or both (kept by the page). */
export function ContactFiltersBar({
  filters,
  onChange,
}: {
  filters: ContactFilters;
  onChange: (f: ContactFilters) => void;
}) {
  const { t } = useTranslation();
  return (
    <Group align="end" wrap="wrap">
      <CountrySelect
        label={t('contacts.filters.country')}
        placeholder={t('contacts.filters.anyCountry')}
        value={filters.countryCode ?? ''}
        onChange={(code) => onChange({ ...filters, countryCode: code || undefined })}
        clearable
        w={{ base: '100%', xs: 260 }}
      />
      <Select
        label={t('contacts.filters.state')}
        data={STATES.map((s) => ({ value: s, label: t(`contacts.filters.states.${s}`) }))}
        value={filters.state}
        onChange={(s) => onChange({ ...filters, state: (s as ContactState | null) ?? 'active' })}
        allowDeselect={false}
        w={{ base: '100%', xs: 220 }}
      />
    </Group>
  );
}
