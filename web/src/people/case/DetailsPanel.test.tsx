import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { mockFetchForTests } from '../../api/client';
import { apiError, json, renderPage } from '../../test/render';
import { referenceAnswer } from '../intake/testing';
import type { Person } from './caseApi';
import { DetailsPanel } from './DetailsPanel';
import { personView } from './testing';
import { usePerson } from './usePerson';

// Typing into a form of many fields takes seconds on a busy two-core machine.
vi.setConfig({ testTimeout: 30_000 });

/** The panel as the case page feeds it: the person from GET /people/:id, read again after writes. */
function CaseDetails() {
  const person = usePerson('p1');
  return person.data ? <DetailsPanel person={person.data} /> : null;
}

describe('the details of a case and their editing', () => {
  let restore: () => void;
  let patches: { ifMatch: string | null; body: unknown }[];
  let stored: Person;
  let answerPatch: (body: Record<string, unknown>) => Response;

  beforeEach(() => {
    patches = [];
    stored = personView({
      narrative: 'Held for eight months in building C.',
      languages: ['th', 'lo'],
      vulnerabilities: ['injured'],
    });
    answerPatch = (body) => {
      stored = { ...stored, ...(body as Partial<Person>), version: stored.version + 1 };
      return json(200, stored);
    };
    restore = mockFetchForTests(async (input) => {
      const request = input as Request;
      const path = new URL(request.url).pathname;
      if (path === '/api/v1/users/directory') {
        return json(200, { items: [{ id: 'u7', displayName: 'Malee Caseworker', role: 'caseworker' }] });
      }
      const reference = referenceAnswer(request);
      if (reference) return reference;
      if (request.method === 'PATCH') {
        const body = (await request.json()) as Record<string, unknown>;
        patches.push({ ifMatch: request.headers.get('If-Match'), body });
        return answerPatch(body);
      }
      return json(200, stored);
    });
  });
  afterEach(() => restore());

  it('shows the details, with their account hidden until asked for', async () => {
    await renderPage(<CaseDetails />);
    const details = await screen.findByTestId('details');
    expect(within(details).getByText('About 30 (estimated)')).toBeTruthy();
    expect(within(details).getByText('Thai, Lao')).toBeTruthy();
    expect(within(details).getByText('Injured')).toBeTruthy();
    expect(screen.queryByText('Held for eight months in building C.')).toBeNull();
    await userEvent.setup().click(screen.getByRole('button', { name: 'Show their account' }));
    expect(screen.getByTestId('details-account').textContent).toBe('Held for eight months in building C.');
  });

  it('saves only what changed, with If-Match of the version read, and shows the record saved', async () => {
    await renderPage(<CaseDetails />);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Edit details' }));
    const given = screen.getByLabelText('Given name');
    await user.clear(given);
    await user.type(given, 'Somchay');
    // Mantine names the input and its option list alike: the input is the one to click.
    const assignee = screen.getAllByLabelText('Assigned caseworker').find((e) => e.tagName === 'INPUT')!;
    await user.type(assignee, 'Malee');
    await user.click(await screen.findByRole('option', { name: 'Malee Caseworker', hidden: true }));
    await user.click(screen.getByRole('button', { name: 'Save the changes' }));
    await screen.findByText('The changes are saved.');
    expect(patches).toEqual([{ ifMatch: '"3"', body: { givenName: 'Somchay', assignedCaseworkerId: 'u7' } }]);
  });

  it('after someone else saved meanwhile, keeps their changes and this form’s, and saves on their version', async () => {
    await renderPage(<CaseDetails />);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Edit details' }));
    // A colleague corrects the family name while this form is open.
    stored = { ...stored, familyName: 'Jaide', version: 4 };
    answerPatch = () => json(412, apiError(412, 'VERSION_MISMATCH'));
    const given = screen.getByLabelText('Given name');
    await user.clear(given);
    await user.type(given, 'Somchay');
    await user.click(screen.getByRole('button', { name: 'Save the changes' }));
    await screen.findByTestId('edit-rebased');
    expect((screen.getByLabelText('Family name') as HTMLInputElement).value).toBe('Jaide');
    expect((screen.getByLabelText('Given name') as HTMLInputElement).value).toBe('Somchay');

    answerPatch = (body) => {
      stored = { ...stored, ...(body as Partial<Person>), version: stored.version + 1 };
      return json(200, stored);
    };
    await user.click(screen.getByRole('button', { name: 'Save the changes' }));
    await screen.findByText('The changes are saved.');
    expect(patches.map((p) => p.ifMatch)).toEqual(['"3"', '"4"']);
    expect(patches[1].body).toEqual({ givenName: 'Somchay' });
  });

  it('sends nothing when nothing was changed, and says so', async () => {
    await renderPage(<CaseDetails />);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Edit details' }));
    await user.click(screen.getByRole('button', { name: 'Save the changes' }));
    await screen.findByText('Nothing was changed, so nothing was saved.');
    expect(patches).toEqual([]);
  });

  it('shows the API’s refusal of a field under that field', async () => {
    answerPatch = () =>
      json(
        400,
        apiError(400, 'VALIDATION_FAILED', {
          details: [{ field: 'rescuePlace', code: 'too_long', message: 'too long', params: { max: 200 } }],
        }),
      );
    await renderPage(<CaseDetails />);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Edit details' }));
    await user.type(screen.getByLabelText('Place of rescue'), 'Somewhere');
    await user.click(screen.getByRole('button', { name: 'Save the changes' }));
    const place = screen.getByLabelText('Place of rescue');
    await vi.waitFor(() => expect(place.getAttribute('aria-invalid')).toBe('true'));
  });
});
