import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { CrosstabReport } from '../reportRequest';
import { row, renderReport } from '../test-support';
import { CrosstabTable } from './CrosstabTable';

const cell = (r: string, column: string, count: number | null) => ({
  row: r,
  column,
  count,
  suppressed: count === null,
});

// Nationality × month as an analyst (k = 5) sees it: the Philippine cells are hidden in pairs (a
// hidden partner in each row and column), so are their margins' partners.
const REPORT: CrosstabReport = {
  rows: 'nationality',
  columns: 'month',
  from: '2023-01-01',
  to: '2024-12-31',
  threshold: 5,
  cells: [
    cell('PHL', '2023-11', null),
    cell('PHL', '2024-12', null),
    cell('THA', '2023-11', 266),
    cell('THA', '2024-12', null),
    cell('VNM', '2023-11', null),
    cell('VNM', '2024-12', 12),
  ],
  rowTotals: [row('PHL', 'Philippines', 9), row('THA', 'Thailand', 270), row('VNM', 'Vietnam', null)],
  columnTotals: [row('2023-11', '2023-11', 273), row('2024-12', '2024-12', null)],
  total: 291,
  totalSuppressed: false,
};

describe('the cross-tab', { timeout: 30_000 }, () => {
  it('shows every cell with both margins and the grand total, hidden ones as hidden', async () => {
    await renderReport(<CrosstabTable report={REPORT} caption="Nationality by month" />);
    const table = screen.getByTestId('crosstab-table');
    const header = within(table)
      .getAllByRole('columnheader')
      .map((h) => h.textContent);
    expect(header).toEqual(['Nationality / Month', 'Nov 2023', 'Dec 2024', 'Total']);

    const cells = (name: RegExp) =>
      within(within(table).getByRole('row', { name }))
        .getAllByRole('cell')
        .map((c) => c.textContent);
    expect(cells(/Philippines/)).toEqual(['hidden', 'hidden', '9']);
    expect(cells(/Thailand/)).toEqual(['266', 'hidden', '270']);
    expect(cells(/Vietnam/)).toEqual(['hidden', '12', 'hidden']);
    // The last line: the column totals, then the grand total.
    expect(cells(/^Total/)).toEqual(['273', 'hidden', '291']);
  });
});
