import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format';
import type { FigureRow } from '../hooks/useEmbassyFigures';

interface Props {
  caption: string;
  keyHeader: string;
  rows: FigureRow[];
  total: number | null;
  totalSuppressed: boolean;
  /** The row's name in the reader's language (a status, a country, a month). */
  label: (row: FigureRow) => string;
}

/**
 * A count per row. A hidden count reads "Hidden", never "fewer than k": a cell may be hidden to
 * protect another, and then it may be large (API.md "Reports").
 */
export function FigureTable({ caption, keyHeader, rows, total, totalSuppressed, label }: Props) {
  const { t } = useTranslation();
  const format = useFormat();
  const count = (value: number | null, suppressed: boolean) =>
    suppressed ? (
      <Text span fw={500} data-suppressed="true">
        {t('consular.figures.hidden')}
      </Text>
    ) : (
      format.number(value)
    );
  if (rows.length === 0) return <Text>{t('consular.figures.noRows')}</Text>;
  return (
    <Table.ScrollContainer minWidth={300}>
      <Table striped>
        <Table.Caption>{caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{keyHeader}</Table.Th>
            <Table.Th ta="right">{t('consular.figures.count')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={row.key}>
              <Table.Td>{label(row)}</Table.Td>
              <Table.Td ta="right">{count(row.count, row.suppressed)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
        <Table.Tfoot>
          <Table.Tr>
            <Table.Th>{t('consular.figures.total')}</Table.Th>
            <Table.Th ta="right">{count(total, totalSuppressed)}</Table.Th>
          </Table.Tr>
        </Table.Tfoot>
      </Table>
    </Table.ScrollContainer>
  );
}
