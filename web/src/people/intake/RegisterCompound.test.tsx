import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mockFetchForTests } from '../../api/client';
import { apiError, json } from '../../test/render';
import { NATIONALITIES, personView, renderIntake } from './testing';

const WAIT = { timeout: 5000 };
Element.prototype.scrollIntoView ??= () => undefined;

const CREATED = {
  id: '0d3c1f4e-0000-4000-8000-00000000c0de',
  name: 'Lucky Dragon',
  aliases: [],
  countryCode: 'KHM',
  region: null,
  town: null,
  latitude: null,
  longitude: null,
  controlledBy: null,
  status: 'active',
  notes: null,
  firstReportedOn: null,
  lastReportedOn: null,
  version: 1,
  createdAt: '2025-01-01T00:00:00.000Z',
  updatedAt: '2025-01-01T00:00:00.000Z',
};

/** Mantine names the input and its option list alike: the input is the one to type into. */
const input = (label: RegExp, scope: HTMLElement = document.body) =>
  within(scope)
    .getAllByLabelText(label)
    .find((e) => e.tagName === 'INPUT') as HTMLInputElement;

describe("the intake's 'register the compound'", { timeout: 120_000 }, () => {
  let restore: () => void;
  let posts: { path: string; body: Record<string, unknown> }[];
  let compounds: (typeof CREATED)[];

  beforeEach(() => {
    posts = [];
    compounds = [];
    restore = mockFetchForTests(async (request) => {
      const req = request as Request;
      const path = new URL(req.url).pathname;
      if (req.method === 'POST') {
        const body = (await req.json()) as Record<string, unknown>;
        posts.push({ path, body });
        if (path === '/api/v1/compounds') {
          compounds = [CREATED];
          return json(201, CREATED);
        }
        return json(201, personView('new-person', '2025-000002'));
      }
      if (path === '/api/v1/nationalities') {
        return json(200, [...NATIONALITIES, { code: 'KHM', alpha2: 'KH', name: 'Cambodia' }]);
      }
      if (path === '/api/v1/compounds') return json(200, { items: compounds, nextCursor: null });
      if (path === '/api/v1/people/duplicates') return json(200, { items: [] });
      return json(404, apiError(404, 'NOT_FOUND'));
    });
  });
  afterEach(() => restore());

  it('registers a compound over the intake, selects it, keeps what was typed, and the person is registered with it', async () => {
    await renderIntake();
    const user = userEvent.setup({ delay: null });
    await user.type(screen.getByRole('textbox', { name: /Given name/ }), 'Somsri');
    // Everything the intake needs is there: a submit reaching it would register the person at once.
    await user.click(screen.getByRole('radio', { name: 'Female' }));
    const nationality = await screen.findByPlaceholderText('Choose one or more', {}, WAIT);
    await user.type(nationality, 'Philip');
    await user.click(await screen.findByRole('option', { name: 'Philippines', hidden: true }, WAIT));
    await user.keyboard('{Escape}');
    expect(await screen.findByText(/No one already registered matches/, {}, WAIT)).toBeInTheDocument();
    await user.type(input(/^Compound where they were held/), 'Lucky Dragon');
    await user.click(screen.getByRole('button', { name: 'Register the compound' }));

    const dialog = await screen.findByRole('dialog', {}, WAIT);
    expect(input(/^Name/, dialog).value).toBe('Lucky Dragon');
    await user.type(input(/^Country/, dialog), 'Camb');
    await user.click(await screen.findByRole('option', { name: 'Cambodia (KHM)', hidden: true }, WAIT));
    await user.click(input(/^Status/, dialog));
    await user.click(await screen.findByRole('option', { name: 'Active', hidden: true }, WAIT));
    await user.click(within(dialog).getByRole('button', { name: 'Register the compound' }));

    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull(), WAIT);
    await waitFor(() =>
      expect(input(/^Compound where they were held/).value).toBe('Lucky Dragon · Cambodia'),
    );
    expect((screen.getByRole('textbox', { name: /Given name/ }) as HTMLInputElement).value).toBe('Somsri');
    // The compound's form did not submit the intake around it.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(posts.map((p) => p.path)).toEqual(['/api/v1/compounds']);
    expect(screen.queryByTestId('case-page')).toBeNull();
    expect(posts[0].body).toEqual({ name: 'Lucky Dragon', countryCode: 'KHM', status: 'active' });

    const register = screen.getByRole('button', { name: 'Register this person' });
    await waitFor(() => expect(register).toBeEnabled());
    await user.click(register);
    expect(await screen.findByTestId('case-page', {}, WAIT)).toHaveTextContent('case new-person');
    expect(posts[1]).toMatchObject({ path: '/api/v1/people', body: { compoundId: CREATED.id } });
  });
});
