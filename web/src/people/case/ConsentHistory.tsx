import { Button, List, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client';
import { useFormat } from '../../i18n/format';
import { ErrorAlert } from '../../shell/ErrorAlert';
import { caseKeys } from './caseApi';
import { usePagedList } from './usePagedList';
import { actorLabel } from './actorLabel';

/** The note of a consent given at intake (src/people/people.service.ts). */
const INTAKE_NOTE = 'given at intake';

/** Every grant and withdrawal (GET /people/:id/consents), latest given first, with who recorded it. */
export function ConsentHistory({ personId }: { personId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  // The note the API writes on consents given at intake is the app's own words: shown in the reader's
  // language. A note a caseworker typed is shown as typed.
  const noteText = (note: string) => (note === INTAKE_NOTE ? t('people.case.consents.givenAtIntake') : note);
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
            {entry.note ? ` — ${noteText(entry.note)}` : ''}
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
