import { Button, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client';
import { useFormat } from '../../i18n/format';
import { ErrorAlert } from '../../shell/ErrorAlert';
import { actorLabel } from './actorLabel';
import { caseKeys } from './caseApi';
import { Panel } from './Panel';
import { usePagedList } from './usePagedList';

/**
 * Who read or changed this record, and when (GET /people/:id/access-log: admin and supervisor only,
 * DESIGN.md §4), newest first. Reading it is itself logged, as the first line shows.
 */
export function AccessLogPanel({ personId }: { personId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const list = usePagedList(caseKeys.accessLog(personId), (cursor) =>
    unwrap(
      api.GET('/api/v1/people/{id}/access-log', {
        params: { path: { id: personId }, query: { limit: 25, ...(cursor ? { cursor } : {}) } },
      }),
    ),
  );
  return (
    <Panel
      id="access-log"
      title={t('people.case.accessLog.title')}
      visibility={t('people.case.accessLog.intro')}
    >
      <ErrorAlert error={list.error} />
      {list.isPending && <Text>{t('common.loading')}</Text>}
      <Table.ScrollContainer minWidth={520}>
        <Table striped data-testid="access-log">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('people.case.accessLog.when')}</Table.Th>
              <Table.Th>{t('people.case.accessLog.who')}</Table.Th>
              <Table.Th>{t('people.case.accessLog.what')}</Table.Th>
              <Table.Th>{t('people.case.accessLog.outcome')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.items.map((entry, i) => (
              <Table.Tr key={`${entry.at}-${entry.requestId ?? i}-${entry.action}`}>
                <Table.Td>{format.dateTime(entry.at)}</Table.Td>
                <Table.Td>{actorLabel(entry.actor, t)}</Table.Td>
                <Table.Td>
                  {t(`people.case.accessLog.action.${entry.action}`, { defaultValue: entry.action })}
                </Table.Td>
                <Table.Td>
                  {t(`people.case.accessLog.outcomes.${entry.outcome}`, { defaultValue: entry.outcome })}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {list.hasMore && (
        <Button variant="subtle" onClick={list.more} loading={list.loadingMore} w="fit-content">
          {t('people.case.showMore')}
        </Button>
      )}
    </Panel>
  );
}
