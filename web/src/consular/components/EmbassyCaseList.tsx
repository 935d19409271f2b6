import { Anchor, Button, Group, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCountryName } from '../../i18n/countries';
import { useFormat } from '../../i18n/format';
import { StatusBadge } from '../../people/components/StatusBadge';
import type { EmbassyCase } from '../hooks/useEmbassyCases';
import { romanisedName } from './personName';

interface Props {
  cases: EmbassyCase[];
  hasMore: boolean;
  loadingMore: boolean;
  onMore: () => void;
}

/**
 * The embassy's list: only what the minimal view holds. The table scrolls inside its own box on a
 * phone, so the page itself never scrolls sideways.
 */
export function EmbassyCaseList({ cases, hasMore, loadingMore, onMore }: Props) {
  const { t } = useTranslation();
  const format = useFormat();
  if (cases.length === 0) return <Text>{t('consular.cases.empty')}</Text>;
  return (
    <Stack gap="sm">
      <Table.ScrollContainer minWidth={760}>
        <Table striped highlightOnHover data-testid="embassy-cases">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('consular.fields.caseNumber')}</Table.Th>
              <Table.Th>{t('consular.fields.name')}</Table.Th>
              <Table.Th>{t('consular.fields.nationalities')}</Table.Th>
              <Table.Th>{t('consular.fields.status')}</Table.Th>
              <Table.Th>{t('consular.fields.notification')}</Table.Th>
              <Table.Th>{t('consular.fields.rescuedAt')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {cases.map((c) => (
              <Table.Tr key={c.id} data-nationalities={c.nationalities.map((n) => n.code).join(' ')}>
                <Table.Td>
                  <Anchor component={Link} to={`?case=${c.id}`}>
                    {c.caseNumber}
                  </Anchor>
                </Table.Td>
                <Table.Td>
                  {romanisedName(c) || t('consular.fields.noName')}
                  {c.nameNative && (
                    <Text span size="sm" display="block">
                      {c.nameNative}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Nationalities codes={c.nationalities.map((n) => n.code)} />
                </Table.Td>
                <Table.Td>
                  <StatusBadge status={c.status} />
                </Table.Td>
                <Table.Td>{notificationState(c, t)}</Table.Td>
                <Table.Td>{format.date(c.rescuedAt)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {hasMore && (
        <Group>
          <Button variant="default" onClick={onMore} loading={loadingMore}>
            {t('consular.cases.more')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}

function notificationState(c: EmbassyCase, t: (key: string) => string): string {
  if (!c.notification) return t('consular.notification.none');
  if (c.notification.acknowledgedAt) return t('consular.notification.acknowledged');
  return t('consular.notification.awaiting');
}

function Nationalities({ codes }: { codes: string[] }) {
  const country = useCountryName();
  return <>{codes.map(country).join(', ')}</>;
}
