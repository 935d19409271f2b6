import { Button, Group, MultiSelect, Select, SimpleGrid, Stack, Text } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../shell/ErrorAlert';
import { useCountryName } from '../../i18n/countries';
import { useFormat } from '../../i18n/format';
import { CASE_STATUSES } from '../../people/caseValues';
import {
  countMatching,
  fetchAllMatching,
  MAX_PEOPLE_PER_EVENT,
  type PeopleFilters,
} from '../lib/peopleLookup';
import type { PersonSummary } from '../lib/types';
import { useCompounds, useNationalities } from '../../reference/useReferenceData';

/**
 * Picks people by the list's filters (compound, status, nationality): the API counts who matches,
 * then "add all" reads them page by page (200 a request) into the selection.
 */
export function FilterPicker({ onAdd }: { onAdd: (people: PersonSummary[]) => number }) {
  const { t } = useTranslation();
  const { number } = useFormat();
  const country = useCountryName();
  const compounds = useCompounds();
  const nationalities = useNationalities();
  const [filters, setFilters] = useState<PeopleFilters>({});
  const [added, setAdded] = useState<{ added: number; matched: number }>();
  const any = !!(filters.compoundId || filters.status?.length || filters.nationality?.length);

  const count = useQuery({
    queryKey: ['people', 'count', filters],
    queryFn: () => countMatching(filters),
    enabled: any,
  });
  const addAll = useMutation({
    mutationFn: () => fetchAllMatching(filters),
    onSuccess: (people) => setAdded({ added: onAdd(people), matched: people.length }),
  });
  const change = (next: PeopleFilters) => {
    setFilters((f) => ({ ...f, ...next }));
    setAdded(undefined);
    addAll.reset();
  };
  const matching = count.data?.count ?? null;
  const tooMany = matching === null ? !!count.data : matching > MAX_PEOPLE_PER_EVENT;

  return (
    <Stack gap="sm">
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <Select
          label={t('handovers.filters.compound')}
          placeholder={t('handovers.filters.any')}
          searchable
          clearable
          nothingFoundMessage={t('handovers.filters.nothingFound')}
          data={(compounds.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
          value={filters.compoundId ?? null}
          onChange={(value) => change({ compoundId: value ?? undefined })}
        />
        <MultiSelect
          label={t('handovers.filters.status')}
          placeholder={filters.status?.length ? undefined : t('handovers.filters.any')}
          searchable
          clearable
          data={CASE_STATUSES.map((s) => ({ value: s, label: t(`common.status.${s}`) }))}
          value={filters.status ?? []}
          onChange={(value) => change({ status: value as PeopleFilters['status'] })}
        />
        <MultiSelect
          label={t('handovers.filters.nationality')}
          placeholder={filters.nationality?.length ? undefined : t('handovers.filters.any')}
          searchable
          clearable
          nothingFoundMessage={t('handovers.filters.nothingFound')}
          data={(nationalities.data ?? []).map((n) => ({ value: n.code, label: country(n.code) }))}
          value={filters.nationality ?? []}
          onChange={(value) => change({ nationality: value })}
        />
      </SimpleGrid>
      <ErrorAlert error={compounds.error ?? nationalities.error ?? count.error} />
      <Group gap="sm" wrap="wrap">
        <Text role="status" data-testid="matching-count">
          {!any
            ? t('handovers.filters.chooseOne')
            : count.isPending
              ? t('common.loading')
              : matching === null
                ? t('handovers.filters.atLeast', { count: count.data?.atLeast ?? 0 })
                : t('handovers.filters.matching', { count: matching, formatted: number(matching) })}
        </Text>
        <Button
          onClick={() => addAll.mutate()}
          loading={addAll.isPending}
          disabled={!any || !matching || tooMany}
        >
          {matching
            ? t('handovers.filters.addAll', { count: matching, formatted: number(matching) })
            : t('handovers.filters.addAllNone')}
        </Button>
      </Group>
      {tooMany && (
        <Text c="red.8">{t('handovers.filters.tooMany', { max: number(MAX_PEOPLE_PER_EVENT) })}</Text>
      )}
      <ErrorAlert error={addAll.error} title={t('handovers.filters.addFailed')} />
      {added && (
        <Text role="status">
          {t('handovers.filters.added', {
            count: added.added,
            formatted: number(added.added),
            already: number(added.matched - added.added),
          })}
        </Text>
      )}
    </Stack>
  );
}
