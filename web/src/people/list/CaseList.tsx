import { Box, Card, Group, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format';
import { StatusBadge } from '../components/StatusBadge';
import { CaseLink, CaseNameText, CompoundName, NationalityNames, OverdueFor } from './CaseCells';
import type { CaseSummary } from './usePeoplePages';
import { useCompoundsById } from '../../reference/useReferenceData';

interface CaseListProps {
  cases: CaseSummary[];
  /** What the list is, for screen readers ("Overdue cases"). */
  label: string;
}

/**
 * Cases as rows, each leading to its case page. A table where there is room; on a phone, stacked
 * cards, so nothing makes the page scroll sideways. The "overdue by" column appears when the API
 * says when the cases passed their target (overdue lists only).
 */
export function CaseList({ cases, label }: CaseListProps) {
  const wide = useMediaQuery('(min-width: 48em)', true, { getInitialValueInEffect: false });
  const compounds = useCompoundsById().data;
  const withOverdue = cases.some((c) => c.overdueSince);
  return wide ? (
    <CaseTable cases={cases} label={label} withOverdue={withOverdue} compounds={compounds} />
  ) : (
    <CaseCards cases={cases} label={label} compounds={compounds} />
  );
}

type Compounds = ReturnType<typeof useCompoundsById>['data'];

function CaseTable({
  cases,
  label,
  withOverdue,
  compounds,
}: CaseListProps & { withOverdue: boolean; compounds: Compounds }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table striped highlightOnHover verticalSpacing="xs" aria-label={label}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('people.cases.column.caseNumber')}</Table.Th>
            <Table.Th scope="col">{t('people.cases.column.name')}</Table.Th>
            <Table.Th scope="col">{t('people.cases.column.nationality')}</Table.Th>
            <Table.Th scope="col">{t('people.cases.column.status')}</Table.Th>
            {withOverdue && <Table.Th scope="col">{t('people.cases.column.overdue')}</Table.Th>}
            <Table.Th scope="col">{t('people.cases.column.compound')}</Table.Th>
            <Table.Th scope="col">{t('people.cases.column.rescuedAt')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {cases.map((person) => (
            <Table.Tr key={person.id} data-testid="case-row" data-status={person.status}>
              <Table.Td>
                <CaseLink person={person} />
              </Table.Td>
              <Table.Td>
                <CaseNameText person={person} />
              </Table.Td>
              <Table.Td data-testid="case-nationality">
                <NationalityNames person={person} />
              </Table.Td>
              <Table.Td>
                {/* The badge's whole words, not "Presumed vic…": the column widens, the table scrolls. */}
                <Box w="max-content">
                  <StatusBadge status={person.status} />
                </Box>
              </Table.Td>
              {withOverdue && (
                <Table.Td>
                  <OverdueFor since={person.overdueSince} />
                </Table.Td>
              )}
              <Table.Td>
                <CompoundName id={person.compoundId} compounds={compounds} />
              </Table.Td>
              <Table.Td>{format.date(person.rescuedAt)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function CaseCards({ cases, label, compounds }: CaseListProps & { compounds: Compounds }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    // A list of cards (not a table) on a phone: a screen reader still hears how many cases there are.
    <Stack gap="xs" component="ul" aria-label={label} p={0} m={0} style={{ listStyle: 'none' }}>
      {cases.map((person) => (
        <Card
          key={person.id}
          component="li"
          withBorder
          padding="sm"
          data-testid="case-row"
          data-status={person.status}
        >
          <Group justify="space-between" gap="xs" wrap="wrap">
            <CaseLink person={person} />
            <StatusBadge status={person.status} />
          </Group>
          <CaseNameText person={person} />
          <OverdueFor since={person.overdueSince} />
          <SimpleGrid cols={2} spacing="xs" verticalSpacing={2} mt={4}>
            <Text size="sm" fw={600}>
              {t('people.cases.column.nationality')}
            </Text>
            <Text size="sm" data-testid="case-nationality">
              <NationalityNames person={person} />
            </Text>
            <Text size="sm" fw={600}>
              {t('people.cases.column.compound')}
            </Text>
            <Text size="sm">
              <CompoundName id={person.compoundId} compounds={compounds} />
            </Text>
            <Text size="sm" fw={600}>
              {t('people.cases.column.rescuedAt')}
            </Text>
            <Text size="sm">{format.date(person.rescuedAt)}</Text>
          </SimpleGrid>
        </Card>
      ))}
    </Stack>
  );
}
