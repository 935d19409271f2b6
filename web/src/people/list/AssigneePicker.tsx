import { Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useStaffDirectory } from '../../reference/useReferenceData';

/** Whose cases: anyone's, the reader's own, nobody's yet, or a named colleague's (API: `assignedTo`). */
export function AssigneePicker({ value, onChange }: { value: string; onChange: (value: string) => void }) {
  const { t } = useTranslation();
  const directory = useStaffDirectory();
  const data = [
    { value: 'me', label: t('people.cases.filter.assignedMe') },
    { value: 'none', label: t('people.cases.filter.assignedNone') },
    ...(directory.data?.items ?? []).map((u) => ({ value: u.id, label: u.displayName ?? u.id })),
  ];
  if (value && !data.some((d) => d.value === value)) data.push({ value, label: value });
  return (
    <Select
      label={t('people.cases.filter.assignedTo')}
      placeholder={t('people.cases.filter.anyone')}
      data={data}
      value={value || null}
      onChange={(next) => onChange(next ?? '')}
      searchable
      clearable
      nothingFoundMessage={t('people.cases.filter.nothingFound')}
      data-testid="filter-assignee"
    />
  );
}
