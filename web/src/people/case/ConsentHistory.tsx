import { Button, List, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client';
import { useFormat } from '../../i18n/format';
import { ErrorAlert } from '../../shell/ErrorAlert';
import { caseKeys } from './caseApi';
import { usePagedList } from './usePagedList';
import { actorLabel } from './actorLabel';

/** Every grant and withdrawal (GET /people/:id/consents), latest given first, with who recorded it. */
export function ConsentHistory({ personId }: { personId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const list = usePagedList(caseKeys.consents(personId), (cursor) =>
    unwrap(
      api.GET('/api/v1/people/{id}/consents', {
        params: { path: { id: personId }, query: { limit: 20, ...(cursor ? { cursor } : {}) } },
      }),
    ),
  );
  return (
    <Stack gap="xs">
      <Title order={3} size="h5">
        {t('people.case.consents.historyTitle')}
      </Title>
      <ErrorAlert error={list.error} />
      {!list.isPending && list.items.length === 0 && (
        <Text size="sm">{t('people.case.consents.noHistory')}</Text>
      )}
      <List spacing={4} size="sm" data-testid="consent-history">
        {list.items.map((entry) => (
          <List.Item key={entry.id}>
            {t(entry.granted ? 'people.case.consents.entryGranted' : 'people.case.consents.entryWithdrawn', {
              type: t(`people.case.consents.type.${entry.type}`),
              when: format.dateTime(entry.givenAt),
              who: actorLabel(entry.recordedBy, t),
            })}
            {entry.note ? ` — ${entry.note}` : ''}
          </List.Item>
        ))}
      </List>
      {list.hasMore && (
        <Button variant="subtle" size="compact-sm" onClick={list.more} loading={list.loadingMore}>
          {t('people.case.showMore')}
        </Button>
      )}
    </Stack>
  );
}
