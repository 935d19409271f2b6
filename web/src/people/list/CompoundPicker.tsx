import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCompoundsById, useCompoundSearch } from '../../reference/useReferenceData';

/**
 * One compound to filter by. With nothing typed it offers every compound; typing asks the API
 * (GET /compounds?q=), which forgives typos and knows the aliases ("KK Park", "Yatai").
 */
export function CompoundPicker({ value, onChange }: { value: string; onChange: (id: string) => void }) {
  const { t } = useTranslation();
  const all = useCompoundsById();
  const selectedName = value ? all.data?.get(value)?.name : undefined;
  const [search, setSearch] = useState('');
  const [term] = useDebouncedValue(search === selectedName ? '' : search, 300);
  const found = useCompoundSearch(term);

  const source = term && found.data ? found.data.items : [...(all.data?.values() ?? [])];
  const data = source.map((c) => ({ value: c.id, label: c.name }));
  // The chosen compound stays among the choices whatever was typed, so its name shows.
  if (value && !data.some((d) => d.value === value)) data.unshift({ value, label: selectedName ?? value });

  return (
    <Select
      label={t('people.cases.filter.compound')}
      placeholder={t('people.cases.filter.anyCompound')}
      data={data}
      value={value || null}
      onChange={(id) => onChange(id ?? '')}
      searchable
      clearable
      searchValue={search}
      onSearchChange={setSearch}
      // The API has already matched names and aliases: show what it found, unfiltered.
      filter={term ? ({ options }) => options : undefined}
      nothingFoundMessage={found.isFetching ? t('common.loading') : t('people.cases.filter.nothingFound')}
      error={all.error || found.error ? t('people.cases.filter.choicesFailed') : undefined}
      data-testid="filter-compound"
    />
  );
}
