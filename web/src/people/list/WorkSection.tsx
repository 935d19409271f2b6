import { Anchor, Center, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../../shell/ErrorAlert';
import { type CaseFilters, NO_FILTERS, searchFromFilters } from './caseFilters';
import { CaseList } from './CaseList';
import { useCountText } from './CaseCount';
import { usePeopleCount, usePeoplePages } from './usePeoplePages';

interface WorkSectionProps {
  /** The section's heading (h2) and the list's name for screen readers. */
  title: string;
  /** What the list is for, in one line. */
  description: string;
  /** Said in plain words when the list is empty. */
  empty: ReactNode;
  /** The list's filters; the "see all" link opens the case list with the same ones. */
  filters: Partial<CaseFilters>;
  /** The link's words ("See all overdue cases"). */
  seeAll: string;
  testId: string;
}

const FIRST_ROWS = 10;

/** One list of My work: the first rows, how many there are in all, and a link to all of them. */
export function WorkSection({ title, description, empty, filters, seeAll, testId }: WorkSectionProps) {
  const { t } = useTranslation();
  const all: CaseFilters = { ...NO_FILTERS, ...filters };
  const pages = usePeoplePages(all, FIRST_ROWS);
  const count = usePeopleCount(all);
  const countText = useCountText()(count.data);
  const cases = pages.data?.pages[0]?.items ?? [];
  const query = searchFromFilters(all).toString();

  return (
    <Paper
      withBorder
      p={{ base: 'sm', sm: 'md' }}
      component="section"
      aria-labelledby={`${testId}-title`}
      data-testid={testId}
    >
      <Stack gap="sm">
        <Group justify="space-between" align="baseline" gap="xs">
          <Title order={2} size="h3" id={`${testId}-title`}>
            {title}
          </Title>
          {countText && (
            <Text fw={600} data-testid={`${testId}-count`}>
              {countText}
            </Text>
          )}
        </Group>
        <Text size="sm">{description}</Text>
        <ErrorAlert error={pages.error ?? count.error} title={t('people.cases.loadFailed')} />
        {pages.isPending && (
          <Center py="md">
            <Loader aria-label={t('common.loading')} />
          </Center>
        )}
        {pages.isSuccess && cases.length === 0 && <Text data-testid={`${testId}-empty`}>{empty}</Text>}
        {cases.length > 0 && <CaseList cases={cases} label={title} />}
        {cases.length > 0 && (
          <Anchor component={Link} to={`/cases${query ? `?${query}` : ''}`} fw={600}>
            {seeAll}
          </Anchor>
        )}
      </Stack>
    </Paper>
  );
}
