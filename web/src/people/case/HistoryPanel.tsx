import { Button, Stack, Text, Timeline } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format';
import { ErrorAlert } from '../../shell/ErrorAlert';
import { actorLabel } from './actorLabel';
import { historyText } from './historyText';
import { Panel } from './Panel';
import { useHistory } from './useHistory';

/**
 * The case's history (GET /people/:id/history), newest first, keyset-paged: status changes with
 * their reason and note, field changes by name (never their values), events, who and when.
 */
export function HistoryPanel({ personId }: { personId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const list = useHistory(personId);
  return (
    <Panel id="history" title={t('people.case.history.title')} visibility={t('people.case.history.intro')}>
      <ErrorAlert error={list.error} />
      {list.isPending && <Text>{t('common.loading')}</Text>}
      <Timeline bulletSize={14} lineWidth={2} data-testid="history">
        {list.items.map((entry) => (
          <Timeline.Item key={entry.id} title={historyText(entry, t)}>
            <Stack gap={2}>
              <Text size="sm">
                {t('people.case.byWhen', {
                  who: actorLabel(entry.actor, t),
                  when: format.dateTime(entry.at),
                })}
              </Text>
              {entry.reason && entry.kind !== 'field_change' && (
                <Text size="sm">
                  {t('people.case.history.reason', {
                    reason: t(`common.closeReason.${entry.reason}`, { defaultValue: entry.reason }),
                  })}
                </Text>
              )}
              {entry.note && <Text size="sm">{t('people.case.history.note', { note: entry.note })}</Text>}
            </Stack>
          </Timeline.Item>
        ))}
      </Timeline>
      {list.hasMore && (
        <Button variant="subtle" onClick={list.more} loading={list.loadingMore} w="fit-content">
          {t('people.case.showMore')}
        </Button>
      )}
    </Panel>
  );
}
