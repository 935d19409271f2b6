import { Group, Select, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { COMPOUND_STATUSES, type CompoundStatus } from '../../reference/compounds/compoundForm';
import { CountrySelect } from '../../reference/CountrySelect';
import type { CompoundFilters } from '../hooks/useCompoundList';

interface Props {
  filters: CompoundFilters;
  onChange: (change: Partial<CompoundFilters>) => void;
}

/** GET /compounds's filters: a name or alias (typos forgiven by the API), a country, a status. */
export function CompoundFiltersBar({ filters, onChange }: Props) {
  const { t } = useTranslation();
  return (
    <Group align="end" wrap="wrap" role="search" aria-label={t('compounds.filters.label')}>
      <TextInput
        label={t('compounds.filters.q')}
        description={t('compounds.filters.qHelp')}
        type="search"
        value={filters.q}
        onChange={(e) => onChange({ q: e.currentTarget.value })}
        w={{ base: '100%', xs: 280 }}
      />
      <CountrySelect
        label={t('compounds.filters.country')}
        placeholder={t('compounds.filters.anyCountry')}
        value={filters.countryCode}
        onChange={(countryCode) => onChange({ countryCode })}
        clearable
        w={{ base: '100%', xs: 240 }}
      />
      <Select
        label={t('compounds.filters.status')}
        placeholder={t('compounds.filters.anyStatus')}
        data={COMPOUND_STATUSES.map((s) => ({ value: s, label: t(`compounds.status.${s}`) }))}
        value={filters.status || null}
        onChange={(s) => onChange({ status: (s ?? '') as CompoundStatus | '' })}
        clearable
        w={{ base: '100%', xs: 200 }}
      />
    </Group>
  );
}
