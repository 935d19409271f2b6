import { Stack, Table, Text } from '@mantine/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useKeyLabel } from '../hooks/useKeyLabel';
import type { CrosstabReport } from '../reportRequest';
import { Figure } from './Figure';

/**
 * Two dimensions at once with both margins: a total per row (last column), a total per column (last
 * line) and the grand total, each as the API published it (a margin may be hidden as well).
 */
export function CrosstabTable({ report, caption }: { report: CrosstabReport; caption: string }) {
  const { t } = useTranslation();
  const label = useKeyLabel();
  const cells = new Map(report.cells.map((c) => [`${c.row}\u0000${c.column}`, c]));
  const cell = (row: string, column: string) => cells.get(`${row}\u0000${column}`);
  const captionId = useId();
  // The title stays outside the sideways-scrolling box, so a phone shows it whole.
  return (
    <Stack gap={4}>
      <Text id={captionId} ta="center">
        {caption}
      </Text>
      <Table.ScrollContainer minWidth={Math.max(320, 140 + (report.columnTotals.length + 1) * 90)}>
        <Table
          striped
          withTableBorder
          withColumnBorders
          aria-labelledby={captionId}
          data-testid="crosstab-table"
        >
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">
                {t('reports.crosstab.corner', {
                  rows: t(`reports.dimension.${report.rows}`),
                  columns: t(`reports.dimension.${report.columns}`),
                })}
              </Table.Th>
              {report.columnTotals.map((c) => (
                <Table.Th scope="col" key={c.key} ta="end" data-key={c.key}>
                  {label(report.columns, c.key, c.label)}
                </Table.Th>
              ))}
              <Table.Th scope="col" ta="end">
                {t('reports.total')}
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {report.rowTotals.length === 0 && (
              <Table.Tr>
                <Table.Td colSpan={report.columnTotals.length + 2}>{t('reports.noRows')}</Table.Td>
              </Table.Tr>
            )}
            {report.rowTotals.map((r) => (
              <Table.Tr key={r.key} data-key={r.key}>
                <Table.Th scope="row" fw={400}>
                  {label(report.rows, r.key, r.label)}
                </Table.Th>
                {report.columnTotals.map((c) => {
                  const found = cell(r.key, c.key);
                  return (
                    <Table.Td key={c.key} ta="end">
                      {/* The API sends every cell of the grid; a missing one is not invented as zero. */}
                      {found ? <Figure count={found.count} suppressed={found.suppressed} /> : '–'}
                    </Table.Td>
                  );
                })}
                <Table.Td ta="end" fw={700} data-margin="row">
                  <Figure count={r.count} suppressed={r.suppressed} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
          <Table.Tfoot>
            <Table.Tr data-key="total">
              <Table.Th scope="row">{t('reports.total')}</Table.Th>
              {report.columnTotals.map((c) => (
                <Table.Td key={c.key} ta="end" fw={700} data-margin="column">
                  <Figure count={c.count} suppressed={c.suppressed} />
                </Table.Td>
              ))}
              <Table.Td ta="end" fw={700} data-margin="total">
                <Figure count={report.total} suppressed={report.totalSuppressed} />
              </Table.Td>
            </Table.Tr>
          </Table.Tfoot>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}
