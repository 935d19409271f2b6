import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { mockFetchForTests } from '../../api/client';
import { apiError, json, renderPage } from '../../test/render';
import { NextSteps } from './NextSteps';
import { personView } from './testing';
import { usePerson } from './usePerson';

// Dialogs and typing take seconds on a busy two-core machine.
vi.setConfig({ testTimeout: 20_000 });

/** The widget as the page feeds it: the person from GET /people/:id. */
function CaseNextSteps() {
  const person = usePerson('p1');
  return person.data ? <NextSteps person={person.data} /> : null;
}

describe('the next steps of a case', () => {
  let restore: () => void;
  let calls: { method: string; path: string; ifMatch: string | null; body: unknown }[];
  let answer: (request: Request) => Response;

  beforeEach(() => {
    calls = [];
    restore = mockFetchForTests(async (input) => {
      const request = input as Request;
      const text = request.method === 'GET' ? '' : await request.text();
      calls.push({
        method: request.method,
        path: new URL(request.url).pathname,
        ifMatch: request.headers.get('If-Match'),
        body: text ? JSON.parse(text) : undefined,
      });
      return answer(request);
    });
  });
  afterEach(() => restore());

  const stepButtons = () =>
    within(screen.getByTestId('next-steps'))
      .getAllByRole('button')
      .map((b) => b.textContent);

  it('offers exactly the targets of allowedTransitions, in their order, and nothing else', async () => {
    await renderPage(<NextSteps person={personView({ allowedTransitions: ['on_hold', 'closed'] })} />);
    expect(stepButtons()).toEqual(['Move to: On hold', 'Move to: Closed']);
  });

  it('says so when the API allows no step', async () => {
    await renderPage(<NextSteps person={personView({ allowedTransitions: [] })} />);
    expect(screen.queryByTestId('next-steps')).toBeNull();
    expect(screen.getByText('No step can be chosen here now.')).toBeTruthy();
  });

  it('moves with If-Match of the version read, and the note', async () => {
    answer = () => json(200, personView({ status: 'presumed_victim', version: 4 }));
    await renderPage(<NextSteps person={personView({ version: 3 })} />);
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Move to: Presumed victim' }));
    await user.type(await screen.findByLabelText(/Note/), 'Seen');
    await user.click(screen.getByRole('button', { name: 'Move the case' }));
    await screen.findByText('The case is now at: Presumed victim.');
    const move = calls.find((c) => c.method === 'POST')!;
    expect(move.path).toBe('/api/v1/people/p1/transitions');
    expect(move.ifMatch).toBe('"3"');
    expect(move.body).toEqual({ to: 'presumed_victim', note: 'Seen' });
  });

  it('closing needs a reason chosen in the dialog, and sends it', async () => {
    answer = () => json(200, personView({ status: 'closed', allowedTransitions: ['screening'] }));
    await renderPage(
      <NextSteps person={personView({ status: 'not_victim', allowedTransitions: ['closed'] })} />,
    );
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Move to: Closed' }));
    const confirm = await screen.findByRole('button', { name: 'Close the case' });
    expect(confirm).toHaveProperty('disabled', true);
    await user.click(screen.getByRole('radio', { name: 'Found not to be a victim' }));
    expect(confirm).toHaveProperty('disabled', false);
    await user.click(confirm);
    await waitFor(() => expect(calls.some((c) => c.method === 'POST')).toBe(true));
    expect(calls.find((c) => c.method === 'POST')!.body).toEqual({ to: 'closed', reason: 'not_victim' });
  });

  it('a 412 says the record changed, reads the person again and offers its new steps', async () => {
    let version = 3;
    answer = (request) => {
      if (request.method === 'POST') return json(412, apiError(412, 'VERSION_MISMATCH'));
      return json(
        200,
        personView({ version, allowedTransitions: version === 3 ? ['withdrawn'] : ['on_hold'] }),
      );
    };
    await renderPage(<CaseNextSteps />);
    const user = userEvent.setup();
    version = 5; // someone else moved the case meanwhile
    await user.click(await screen.findByRole('button', { name: 'Move to: Withdrawn' }));
    await user.click(await screen.findByRole('button', { name: 'Move the case' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Someone else changed this record');
    expect(alert.textContent).toContain('The case was not moved');
    await screen.findByRole('button', { name: 'Move to: On hold' });
    expect(calls.filter((c) => c.method === 'GET')).toHaveLength(2);
    expect(calls.find((c) => c.method === 'POST')!.ifMatch).toBe('"3"');
  });

  it('a business-rule refusal is said in plain words', async () => {
    answer = () => json(422, apiError(422, 'CONSENT_REQUIRED'));
    await renderPage(<NextSteps person={personView()} />);
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Move to: Presumed victim' }));
    await user.click(await screen.findByRole('button', { name: 'Move the case' }));
    expect((await screen.findByRole('alert')).textContent).toContain(
      "This needs the person's consent, and it has not been given.",
    );
  });
});
