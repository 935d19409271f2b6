import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mockFetchForTests } from '../../api/client';
import { apiError, json } from '../../test/render';
import { EXISTING, personView, referenceAnswer, renderIntake } from './testing';

const WAIT = { timeout: 5000 };

// A whole form in jsdom is slow on a busy two-core machine: give each test room.
describe('the intake page', { timeout: 120_000 }, () => {
  let restore: () => void;
  let requests: Request[];
  let duplicates: (url: URL) => Response;
  let create: (request: Request) => Promise<Response> | Response;

  beforeEach(() => {
    requests = [];
    duplicates = () => json(200, { items: [] });
    create = () => json(201, personView('new-id', '2025-000001'));
    restore = mockFetchForTests(async (input) => {
      const request = input as Request;
      requests.push(request.clone());
      const url = new URL(request.url);
      if (url.pathname === '/api/v1/people/duplicates') return duplicates(url);
      if (url.pathname === '/api/v1/people' && request.method === 'POST') return create(request);
      return referenceAnswer(request) ?? json(404, apiError(404, 'NOT_FOUND'));
    });
  });
  afterEach(() => restore());

  const posts = () => requests.filter((r) => r.method === 'POST');
  const registerButton = () => screen.getByRole('button', { name: 'Register this person' });

  /** What every intake needs: a sex and a nationality (the rescue time starts at now). */
  async function fillRequired(user: ReturnType<typeof userEvent.setup>) {
    await user.click(screen.getByRole('radio', { name: 'Female' }));
    const nationality = await screen.findByPlaceholderText('Choose one or more', {}, WAIT);
    await user.type(nationality, 'Philip');
    await user.click(await screen.findByRole('option', { name: 'Philippines', hidden: true }, WAIT));
  }

  it('shows who may already be registered, with the reasons in plain words, and blocks creation until acknowledged', async () => {
    duplicates = (url) =>
      url.searchParams.get('givenName') === 'Analin'
        ? json(200, { items: [{ person: EXISTING, score: 0.93, reasons: ['name', 'nationality'] }] })
        : json(200, { items: [] });
    await renderIntake();
    const user = userEvent.setup({ delay: null });
    await fillRequired(user);
    await user.type(screen.getByRole('textbox', { name: /Given name/ }), 'Analin');
    await user.type(screen.getByRole('textbox', { name: /Family name/ }), 'Reyes');

    const card = await screen.findByTestId('duplicate-candidate', {}, WAIT);
    expect(within(card).getByText('Analyn Reyes')).toBeInTheDocument();
    expect(within(card).getByText('Similar name, spelled another way')).toBeInTheDocument();
    expect(within(card).getByText('Same nationality')).toBeInTheDocument();
    expect(within(card).getByRole('link', { name: 'Open case 2023-000271 instead' })).toHaveAttribute(
      'href',
      `/cases/${EXISTING.id}`,
    );
    // The search was asked with what was typed, the nationality included.
    const asked = new URL(requests.filter((r) => r.url.includes('duplicates')).at(-1)!.url).searchParams;
    expect(Object.fromEntries(asked)).toEqual({
      givenName: 'Analin',
      familyName: 'Reyes',
      nationality: 'PHL',
    });

    expect(registerButton()).toBeDisabled();
    expect(screen.getByText(/open their case, or tick/)).toBeInTheDocument();
    await user.click(screen.getByRole('checkbox', { name: /None of these is this person/ }));
    expect(registerButton()).toBeEnabled();
    await user.click(registerButton());
    expect(await screen.findByTestId('case-page')).toHaveTextContent('case new-id');
    expect(posts()).toHaveLength(1);
  });

  it('asks again when other candidates appear after the acknowledgement', async () => {
    duplicates = (url) =>
      json(200, {
        items: [
          { person: EXISTING, score: 0.9, reasons: ['name'] },
          ...(url.searchParams.get('documentNumber')
            ? [
                {
                  person: { ...EXISTING, id: 'other', caseNumber: '2024-000009' },
                  score: 1,
                  reasons: ['document_number'],
                },
              ]
            : []),
        ],
      });
    await renderIntake();
    const user = userEvent.setup({ delay: null });
    await user.type(screen.getByRole('textbox', { name: /Given name/ }), 'Analyn');
    await user.click(await screen.findByRole('checkbox', { name: /None of these/ }, WAIT));
    await user.type(screen.getByRole('textbox', { name: /Passport or ID number/ }), 'P1234567');
    expect(await screen.findByText('Same passport or ID number', {}, WAIT)).toBeInTheDocument();
    expect(screen.getByRole('checkbox', { name: /None of these/ })).not.toBeChecked();
    expect(registerButton()).toBeDisabled();
  });

  it('registers directly when nobody matches, and sends the same Idempotency-Key again after a network failure', async () => {
    let attempts = 0;
    create = () => {
      attempts++;
      if (attempts === 1) throw new TypeError('Failed to fetch');
      return json(201, personView('new-id', '2025-000002'));
    };
    await renderIntake();
    const user = userEvent.setup({ delay: null });
    await fillRequired(user);
    await user.type(screen.getByRole('textbox', { name: /Given name/ }), 'Ramon');
    expect(await screen.findByText(/No one already registered matches/, {}, WAIT)).toBeInTheDocument();
    await waitFor(() => expect(registerButton()).toBeEnabled());

    await user.click(registerButton());
    expect(await screen.findByText(/The server could not be reached/)).toBeInTheDocument();
    expect(screen.getByText(/the same request is sent again/)).toBeInTheDocument();
    await user.click(registerButton());
    expect(await screen.findByTestId('case-page')).toHaveTextContent('case new-id');

    const [first, second] = posts();
    expect(first.headers.get('Idempotency-Key')).toMatch(/^[0-9a-f]{32}$/);
    expect(second.headers.get('Idempotency-Key')).toBe(first.headers.get('Idempotency-Key'));
    const body = (await second.json()) as Record<string, unknown>;
    expect(body).toMatchObject({
      givenName: 'Ramon',
      sex: 'female',
      nationalities: [{ code: 'PHL' }],
      consents: { services: false, consularNotification: false, shareWithPartners: false, research: false },
    });
    expect(body).not.toHaveProperty('estimatedAge');
  });

  it('sends a new key once the caseworker changes what is sent', async () => {
    create = () =>
      json(
        400,
        apiError(400, 'VALIDATION_FAILED', {
          details: [{ field: 'givenName', code: 'too_long', params: { max: 5 } }],
        }),
      );
    await renderIntake();
    const user = userEvent.setup({ delay: null });
    await fillRequired(user);
    await user.click(registerButton());
    await screen.findByText('Too long (at most 5).');
    await user.type(screen.getByRole('textbox', { name: /Place of rescue/ }), 'Mae Sot');
    await user.click(registerButton());
    await waitFor(() => expect(posts()).toHaveLength(2));
    const [first, second] = posts();
    expect(second.headers.get('Idempotency-Key')).not.toBe(first.headers.get('Idempotency-Key'));
  });

  it("puts the API's validation errors beside their fields", async () => {
    create = () =>
      json(
        400,
        apiError(400, 'VALIDATION_FAILED', {
          details: [
            { field: 'givenName', code: 'too_long', params: { max: 200 } },
            { field: 'rescuedAt', code: 'not_in_future' },
            { field: 'nationalities.0.code', code: 'unknown_code' },
          ],
        }),
      );
    await renderIntake();
    const user = userEvent.setup({ delay: null });
    await fillRequired(user);
    await user.click(registerButton());
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Some values are not right. Check the fields marked below.');
    const given = screen.getByRole('textbox', { name: /Given name/ });
    await waitFor(() => expect(given).toHaveAttribute('aria-invalid', 'true'));
    expect(given).toHaveAccessibleDescription(expect.stringContaining('Too long (at most 200).'));
    expect(screen.getByLabelText(/Rescued on/)).toHaveAccessibleDescription(
      expect.stringContaining('Cannot be in the future.'),
    );
    expect(screen.getByText('This code is not known.')).toBeInTheDocument();
  });

  it('checks the required fields before sending anything', async () => {
    await renderIntake();
    const user = userEvent.setup({ delay: null });
    await user.click(registerButton());
    expect(await screen.findByText(/Choose at least one/)).toBeInTheDocument();
    expect(screen.getByText('Required.')).toBeInTheDocument();
    expect(posts()).toHaveLength(0);
  });
});
