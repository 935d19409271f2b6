import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { mockFetchForTests, setAccessToken } from '../../api/client';
import { json } from '../../test/render';
import { row, renderReport } from '../test-support';
import ReportsPage from './ReportsPage';

const BY_MONTH = {
  groupBy: 'month',
  from: '2023-01-01',
  to: '2024-12-31',
  threshold: 11,
  rows: [row('2023-11', '2023-11', 273), row('2024-11', '2024-11', null), row('2024-12', '2024-12', null)],
  total: 300,
  totalSuppressed: false,
};
const CSV =
  'key,label,count\n2023-11,2023-11,273\n2024-11,2024-11,suppressed\n2024-12,2024-12,suppressed\ntotal,Total,300\n';

describe('the reports page', { timeout: 30_000 }, () => {
  let calls: Request[];
  let restore: () => void;
  let saved: Blob[];

  beforeEach(() => {
    calls = [];
    saved = [];
    restore = mockFetchForTests(async (input) => {
      const request = input as Request;
      calls.push(request);
      const url = new URL(request.url);
      if (url.searchParams.get('format') === 'csv') {
        return new Response(CSV, { status: 200, headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
      }
      return json(200, BY_MONTH);
    });
    setAccessToken('donor-token');
    URL.createObjectURL = vi.fn((blob: Blob) => {
      saved.push(blob);
      return 'blob:report';
    });
    URL.revokeObjectURL = vi.fn();
  });
  afterEach(() => restore());

  const reportCalls = (format?: string) =>
    calls
      .map((r) => new URL(r.url))
      .filter((u) => u.pathname === '/api/v1/reports/repatriations')
      .filter((u) => u.searchParams.get('format') === (format ?? null));

  it('asks for the range and grouping in the address, and shows hidden months as hidden', async () => {
    await renderReport(<ReportsPage />, '/reports?from=2023-01-01&to=2024-12-31&groupBy=month');
    const table = await screen.findByTestId('one-way-table');
    expect(Object.fromEntries(reportCalls()[0].searchParams)).toEqual({
      groupBy: 'month',
      from: '2023-01-01',
      to: '2024-12-31',
    });
    const figure = (month: RegExp) =>
      within(within(table).getByRole('row', { name: month })).getByRole('cell').textContent;
    expect(figure(/Nov 2023/)).toBe('273');
    expect(figure(/Nov 2024/)).toBe('hidden');
    expect(figure(/Dec 2024/)).toBe('hidden');
    expect(screen.getByTestId('disclosure-note').textContent).toContain('no count under 11');
  });

  it('downloads the CSV of the same report with the same parameters, with the access token', async () => {
    await renderReport(<ReportsPage />, '/reports?from=2023-01-01&to=2024-12-31&groupBy=month');
    await screen.findByTestId('one-way-table');
    await userEvent.click(screen.getByRole('button', { name: 'Download these figures (CSV)' }));
    await waitFor(() => expect(saved).toHaveLength(1));

    const [table] = reportCalls();
    const [csv] = reportCalls('csv');
    const params = new URLSearchParams(csv.searchParams);
    params.delete('format');
    expect(Object.fromEntries(params)).toEqual(Object.fromEntries(table.searchParams));
    const csvRequest = calls.find((r) => new URL(r.url).searchParams.get('format') === 'csv')!;
    expect(csvRequest.headers.get('Authorization')).toBe('Bearer donor-token');
    expect(await saved[0].text()).toBe(CSV);
  });

  it('keeps a changed grouping in the address and asks again', async () => {
    await renderReport(<ReportsPage />, '/reports?from=2023-01-01&to=2024-12-31');
    await screen.findByTestId('one-way-table');
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Group by' }), 'sex');
    await waitFor(() => expect(reportCalls().at(-1)!.searchParams.get('groupBy')).toBe('sex'));
    expect(reportCalls().at(-1)!.searchParams.get('from')).toBe('2023-01-01');
  });

  it('does not ask for a range that ends before it starts, and says why', async () => {
    await renderReport(<ReportsPage />, '/reports?from=2024-01-01&to=2023-01-01');
    expect(await screen.findByText('The end of the range is before its start.')).toBeInTheDocument();
    expect(reportCalls()).toHaveLength(0);
  });
});
