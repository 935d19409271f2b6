import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { row, renderReport } from '../test-support';
import { OneWayChart } from './OneWayChart';
import { OneWayTable } from './OneWayTable';

// A donor's answer (k = 11): two small nationalities hidden, and a third, larger one hidden to
// protect them (secondary suppression), so the total stays published.
const ROWS = [
  row('IDN', 'Indonesia', null),
  row('KEN', 'Kenya', null),
  row('PHL', 'Philippines', null),
  row('THA', 'Thailand', 266),
  row('VNM', 'Vietnam', 0),
];

describe('a report by one dimension', { timeout: 30_000 }, () => {
  it('shows hidden figures as hidden: never a number, never zero', async () => {
    await renderReport(
      <OneWayTable
        dimension="nationality"
        rows={ROWS}
        total={290}
        totalSuppressed={false}
        caption="By nationality"
        countHeader="People"
      />,
    );
    const table = screen.getByTestId('one-way-table');
    for (const country of ['Indonesia', 'Kenya', 'Philippines']) {
      const cell = within(table).getByRole('row', { name: new RegExp(country) });
      expect(within(cell).getByText('hidden')).toBeInTheDocument();
      expect(cell.textContent).not.toMatch(/\d/);
    }
    expect(within(table).getByRole('row', { name: /Thailand/ }).textContent).toContain('266');
    // A published zero is a zero: it is not hidden.
    expect(within(table).getByRole('row', { name: /Vietnam/ }).textContent).toContain('0');
    expect(within(table).getByRole('row', { name: /Total/ }).textContent).toContain('290');
    expect(table.textContent).not.toMatch(/fewer|<\s*11|< 11/i);
  });

  it('shows a hidden total as hidden', async () => {
    await renderReport(
      <OneWayTable
        dimension="sex"
        rows={[row('female', 'Female', null), row('male', 'Male', null)]}
        total={null}
        totalSuppressed
        caption="By sex"
        countHeader="People"
      />,
    );
    const total = screen.getByRole('row', { name: /Total/ });
    expect(within(total).getByText('hidden')).toBeInTheDocument();
    expect(total.textContent).not.toMatch(/\d/);
  });

  it('lists hidden figures under the chart instead of drawing them', async () => {
    await renderReport(<OneWayChart dimension="nationality" rows={ROWS} />);
    expect(screen.getByTestId('chart-hidden-list').textContent).toBe(
      'Hidden, so not drawn: Indonesia, Kenya, Philippines.',
    );
  });

  it('says so when nothing is hidden', async () => {
    await renderReport(<OneWayChart dimension="month" rows={[row('2023-11', '2023-11', 273)]} />);
    expect(screen.getByTestId('chart-hidden-list').textContent).toBe(
      'Every figure of the table below is drawn.',
    );
  });
});
