import { MultiSelect, Select, SimpleGrid, Switch, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { AssigneePicker } from './AssigneePicker';
import type { VulnerabilityValue } from '../caseValues';
import { type CaseFilters, SORTS, type SortValue } from './caseFilters';

interface Props {
  filters: CaseFilters;
  onChange: (change: Partial<CaseFilters>) => void;
  vulnerabilities: VulnerabilityValue[];
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The list's less common filters and its order. */
export function MoreFilters({ filters, onChange, vulnerabilities }: Props) {
  const { t } = useTranslation();
  // A date field gives '' while a date is half typed: only a whole date (or an emptied field) applies.
  const date = (name: 'rescuedFrom' | 'rescuedTo') => (value: string) => {
    if (value !== '' && !DATE.test(value)) return;
    onChange(name === 'rescuedFrom' ? { rescuedFrom: value } : { rescuedTo: value });
  };
  return (
    <SimpleGrid id="more-filters" cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm">
      <MultiSelect
        label={t('people.cases.filter.vulnerability')}
        placeholder={filters.vulnerability.length ? undefined : t('people.cases.filter.any')}
        data={vulnerabilities.map((v) => ({ value: v, label: t(`people.cases.vulnerability.${v}`) }))}
        value={filters.vulnerability}
        onChange={(v) => onChange({ vulnerability: v as VulnerabilityValue[] })}
        clearable
      />
      <AssigneePicker value={filters.assignedTo} onChange={(assignedTo) => onChange({ assignedTo })} />
      <TextInput
        type="date"
        label={t('people.cases.filter.rescuedFrom')}
        value={filters.rescuedFrom}
        onChange={(e) => date('rescuedFrom')(e.currentTarget.value)}
        max={filters.rescuedTo || undefined}
      />
      <TextInput
        type="date"
        label={t('people.cases.filter.rescuedTo')}
        value={filters.rescuedTo}
        onChange={(e) => date('rescuedTo')(e.currentTarget.value)}
        min={filters.rescuedFrom || undefined}
      />
      <Select
        label={t('people.cases.filter.sort')}
        data={[
          { value: 'default', label: t('people.cases.sort.default') },
          ...SORTS.map((s) => ({ value: s, label: t(`people.cases.sort.${s}`) })),
        ]}
        value={filters.sort || 'default'}
        onChange={(s) => onChange({ sort: !s || s === 'default' ? '' : (s as SortValue) })}
        allowDeselect={false}
      />
      <Select
        label={t('people.cases.filter.order')}
        data={[
          { value: 'default', label: t('people.cases.order.default') },
          { value: 'desc', label: t('people.cases.order.desc') },
          { value: 'asc', label: t('people.cases.order.asc') },
        ]}
        value={filters.order || 'default'}
        onChange={(o) => onChange({ order: o === 'asc' || o === 'desc' ? o : '' })}
        allowDeselect={false}
      />
      <Switch
        label={t('people.cases.filter.overdue')}
        checked={filters.overdue}
        onChange={(e) => onChange({ overdue: e.currentTarget.checked })}
        mt={{ base: 0, sm: 'xl' }}
      />
    </SimpleGrid>
  );
}
