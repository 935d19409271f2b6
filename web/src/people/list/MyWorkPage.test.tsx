import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { configure, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mockFetchForTests } from '../../api/client';
import { json, renderPage } from '../../test/render';
import MyWorkPage from '../pages/MyWorkPage';
import { overdueFor } from './caseName';

configure({ asyncUtilTimeout: 10_000 });

const DAY = 86_400_000;
const overdueCase = {
  id: 'p7',
  caseNumber: 'SR-2024-00007',
  givenName: 'Maria',
  familyName: 'Santos',
  nameNative: null,
  nationalities: [{ code: 'PHL', verified: false }],
  status: 'consular_notified',
  compoundId: null,
  rescuedAt: '2024-02-01T08:00:00.000Z',
  createdAt: '2024-02-01T09:00:00.000Z',
  updatedAt: '2024-02-01T09:00:00.000Z',
  overdueSince: new Date(Date.now() - 3 * DAY - 3_600_000).toISOString(),
  sex: 'female',
  dateOfBirth: null,
  estimatedAge: 30,
  erased: false,
  version: 3,
  vulnerabilities: [],
  assignedCaseworkerId: null,
};

describe('My work', { timeout: 60_000 }, () => {
  let restore: () => void;
  let requests: URL[];
  beforeEach(() => {
    requests = [];
    restore = mockFetchForTests(async (input) => {
      const url = new URL((input as Request).url);
      requests.push(url);
      const overdue = url.searchParams.get('overdue') === 'true';
      switch (url.pathname) {
        case '/api/v1/people':
          return json(200, { items: overdue ? [overdueCase] : [], nextCursor: null });
        case '/api/v1/people/count':
          return json(200, { count: overdue ? 1 : 0 });
        case '/api/v1/compounds':
          return json(200, { items: [], nextCursor: null });
        default:
          return json(404, {});
      }
    });
  });
  afterEach(() => restore());

  it('lists the overdue cases with how long they are overdue, says plainly when there is no intake, and offers a new intake', async () => {
    await renderPage(
      <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
        <MyWorkPage />
      </QueryClientProvider>,
      '/work',
    );
    const overdue = await screen.findByTestId('overdue');
    const row = await within(overdue).findByTestId('case-row');
    expect(within(row).getByRole('link', { name: 'SR-2024-00007' })).toHaveAttribute('href', '/cases/p7');
    expect(within(row).getByText('Overdue by 3 days')).toBeInTheDocument();
    expect(within(row).getByText('Embassy notified')).toBeInTheDocument();
    expect(within(overdue).getByRole('link', { name: 'See all overdue cases' })).toHaveAttribute(
      'href',
      '/cases?overdue=true',
    );
    expect(await screen.findByTestId('recent-empty')).toHaveTextContent('No case has been registered yet.');
    expect(screen.getByRole('link', { name: 'Start a new intake' })).toHaveAttribute('href', '/cases/new');
    // The overdue list is asked of the API (oldest overdue first is the API's order), ten at a time.
    const overdueCall = requests.find(
      (u) => u.pathname === '/api/v1/people' && u.searchParams.has('overdue'),
    );
    expect(overdueCall?.searchParams.get('limit')).toBe('10');
    expect(overdueCall?.searchParams.has('sort')).toBe(false);
  });

  it('counts hours under a day and whole days after', () => {
    const now = Date.parse('2024-05-10T12:00:00Z');
    expect(overdueFor('2024-05-10T02:30:00Z', now)).toEqual({ unit: 'hours', count: 9 });
    expect(overdueFor('2024-05-07T11:00:00Z', now)).toEqual({ unit: 'days', count: 3 });
  });
});
