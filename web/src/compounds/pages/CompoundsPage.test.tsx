import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { mockFetchForTests } from '../../api/client';
import { apiError, json, renderPage } from '../../test/render';
import type { Compound } from '../../reference/useReferenceData';
import CompoundsPage from './CompoundsPage';

vi.setConfig({ testTimeout: 30_000 });
Element.prototype.scrollIntoView ??= () => undefined;

const compound = (id: string, name: string, extra: Partial<Compound> = {}): Compound => ({
  id,
  name,
  aliases: [],
  countryCode: 'MMR',
  region: 'Kayin State',
  town: 'Myawaddy',
  latitude: null,
  longitude: null,
  controlledBy: 'Demo armed group',
  status: 'active',
  notes: null,
  firstReportedOn: null,
  lastReportedOn: null,
  version: 1,
  createdAt: '2024-01-01T00:00:00.000Z',
  updatedAt: '2024-01-01T00:00:00.000Z',
  ...extra,
});

describe('the compounds page', () => {
  let restore: () => void;
  let lists: URLSearchParams[];

  beforeEach(() => {
    lists = [];
    restore = mockFetchForTests(async (input) => {
      const request = input as Request;
      const url = new URL(request.url);
      if (url.pathname === '/api/v1/nationalities') {
        return json(200, [{ code: 'MMR', alpha2: 'MM', name: 'Myanmar' }]);
      }
      if (url.pathname === '/api/v1/compounds') {
        lists.push(url.searchParams);
        if (url.searchParams.get('q')) {
          return json(200, { items: [compound('c9', 'KK Park', { aliases: ['KKPark'] })], nextCursor: null });
        }
        if (url.searchParams.get('cursor') === 'next') {
          return json(200, { items: [compound('c2', 'Shwe Kokko', { status: 'raided' })], nextCursor: null });
        }
        return json(200, { items: [compound('c1', 'Coastal Tower')], nextCursor: 'next' });
      }
      return json(404, apiError(404, 'NOT_FOUND'));
    });
  });
  afterEach(() => restore());

  it('lists compounds newest first and shows more from the cursor', async () => {
    await renderPage(<CompoundsPage />, '/compounds');
    const user = userEvent.setup();
    const first = await screen.findByTestId('compound-row');
    expect(first.textContent).toContain('Coastal Tower');
    expect(first.textContent).toContain('Myawaddy, Kayin State');
    expect(first.textContent).toContain('Demo armed group');
    await user.click(screen.getByRole('button', { name: 'Show more' }));
    await waitFor(() => expect(screen.getAllByTestId('compound-row')).toHaveLength(2));
    expect(lists.at(-1)!.get('cursor')).toBe('next');
    expect(screen.getAllByTestId('compound-row')[1].textContent).toContain('Raided');
    expect(screen.queryByRole('button', { name: 'Show more' })).toBeNull();
  });

  it('asks the API with the search, the country and the status, and shows each match with its aliases', async () => {
    await renderPage(<CompoundsPage />, '/compounds?country=MMR&status=active');
    const user = userEvent.setup();
    await screen.findByTestId('compound-row');
    await user.type(screen.getByRole('searchbox', { name: /Name or other name/ }), 'KK Prak');
    await waitFor(() => expect(screen.getByTestId('compound-row').textContent).toContain('KK Park'));
    expect(Object.fromEntries(lists.at(-1)!)).toEqual({
      q: 'KK Prak',
      countryCode: 'MMR',
      status: 'active',
      limit: '50',
    });
    const row = screen.getByTestId('compound-row');
    expect(within(row).getByTestId('compound-aliases').textContent).toBe('Also known as: KKPark');
    expect(screen.getByText('Best matches first.')).toBeTruthy();
  });

  it('opens the register form with the name searched for when nothing matched', async () => {
    restore();
    restore = mockFetchForTests(async (input) => {
      const url = new URL((input as Request).url);
      if (url.pathname === '/api/v1/nationalities') return json(200, []);
      return json(200, { items: [], nextCursor: null });
    });
    await renderPage(<CompoundsPage />, '/compounds?q=Lucky%20Dragon');
    const user = userEvent.setup();
    await screen.findByText('No compound matches.');
    await user.click(screen.getByRole('button', { name: 'Register a compound' }));
    const dialog = await screen.findByRole('dialog');
    expect((within(dialog).getByRole('textbox', { name: /^Name/ }) as HTMLInputElement).value).toBe(
      'Lucky Dragon',
    );
  });
});
