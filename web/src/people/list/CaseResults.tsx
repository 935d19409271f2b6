import { Button, Center, Group, Loader, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../shell/ErrorAlert';
import { useFormat } from '../../i18n/format';
import type { CaseFilters } from './caseFilters';
import { CaseCount } from './CaseCount';
import { CaseList } from './CaseList';
import { usePeopleCount, usePeoplePages } from './usePeoplePages';

/**
 * The matching cases with their count and a "Load more" button that asks for the next keyset page
 * (the API's `nextCursor`). Pages already shown stay on screen: a caseworker working down a long list
 * keeps their place.
 */
export function CaseResults({ filters, onClear }: { filters: CaseFilters; onClear?: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const pages = usePeoplePages(filters);
  const count = usePeopleCount(filters);
  const cases = pages.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <Stack gap="sm" aria-busy={pages.isFetching}>
      <CaseCount count={count.data} />
      <ErrorAlert error={count.error} title={t('people.cases.countFailed')} />
      <ErrorAlert error={pages.error} title={t('people.cases.loadFailed')} />
      {pages.isPending && (
        <Center py="lg">
          <Loader aria-label={t('common.loading')} />
        </Center>
      )}
      {pages.isSuccess && cases.length === 0 && (
        <Stack gap="xs" data-testid="no-cases">
          <Text>{t('people.cases.empty')}</Text>
          {onClear && (
            <Group>
              <Button variant="default" onClick={onClear}>
                {t('people.cases.clearFilters')}
              </Button>
            </Group>
          )}
        </Stack>
      )}
      {cases.length > 0 && <CaseList cases={cases} label={t('people.cases.listLabel')} />}
      {cases.length > 0 && (
        <Group justify="space-between" gap="xs">
          <Text size="sm" data-testid="shown-count">
            {t('people.cases.shown', { count: cases.length, number: format.number(cases.length) })}
          </Text>
          {pages.hasNextPage && (
            <Button
              variant="default"
              onClick={() => void pages.fetchNextPage()}
              loading={pages.isFetchingNextPage}
            >
              {t('people.cases.loadMore')}
            </Button>
          )}
        </Group>
      )}
    </Stack>
  );
}
