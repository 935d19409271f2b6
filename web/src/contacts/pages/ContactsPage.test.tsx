import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { mockFetchForTests } from '../../api/client';
import { apiError, json, renderPage } from '../../test/render';
import type { Contact } from '../hooks/useContacts';
import { contactView } from '../testing';
import ContactsPage from './ContactsPage';

// Typing into a form of many fields takes seconds on a busy two-core machine.
vi.setConfig({ testTimeout: 30_000 });
// jsdom draws nothing, so it has no scrolling: Mantine scrolls the option list as one types.
Element.prototype.scrollIntoView ??= () => undefined;

const NATIONALITIES = [
  { code: 'PHL', alpha2: 'PH', name: 'Philippines' },
  { code: 'THA', alpha2: 'TH', name: 'Thailand' },
  { code: 'XXA', alpha2: null, name: 'Stateless' },
];

interface Sent {
  method: string;
  path: string;
  ifMatch: string | null;
  body: unknown;
}

describe('the embassy contacts page', () => {
  let restore: () => void;
  let stored: Contact[];
  let sent: Sent[];
  let answerWrite: ((s: Sent) => Response | undefined) | undefined;

  beforeEach(() => {
    stored = [
      contactView({ email: 'consul@example.org' }),
      contactView({
        id: 'c2',
        countryCode: 'THA',
        mission: 'Royal Thai Embassy',
        name: 'Somsak',
        active: false,
      }),
    ];
    sent = [];
    answerWrite = undefined;
    restore = mockFetchForTests(async (input) => {
      const request = input as Request;
      const path = new URL(request.url).pathname;
      if (path === '/api/v1/nationalities') return json(200, NATIONALITIES);
      if (request.method === 'GET' && path === '/api/v1/consular/contacts')
        return json(200, { items: stored, nextCursor: null });
      const id = path.split('/').pop()!;
      if (request.method === 'GET')
        return json(
          200,
          stored.find((c) => c.id === id),
        );
      const s = {
        method: request.method,
        path,
        ifMatch: request.headers.get('If-Match'),
        body: await request.json(),
      };
      sent.push(s);
      const answer = answerWrite?.(s);
      if (answer) return answer;
      if (request.method === 'POST') {
        const created = contactView({ ...(s.body as Partial<Contact>), id: 'new', version: 1 });
        stored = [created, ...stored];
        return json(201, created);
      }
      const i = stored.findIndex((c) => c.id === id);
      stored[i] = { ...stored[i], ...(s.body as Partial<Contact>), version: stored[i].version + 1 };
      return json(200, stored[i]);
    });
  });
  afterEach(() => restore());

  const row = (name: string) => screen.getByText(name).closest('[data-contact]') as HTMLElement;
  const field = (label: string) =>
    screen.getAllByLabelText(new RegExp(`^${label}`)).find((e) => e.tagName === 'INPUT')!;
  /** The option of this input's own list (the filter bar and the form both list countries). */
  const option = async (input: HTMLElement, name: string | RegExp) => {
    const list = await waitFor(() => document.getElementById(input.getAttribute('aria-controls')!)!);
    return within(list).findByRole('option', { name, hidden: true });
  };

  it('shows the active contacts by country, with a phone to dial and an address to write to', async () => {
    await renderPage(<ContactsPage />);
    await screen.findByText('Maria Santos');
    const contact = row('Maria Santos');
    expect(screen.getByRole('heading', { name: 'Philippines' })).toBeTruthy();
    expect(within(contact).getByRole('link', { name: '+95 1 558 149' }).getAttribute('href')).toBe(
      'tel:+951558149',
    );
    expect(within(contact).getByRole('link', { name: 'consul@example.org' }).getAttribute('href')).toBe(
      'mailto:consul@example.org',
    );
    expect(within(contact).getByText(/Filipino, English/)).toBeTruthy();
    // The inactive Thai contact shows only when asked for.
    expect(screen.queryByText('Somsak')).toBeNull();
    const user = userEvent.setup();
    await user.click(field('Show'));
    await user.click(await screen.findByRole('option', { name: 'No longer active', hidden: true }));
    expect(await screen.findByText('Somsak')).toBeTruthy();
    expect(screen.queryByText('Maria Santos')).toBeNull();
  });

  it('adds a contact with what was typed, and says so', async () => {
    await renderPage(<ContactsPage />);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Add a contact' }));
    await user.click(await screen.findByRole('button', { name: 'Add the contact' }));
    expect(screen.getByText('Choose the country the mission represents.')).toBeTruthy();
    expect(sent).toEqual([]);

    const country = within(screen.getByRole('dialog'))
      .getAllByLabelText(/^Country represented/)
      .find((e) => e.tagName === 'INPUT')!;
    await user.type(country, 'Philipp');
    await user.click(await option(country, 'Philippines'));
    await waitFor(() => expect((country as HTMLInputElement).value).toBe('Philippines'));
    await user.type(field('Mission'), 'Embassy of the Philippines, Bangkok');
    await user.type(field("Officer's name"), 'Jose Reyes');
    await user.type(field('Phone'), '+66 2 259 0139');
    await user.type(field('Languages'), 'ceb');
    await user.click(await option(field('Languages'), /\(ceb\)/));
    await user.click(screen.getByRole('button', { name: 'Add the contact' }));
    await screen.findByText(
      'Jose Reyes (Embassy of the Philippines, Bangkok) was added.',
      {},
      { timeout: 5000 },
    );
    expect(sent).toEqual([
      {
        method: 'POST',
        path: '/api/v1/consular/contacts',
        ifMatch: null,
        body: {
          countryCode: 'PHL',
          mission: 'Embassy of the Philippines, Bangkok',
          name: 'Jose Reyes',
          phone: '+66 2 259 0139',
          languages: ['ceb'],
          active: true,
        },
      },
    ]);
    expect(await screen.findByText('Jose Reyes')).toBeTruthy();
  });

  it('shows the API’s refusal of a field under that field', async () => {
    answerWrite = () =>
      json(
        400,
        apiError(400, 'VALIDATION_FAILED', {
          details: [
            { field: 'accreditedFrom', code: 'not_allowed', message: 'XXA is not a country with missions' },
          ],
        }),
      );
    await renderPage(<ContactsPage />);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Edit Maria Santos' }));
    await screen.findByRole('button', { name: 'Save the changes' });
    await user.type(field('Title'), ' General');
    await user.click(screen.getByRole('button', { name: 'Save the changes' }));
    expect((await screen.findByRole('alert')).textContent).toContain('Some values are not right.');
    expect(field('Accredited from').getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText('This value is not allowed here.')).toBeTruthy();
  });

  it('saves only what changed, with If-Match of the version read', async () => {
    await renderPage(<ContactsPage />);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Edit Maria Santos' }));
    await screen.findByRole('button', { name: 'Save the changes' });
    await user.clear(field('City'));
    await user.type(field('Title'), ' General');
    await user.click(screen.getByRole('button', { name: 'Save the changes' }));
    await screen.findByText('The changes to Maria Santos were saved.');
    expect(sent.map(({ ifMatch, body }) => ({ ifMatch, body }))).toEqual([
      { ifMatch: '"3"', body: { city: null, title: 'Consul General' } },
    ]);
  });

  it('after someone else saved meanwhile, reloads, keeps both changes, and saves on their version', async () => {
    await renderPage(<ContactsPage />);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Edit Maria Santos' }));
    await screen.findByRole('button', { name: 'Save the changes' });
    // A colleague changes the email while this form is open.
    stored[0] = { ...stored[0], email: 'consular.yangon@example.org', version: 4 };
    answerWrite = (s) => (s.ifMatch === '"3"' ? json(412, apiError(412, 'VERSION_MISMATCH')) : undefined);
    await user.type(field('Title'), ' General');
    await user.click(screen.getByRole('button', { name: 'Save the changes' }));
    expect((await screen.findByTestId('edit-rebased')).textContent).toContain(
      'Someone else changed this contact',
    );
    expect((field('Email') as HTMLInputElement).value).toBe('consular.yangon@example.org');
    expect((field('Title') as HTMLInputElement).value).toBe('Consul General');

    await user.click(screen.getByRole('button', { name: 'Save the changes' }));
    await screen.findByText('The changes to Maria Santos were saved.');
    expect(sent.map(({ ifMatch, body }) => ({ ifMatch, body }))).toEqual([
      { ifMatch: '"3"', body: { title: 'Consul General' } },
      { ifMatch: '"4"', body: { title: 'Consul General' } },
    ]);
  });

  it('marks a contact as no longer active, explicitly, with If-Match', async () => {
    await renderPage(<ContactsPage />);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Mark as no longer active: Maria Santos' }));
    expect((await screen.findByRole('dialog')).textContent).toContain('will no longer be offered');
    await user.click(
      within(screen.getByRole('dialog')).getByRole('button', { name: 'Mark as no longer active' }),
    );
    await screen.findByText('Maria Santos is marked as no longer active.');
    expect(sent.map(({ method, path, ifMatch, body }) => ({ method, path, ifMatch, body }))).toEqual([
      { method: 'PATCH', path: '/api/v1/consular/contacts/c1', ifMatch: '"3"', body: { active: false } },
    ]);
    expect(
      await screen.findByText('No active contact matches. Add one, or show inactive contacts too.'),
    ).toBeTruthy();
  });
});
