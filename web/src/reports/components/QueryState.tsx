import { Button, Group, Loader, Stack } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../shell/ErrorAlert';

/** A report while it loads, when it failed (in plain words, with a retry), and once it arrived. */
export function QueryState<T>({
  query,
  children,
}: {
  query: UseQueryResult<T>;
  children: (data: T) => ReactNode;
}) {
  const { t } = useTranslation();
  if (query.data !== undefined) return <>{children(query.data)}</>;
  if (query.error) {
    return (
      <Stack gap="xs" align="flex-start">
        <ErrorAlert error={query.error} title={t('reports.failed')} />
        <Button variant="light" onClick={() => void query.refetch()}>
          {t('common.retry')}
        </Button>
      </Stack>
    );
  }
  if (query.fetchStatus === 'idle') return null;
  return (
    <Group gap="xs" role="status">
      <Loader size="sm" />
      {t('common.loading')}
    </Group>
  );
}
