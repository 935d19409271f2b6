import {
  ActionIcon,
  Button,
  Group,
  ScrollArea,
  Stack,
  Table,
  Text,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useCountryName } from '../../i18n/countries';
import { useFormat } from '../../i18n/format';
import { StatusBadge } from '../../people/components/StatusBadge';
import { countByNationality, displayName, type Selection } from '../lib/selection';
import { NationalityCounts } from './NationalityCounts';

/** Case numbers and statuses stay on one line; the table scrolls sideways in its box on a phone. */
const NO_WRAP = { whiteSpace: 'nowrap' } as const;

/**
 * The people chosen so far: counts by nationality, then every person with a button to take them
 * out. Hundreds of rows scroll inside their own box, so the rest of the builder stays in reach.
 */
export function SelectionList({
  selection,
  onRemove,
  onClear,
}: {
  selection: Selection;
  onRemove: (id: string) => void;
  onClear: () => void;
}) {
  const { t } = useTranslation();
  const { number } = useFormat();
  const country = useCountryName();
  const people = [...selection.values()];
  return (
    <Stack gap="xs" data-testid="selection">
      <Group justify="space-between" wrap="wrap">
        <Title order={3} size="h4" data-count={people.length}>
          {t('handovers.selection.title', { count: people.length, formatted: number(people.length) })}
        </Title>
        {people.length > 0 && (
          <Button variant="subtle" color="red" size="compact-sm" onClick={onClear}>
            {t('handovers.selection.clear')}
          </Button>
        )}
      </Group>
      {people.length === 0 ? (
        <Text>{t('handovers.selection.empty')}</Text>
      ) : (
        <>
          <NationalityCounts
            counts={countByNationality(selection)}
            label={t('handovers.selection.byNationality')}
          />
          <ScrollArea.Autosize mah={360} type="auto">
            <Table striped stickyHeader miw={620} aria-label={t('handovers.selection.tableLabel')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('handovers.person.caseNumber')}</Table.Th>
                  <Table.Th scope="col">{t('handovers.person.name')}</Table.Th>
                  <Table.Th scope="col">{t('handovers.person.nationality')}</Table.Th>
                  <Table.Th scope="col">{t('handovers.person.status')}</Table.Th>
                  <Table.Th scope="col">
                    <VisuallyHidden>{t('handovers.selection.removeColumn')}</VisuallyHidden>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {people.map((p) => (
                  <Table.Tr key={p.id} data-case-number={p.caseNumber}>
                    <Table.Td style={NO_WRAP}>{p.caseNumber}</Table.Td>
                    <Table.Td>{p.erased ? t('handovers.person.erased') : displayName(p)}</Table.Td>
                    <Table.Td>{p.nationalities.map((n) => country(n.code)).join(', ')}</Table.Td>
                    <Table.Td style={NO_WRAP}>
                      <StatusBadge status={p.status} />
                    </Table.Td>
                    <Table.Td>
                      <ActionIcon
                        variant="subtle"
                        color="red"
                        onClick={() => onRemove(p.id)}
                        aria-label={t('handovers.selection.remove', { caseNumber: p.caseNumber })}
                      >
                        <span aria-hidden="true">✕</span>
                      </ActionIcon>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollArea.Autosize>
        </>
      )}
    </Stack>
  );
}
