import { Button, Collapse, Group, MultiSelect, Paper, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CASE_STATUSES, NAME_QUERY_MAX, VULNERABILITIES } from '../caseValues';
import { type CaseFilters, hasFilters } from './caseFilters';
import { CompoundPicker } from './CompoundPicker';
import { MoreFilters } from './MoreFilters';
import { NationalityPicker } from './NationalityPicker';

interface Props {
  filters: CaseFilters;
  onChange: (change: Partial<CaseFilters>, options?: { replace?: boolean }) => void;
  onClear: () => void;
}

/** Filters used less often: folded away on first sight, open when one of them is set. */
function usesMore(f: CaseFilters): boolean {
  return Boolean(
    f.vulnerability.length || f.assignedTo || f.rescuedFrom || f.rescuedTo || f.overdue || f.sort || f.order,
  );
}

/**
 * Every filter of GET /people. Pickers apply at once; the name search applies on Enter or the
 * Search button (one request per search, not per keystroke, on a weak connection).
 */
export function CaseFiltersForm({ filters, onChange, onClear }: Props) {
  const { t } = useTranslation();
  const [more, { toggle }] = useDisclosure(usesMore(filters));

  const search = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const q = new FormData(event.currentTarget).get('q');
    onChange({ q: typeof q === 'string' ? q.trim() : '' });
  };

  return (
    <Paper withBorder p="sm" component="section" aria-label={t('people.cases.filter.title')}>
      <Stack gap="sm">
        <form role="search" onSubmit={search} aria-label={t('people.cases.filter.searchLabel')}>
          <Group align="flex-end" gap="xs" wrap="nowrap">
            <TextInput
              // A new value from the URL (Back, a link, "clear filters") replaces what was typed.
              key={filters.q}
              name="q"
              defaultValue={filters.q}
              label={t('people.cases.filter.q')}
              description={t('people.cases.filter.qHint')}
              type="search"
              maxLength={NAME_QUERY_MAX}
              flex={1}
              miw={0}
            />
            <Button type="submit">{t('people.cases.filter.search')}</Button>
          </Group>
        </form>
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm">
          <NationalityPicker
            value={filters.nationality}
            onChange={(nationality) => onChange({ nationality })}
          />
          <MultiSelect
            label={t('people.cases.filter.status')}
            placeholder={filters.status.length ? undefined : t('people.cases.filter.any')}
            data={CASE_STATUSES.map((s) => ({ value: s, label: t(`common.status.${s}`) }))}
            value={filters.status}
            onChange={(status) => onChange({ status: status as CaseFilters['status'] })}
            searchable
            clearable
            data-testid="filter-status"
          />
          <CompoundPicker value={filters.compoundId} onChange={(compoundId) => onChange({ compoundId })} />
        </SimpleGrid>
        <Collapse expanded={more}>
          <MoreFilters filters={filters} onChange={onChange} vulnerabilities={VULNERABILITIES} />
        </Collapse>
        <Group gap="xs" justify="space-between">
          <Button variant="subtle" onClick={toggle} aria-expanded={more} aria-controls="more-filters">
            {more ? t('people.cases.filter.fewer') : t('people.cases.filter.more')}
          </Button>
          {hasFilters(filters) && (
            <Button variant="default" onClick={onClear}>
              {t('people.cases.clearFilters')}
            </Button>
          )}
        </Group>
      </Stack>
    </Paper>
  );
}
