import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mockFetchForTests } from '../../api/client';
import { apiError, json, renderPage } from '../../test/render';
import type { EmbassyCase } from '../hooks/useEmbassyCases';
import { EmbassyCaseView } from './EmbassyCaseView';
import { FigureTable } from './FigureTable';

const CASE: EmbassyCase = {
  id: '7d1f0a52-3c55-4d7e-9a43-1f0f3d6b2a10',
  caseNumber: 'SR-2024-000123',
  givenName: 'Analyn',
  familyName: 'Reyes',
  nameNative: null,
  sex: 'female',
  dateOfBirth: null,
  estimatedAge: 29,
  nationalities: [{ code: 'PHL', verified: false }],
  status: 'consular_notified',
  documentNumber: null,
  rescuedAt: '2024-03-02T08:00:00.000Z',
  notification: {
    id: 'b3c2a1d0-0000-4000-8000-000000000001',
    countryCode: 'PHL',
    channel: 'email',
    notifiedAt: '2024-03-04T08:00:00.000Z',
    acknowledgedAt: null,
    identityVerifiedAt: null,
    travelDocument: null,
  },
  version: 4,
};

// Typing and rendering take seconds on a busy two-core machine (CI): more than Vitest's default 5 s.
describe("the embassy's case view", { timeout: 30_000 }, () => {
  let restore: () => void;
  let calls: { method: string; path: string; body: string }[];
  let answers: Response[];
  beforeEach(() => {
    calls = [];
    answers = [];
    restore = mockFetchForTests(async (input) => {
      const request = input as Request;
      calls.push({ method: request.method, path: new URL(request.url).pathname, body: await request.text() });
      return answers.shift() ?? json(500, apiError(500, 'INTERNAL_ERROR'));
    });
  });
  afterEach(() => restore());

  const show = (ui: React.ReactElement) => renderPage(ui);

  it('shows the minimal view and acknowledges the notification', async () => {
    answers.push(json(200, CASE));
    await show(<EmbassyCaseView id={CASE.id} />);
    expect(await screen.findByRole('heading', { name: 'Case SR-2024-000123: Analyn Reyes' })).toBeTruthy();
    expect(screen.getByTestId('case-details').textContent).toContain('Philippines (stated)');
    expect(screen.getByTestId('case-details').textContent).toContain('About 29 years old');

    answers.push(
      json(200, { ...CASE, notification: { ...CASE.notification!, acknowledgedAt: '2026-01-01T10:00:00Z' } }),
    );
    answers.push(json(200, { items: [], nextCursor: null }));
    const card = document.querySelector<HTMLElement>('[data-action="acknowledge"]')!;
    await userEvent.setup().click(within(card).getByRole('button', { name: 'Acknowledge' }));
    expect((await screen.findByRole('status')).textContent).toContain('Notification acknowledged');
    expect(calls[1]).toMatchObject({ method: 'POST', path: `/api/v1/consular/cases/${CASE.id}/acknowledge` });
    expect(document.querySelector('[data-action="acknowledge"]')).toBeNull();
  });

  it('says in plain words why an action was refused, beside that action', async () => {
    answers.push(json(200, CASE));
    await show(<EmbassyCaseView id={CASE.id} />);
    const card = await screen.findByRole('button', { name: 'Confirm the identity is verified' });
    answers.push(json(422, apiError(422, 'INVALID_TRANSITION')));
    await userEvent.setup().click(card);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('The verification was not saved');
    expect(alert.textContent).toContain('This case cannot move to that step from where it is now.');
  });

  it('checks the travel document before sending it', async () => {
    answers.push(json(200, CASE));
    await show(<EmbassyCaseView id={CASE.id} />);
    const submit = await screen.findByRole('button', { name: 'Record the travel document' });
    await userEvent.setup().click(submit);
    expect(screen.getByText('Enter the document number.')).toBeTruthy();
    expect(screen.getByText('Enter the last day the document is valid.')).toBeTruthy();
    expect(calls).toHaveLength(1);
  });

  it('shows a case outside the embassy as not found, like a missing one', async () => {
    answers.push(json(404, apiError(404, 'NOT_FOUND')));
    await show(<EmbassyCaseView id={CASE.id} />);
    expect((await screen.findByRole('alert')).textContent).toContain('outside what you may see');
    expect(screen.queryByTestId('case-details')).toBeNull();
  });
});

describe('a table of figures', () => {
  it('shows a hidden count as hidden, never as a small number', async () => {
    await renderPage(
      <FigureTable
        caption="Departures"
        keyHeader="Sex"
        rows={[
          { key: 'female', label: 'female', count: 12, suppressed: false },
          { key: 'male', label: 'male', count: null, suppressed: true },
        ]}
        total={null}
        totalSuppressed
        label={(row) => row.key}
      />,
    );
    expect(document.querySelectorAll('[data-suppressed="true"]')).toHaveLength(2);
    expect(screen.getByText('12')).toBeTruthy();
    expect(screen.queryByText(/fewer|</)).toBeNull();
  });
});
