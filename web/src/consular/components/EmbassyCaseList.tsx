import { Anchor, Button, Card, Group, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
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
 * The embassy's list: only what the minimal view holds. A table where there is room; on a phone,
 * stacked cards (as the caseworker's list), so nothing scrolls sideways and no case number breaks.
 */
export function EmbassyCaseList({ cases, hasMore, loadingMore, onMore }: Props) {
  const { t } = useTranslation();
  const wide = useMediaQuery('(min-width: 48em)', true, { getInitialValueInEffect: false });
  if (cases.length === 0) return <Text>{t('consular.cases.empty')}</Text>;
  return (
    <Stack gap="sm">
      {wide ? <CaseTable cases={cases} /> : <CaseCards cases={cases} />}
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

function CaseTable({ cases }: { cases: EmbassyCase[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
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
                <CaseLink c={c} />
              </Table.Td>
              <Table.Td>
                <CaseName c={c} />
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
  );
}

function CaseCards({ cases }: { cases: EmbassyCase[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  const fact = (label: string, value: ReactNode) => (
    <>
      <Text size="sm" fw={600}>
        {label}
      </Text>
      <Text size="sm">{value}</Text>
    </>
  );
  return (
    <Stack
      gap="xs"
      component="ul"
      aria-label={t('consular.cases.title')}
      p={0}
      m={0}
      style={{ listStyle: 'none' }}
      data-testid="embassy-case-cards"
    >
      {cases.map((c) => (
        <Card key={c.id} component="li" withBorder padding="sm">
          <Group justify="space-between" gap="xs" wrap="wrap">
            <CaseLink c={c} />
            <StatusBadge status={c.status} />
          </Group>
          <CaseName c={c} />
          <SimpleGrid cols={2} spacing="xs" verticalSpacing={2} mt={4}>
            {fact(
              t('consular.fields.nationalities'),
              <Nationalities codes={c.nationalities.map((n) => n.code)} />,
            )}
            {fact(t('consular.fields.notification'), notificationState(c, t))}
            {fact(t('consular.fields.rescuedAt'), format.date(c.rescuedAt))}
          </SimpleGrid>
        </Card>
      ))}
    </Stack>
  );
}

function CaseLink({ c }: { c: EmbassyCase }) {
  return (
    <Anchor component={Link} to={`?case=${c.id}`} style={{ whiteSpace: 'nowrap' }}>
      {c.caseNumber}
    </Anchor>
  );
}

function CaseName({ c }: { c: EmbassyCase }) {
  const { t } = useTranslation();
  return (
    <>
      {romanisedName(c) || t('consular.fields.noName')}
      {c.nameNative && (
        <Text span size="sm" display="block">
          {c.nameNative}
        </Text>
      )}
    </>
  );
}

function notificationState(c: EmbassyCase, t: TFunction): string {
  if (!c.notification) return t('consular.notification.none');
  if (c.notification.acknowledgedAt) return t('consular.notification.acknowledged');
  return t('consular.notification.awaiting');
}

function Nationalities({ codes }: { codes: string[] }) {
  const country = useCountryName();
  return <>{codes.map(country).join(', ')}</>;
}
