import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { mockFetchForTests } from '../../api/client';
import { apiError, json, renderPage } from '../../test/render';
import type { Compound } from '../useReferenceData';
import { CompoundDialog, type CompoundDialogTarget } from './CompoundDialog';

// A dialog of many fields takes seconds to type into on a busy two-core machine.
vi.setConfig({ testTimeout: 30_000 });
// Mantine scrolls a picker's chosen option into view when it opens; jsdom draws nothing to scroll.
Element.prototype.scrollIntoView ??= () => undefined;

const NATIONALITIES = [
  { code: 'KHM', alpha2: 'KH', name: 'Cambodia' },
  { code: 'MMR', alpha2: 'MM', name: 'Myanmar' },
  { code: 'XXA', alpha2: null, name: 'Stateless' },
];

const STORED: Compound = {
  id: 'c1',
  name: 'KK Park',
  aliases: ['KKPark'],
  countryCode: 'MMR',
  region: 'Kayin State',
  town: 'Myawaddy',
  latitude: null,
  longitude: null,
  controlledBy: null,
  status: 'active',
  notes: null,
  firstReportedOn: null,
  lastReportedOn: null,
  version: 4,
  createdAt: '2024-01-01T00:00:00.000Z',
  updatedAt: '2024-01-01T00:00:00.000Z',
};

/** Mantine names the input and its option list alike: the input is the one to type into. */
const input = (label: RegExp) => screen.getAllByLabelText(label).find((e) => e.tagName === 'INPUT')!;

describe('registering and editing a compound', () => {
  let restore: () => void;
  let writes: { method: string; ifMatch: string | null; body: unknown }[];
  let stored: Compound;
  let answerWrite: (body: Record<string, unknown>) => Response;
  const saved = vi.fn();

  beforeEach(() => {
    writes = [];
    stored = { ...STORED };
    saved.mockReset();
    answerWrite = (body) => {
      stored = { ...stored, ...(body as Partial<Compound>), version: stored.version + 1 };
      return json(200, stored);
    };
    restore = mockFetchForTests(async (input) => {
      const request = input as Request;
      const path = new URL(request.url).pathname;
      if (path === '/api/v1/nationalities') return json(200, NATIONALITIES);
      if (request.method === 'POST' || request.method === 'PATCH') {
        const body = (await request.json()) as Record<string, unknown>;
        writes.push({ method: request.method, ifMatch: request.headers.get('If-Match'), body });
        return answerWrite(body);
      }
      if (path === '/api/v1/compounds/c1') return json(200, stored, { ETag: `"${stored.version}"` });
      return json(404, apiError(404, 'NOT_FOUND'));
    });
  });
  afterEach(() => restore());

  const open = (target: CompoundDialogTarget) =>
    renderPage(<CompoundDialog target={target} onClose={() => undefined} onSaved={saved} />);

  it('registers a compound with its aliases, sending only the fields given', async () => {
    answerWrite = (body) => json(201, { ...STORED, ...body, id: 'new', version: 1 });
    await open({ action: 'create', name: 'Golden Fortune ' });
    const user = userEvent.setup();
    expect((input(/^Name/) as HTMLInputElement).value).toBe('Golden Fortune');
    const aliases = input(/^Other names/);
    await user.type(aliases, 'Jin Fu{Enter}Kim Fook{Enter}');
    await user.type(input(/^Country/), 'Camb');
    await user.click(await screen.findByRole('option', { name: 'Cambodia (KHM)', hidden: true }));
    await user.click(input(/^Status/));
    await user.click(await screen.findByRole('option', { name: 'Raided', hidden: true }));
    await user.type(input(/^Latitude/), '10,6');
    await user.type(input(/^Longitude/), '103.5');
    await user.click(screen.getByRole('button', { name: 'Register the compound' }));
    await waitFor(() => expect(saved).toHaveBeenCalled());
    expect(writes).toEqual([
      {
        method: 'POST',
        ifMatch: null,
        body: {
          name: 'Golden Fortune',
          aliases: ['Jin Fu', 'Kim Fook'],
          countryCode: 'KHM',
          status: 'raided',
          latitude: 10.6,
          longitude: 103.5,
        },
      },
    ]);
    expect(saved).toHaveBeenCalledWith(expect.objectContaining({ id: 'new' }), 'create');
  });

  it('says what is missing or out of range beside each field, and sends nothing', async () => {
    await open({ action: 'create' });
    const user = userEvent.setup();
    await user.type(input(/^Latitude/), '95');
    await user.click(screen.getByRole('button', { name: 'Register the compound' }));
    expect(await screen.findByText("Give the compound's name.")).toBeTruthy();
    expect(screen.getByText('Choose the country where the compound is.')).toBeTruthy();
    expect(screen.getByText('Choose what is known of the compound now.')).toBeTruthy();
    expect(screen.getByText('A latitude lies between −90 and 90.')).toBeTruthy();
    expect(writes).toEqual([]);
  });

  it("shows the API's refusals under their fields", async () => {
    answerWrite = () =>
      json(
        400,
        apiError(400, 'VALIDATION_FAILED', {
          details: [
            { field: 'name', code: 'invalid_format', message: 'x' },
            { field: 'aliases[1]', code: 'too_long', message: 'x', params: { max: 200 } },
          ],
        }),
      );
    await open({ action: 'create', name: 'Golden Fortune' });
    const user = userEvent.setup();
    await user.type(input(/^Other names/), 'A{Enter}B{Enter}');
    await user.type(input(/^Country/), 'Myan');
    await user.click(await screen.findByRole('option', { name: /\(MMR\)$/, hidden: true }));
    await user.click(input(/^Status/));
    await user.click(await screen.findByRole('option', { name: 'Active', hidden: true }));
    await user.click(screen.getByRole('button', { name: 'Register the compound' }));
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText('Some values are not right. Check the fields marked below.')).toBeTruthy();
    expect(input(/^Name/)).toHaveAccessibleDescription(/Not in the expected format\./);
    expect(input(/^Other names/)).toHaveAccessibleDescription(/Too long \(at most 200\)\./);
    expect(saved).not.toHaveBeenCalled();
  });

  it('edits with If-Match of the version read, sending only what changed', async () => {
    await open({ action: 'edit', id: 'c1' });
    const user = userEvent.setup();
    await waitFor(() => expect((input(/^Town/) as HTMLInputElement).value).toBe('Myawaddy'));
    await user.click(input(/^Status/));
    await user.click(await screen.findByRole('option', { name: 'Raided', hidden: true }));
    await user.clear(input(/^Region/));
    await user.click(screen.getByRole('button', { name: 'Save the changes' }));
    await waitFor(() => expect(saved).toHaveBeenCalled());
    expect(writes).toEqual([{ method: 'PATCH', ifMatch: '"4"', body: { status: 'raided', region: null } }]);
    expect(saved).toHaveBeenCalledWith(expect.objectContaining({ version: 5, status: 'raided' }), 'edit');
  });

  it('after someone else saved meanwhile (412), reloads, says so, and keeps both changes', async () => {
    await open({ action: 'edit', id: 'c1' });
    const user = userEvent.setup();
    await waitFor(() => expect((input(/^Town/) as HTMLInputElement).value).toBe('Myawaddy'));
    // A colleague corrects the town while this dialog is open.
    stored = { ...stored, town: 'Shwe Kokko', version: 5 };
    answerWrite = () => json(412, apiError(412, 'VERSION_MISMATCH'));
    await user.click(input(/^Status/));
    await user.click(await screen.findByRole('option', { name: 'Raided', hidden: true }));
    await user.click(screen.getByRole('button', { name: 'Save the changes' }));
    expect((await screen.findByTestId('compound-rebased')).textContent).toContain(
      'Someone else changed this compound while you were editing it.',
    );
    expect((input(/^Town/) as HTMLInputElement).value).toBe('Shwe Kokko');
    expect((input(/^Status/) as HTMLInputElement).value).toBe('Raided');

    answerWrite = (body) => {
      stored = { ...stored, ...(body as Partial<Compound>), version: stored.version + 1 };
      return json(200, stored);
    };
    await user.click(screen.getByRole('button', { name: 'Save the changes' }));
    await waitFor(() => expect(saved).toHaveBeenCalled());
    expect(writes.map((w) => w.ifMatch)).toEqual(['"4"', '"5"']);
    expect(writes[1].body).toEqual({ status: 'raided' });
  });

  it('sends nothing when nothing was changed, and says so', async () => {
    await open({ action: 'edit', id: 'c1' });
    const user = userEvent.setup();
    await waitFor(() => expect((input(/^Town/) as HTMLInputElement).value).toBe('Myawaddy'));
    await user.click(screen.getByRole('button', { name: 'Save the changes' }));
    expect(await screen.findByText('Nothing was changed, so nothing was saved.')).toBeTruthy();
    expect(writes).toEqual([]);
  });
});
