import { Button, Table, Text, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useCountryName } from '../../i18n/countries';
import { AliasesText, placeOf } from './CompoundCells';
import type { CompoundListProps } from './CompoundList';
import { CompoundStatusBadge } from './CompoundStatusBadge';

export function CompoundsTable({ compounds, onEdit }: CompoundListProps) {
  const { t } = useTranslation();
  const country = useCountryName();
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table
        striped
        verticalSpacing="xs"
        aria-label={t('compounds.list.label')}
        data-testid="compounds-table"
      >
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('compounds.fields.name')}</Table.Th>
            <Table.Th scope="col">{t('compounds.fields.countryCode')}</Table.Th>
            <Table.Th scope="col">{t('compounds.list.place')}</Table.Th>
            <Table.Th scope="col">{t('compounds.fields.controlledBy')}</Table.Th>
            <Table.Th scope="col">{t('compounds.fields.status')}</Table.Th>
            <Table.Th scope="col">
              <VisuallyHidden>{t('compounds.list.actions')}</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {compounds.map((compound) => (
            <Table.Tr key={compound.id} data-testid="compound-row" data-name={compound.name}>
              <Table.Td>
                <Text fw={600}>{compound.name}</Text>
                <AliasesText compound={compound} />
              </Table.Td>
              <Table.Td>{country(compound.countryCode)}</Table.Td>
              <Table.Td>{placeOf(compound)}</Table.Td>
              <Table.Td>{compound.controlledBy}</Table.Td>
              <Table.Td>
                <CompoundStatusBadge status={compound.status} />
              </Table.Td>
              <Table.Td>
                <Button
                  size="xs"
                  variant="default"
                  onClick={() => onEdit(compound)}
                  aria-label={t('compounds.edit.openFor', { name: compound.name })}
                >
                  {t('compounds.edit.open')}
                </Button>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
