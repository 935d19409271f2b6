import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { configure, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Route, Routes, useLocation } from 'react-router';
import { mockFetchForTests } from '../../api/client';
import { json, renderPage } from '../../test/render';
import CasesPage from '../pages/CasesPage';

function person(n: number, extra: Record<string, unknown> = {}) {
  return {
    id: `p${n}`,
    caseNumber: `SR-2024-${String(n).padStart(5, '0')}`,
    givenName: `Given${n}`,
    familyName: `Family${n}`,
    nameNative: null,
    nationalities: [{ code: 'THA', verified: false }],
    status: 'presumed_victim',
    compoundId: 'c1',
    rescuedAt: '2024-03-05T08:00:00.000Z',
    createdAt: '2024-03-05T09:00:00.000Z',
    updatedAt: '2024-03-05T09:00:00.000Z',
    sex: 'female',
    dateOfBirth: null,
    estimatedAge: 30,
    erased: false,
    version: 1,
    vulnerabilities: [],
    assignedCaseworkerId: null,
    ...extra,
  };
}

/** The address bar, to see what a bookmark would keep. */
function Address() {
  const location = useLocation();
  return <output data-testid="address">{location.search}</output>;
}

// Mantine's pickers are heavy in jsdom, and the machine may be busy: wait longer than the defaults.
configure({ asyncUtilTimeout: 10_000 });

describe('the case list', { timeout: 60_000 }, () => {
  let restore: () => void;
  let requests: URL[];
  beforeEach(() => {
    requests = [];
    restore = mockFetchForTests(async (input) => {
      const url = new URL((input as Request).url);
      requests.push(url);
      switch (url.pathname) {
        case '/api/v1/people':
          return url.searchParams.get('cursor') === 'page-2'
            ? json(200, { items: [person(3)], nextCursor: null })
            : json(200, { items: [person(1), person(2, { status: 'screening' })], nextCursor: 'page-2' });
        case '/api/v1/people/count':
          return json(
            200,
            url.searchParams.get('nationality') ? { count: null, atLeast: 10000 } : { count: 3 },
          );
        case '/api/v1/compounds':
          return json(200, { items: [{ id: 'c1', name: 'Shwe Kokko (demo)' }], nextCursor: null });
        case '/api/v1/nationalities':
          return json(200, [
            { code: 'THA', alpha2: 'TH', name: 'Thailand' },
            { code: 'PHL', alpha2: 'PH', name: 'Philippines' },
          ]);
        case '/api/v1/users/directory':
          return json(200, { items: [] });
        default:
          return json(404, {});
      }
    });
  });
  afterEach(() => restore());

  async function open(path: string) {
    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    await renderPage(
      <QueryClientProvider client={client}>
        <Routes>
          <Route
            path="/cases"
            element={
              <>
                <CasesPage />
                <Address />
              </>
            }
          />
        </Routes>
      </QueryClientProvider>,
      path,
    );
  }
  const peopleCalls = () => requests.filter((u) => u.pathname === '/api/v1/people');

  it('shows each case with its number, name, nationality, status, compound and rescue date, linked to its page', async () => {
    await open('/cases');
    const rows = await screen.findAllByTestId('case-row');
    expect(rows).toHaveLength(2);
    const first = within(rows[0]);
    expect(first.getByRole('link', { name: 'SR-2024-00001' })).toHaveAttribute('href', '/cases/p1');
    expect(first.getByText('Given1 Family1')).toBeInTheDocument();
    expect(first.getByText('Thailand')).toBeInTheDocument();
    expect(first.getByText('Presumed victim')).toBeInTheDocument();
    expect(await first.findByText('Shwe Kokko (demo)')).toBeInTheDocument();
    expect(first.getByText('5 Mar 2024')).toBeInTheDocument();
    expect(await screen.findByTestId('case-count')).toHaveTextContent('3 cases match');
  });

  it('asks for the next page with the cursor the API gave, and keeps the first page on screen', async () => {
    await open('/cases');
    await screen.findAllByTestId('case-row');
    await userEvent.setup().click(screen.getByRole('button', { name: 'Load more cases' }));
    await screen.findByText('SR-2024-00003');
    expect(screen.getAllByTestId('case-row')).toHaveLength(3);
    expect(peopleCalls().map((u) => u.searchParams.get('cursor'))).toEqual([null, 'page-2']);
    expect(peopleCalls().every((u) => !u.searchParams.has('offset'))).toBe(true);
    // The last page: nothing more to ask for.
    expect(screen.queryByRole('button', { name: 'Load more cases' })).toBeNull();
    expect(screen.getByTestId('shown-count')).toHaveTextContent('Showing 3 cases');
  });

  it('sends the filters of a bookmarked address to the list and its count, and says "10,000+" when the API stops counting', async () => {
    await open('/cases?nationality=THA&status=screening,presumed_victim&overdue=true');
    await screen.findAllByTestId('case-row');
    const list = peopleCalls()[0].searchParams;
    expect(list.getAll('nationality')).toEqual(['THA']);
    expect(list.getAll('status')).toEqual(['screening', 'presumed_victim']);
    expect(list.get('overdue')).toBe('true');
    expect(list.get('limit')).toBe('25');
    expect(await screen.findByTestId('case-count')).toHaveTextContent('10,000+ cases match');
  });

  it('puts a search in the address, and clears every filter at once', async () => {
    await open('/cases?status=screening');
    await screen.findAllByTestId('case-row');
    const user = userEvent.setup();
    await user.type(screen.getByRole('searchbox', { name: /Name or case number/ }), 'Somchai{Enter}');
    expect(screen.getByTestId('address')).toHaveTextContent('?q=Somchai&status=screening');
    expect(peopleCalls().at(-1)!.searchParams.get('q')).toBe('Somchai');
    await user.click(screen.getByRole('button', { name: 'Clear filters' }));
    expect(screen.getByTestId('address')).toBeEmptyDOMElement();
    expect(screen.getByRole('searchbox', { name: /Name or case number/ })).toHaveValue('');
  });
});
