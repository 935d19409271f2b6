import { Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useKeyLabel } from '../hooks/useKeyLabel';
import type { CaseloadGroup, Dimension } from '../reportParams';
import type { ReportRow } from '../reportRequest';
import { Figure } from './Figure';

interface Props {
  dimension: Dimension | CaseloadGroup;
  rows: ReportRow[];
  total: number | null;
  totalSuppressed: boolean;
  caption: string;
  countHeader: string;
}

/**
 * A report by one dimension as a table, in the API's order (it orders rows so that the order says
 * nothing about the hidden ones), with its total as the last line.
 */
export function OneWayTable({ dimension, rows, total, totalSuppressed, caption, countHeader }: Props) {
  const { t } = useTranslation();
  const label = useKeyLabel();
  return (
    <Table.ScrollContainer minWidth={260}>
      <Table striped withTableBorder captionSide="top" data-testid="one-way-table">
        <caption>{caption}</caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t(`reports.dimension.${dimension}`)}</Table.Th>
            <Table.Th scope="col" ta="end">
              {countHeader}
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.length === 0 && (
            <Table.Tr>
              <Table.Td colSpan={2}>{t('reports.noRows')}</Table.Td>
            </Table.Tr>
          )}
          {rows.map((row) => (
            <Table.Tr key={row.key} data-key={row.key}>
              <Table.Th scope="row" fw={400}>
                {label(dimension, row.key, row.label)}
              </Table.Th>
              <Table.Td ta="end">
                <Figure count={row.count} suppressed={row.suppressed} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
        <Table.Tfoot>
          <Table.Tr data-key="total">
            <Table.Th scope="row">{t('reports.total')}</Table.Th>
            <Table.Td ta="end" fw={700}>
              <Figure count={total} suppressed={totalSuppressed} />
            </Table.Td>
          </Table.Tr>
        </Table.Tfoot>
      </Table>
    </Table.ScrollContainer>
  );
}
