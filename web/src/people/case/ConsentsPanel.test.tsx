import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { mockFetchForTests } from '../../api/client';
import { json, renderPage } from '../../test/render';
import { ConsentsPanel } from './ConsentsPanel';
import { personView } from './testing';

vi.setConfig({ testTimeout: 20_000 });

describe('the consents of a case', () => {
  let restore: () => void;
  let posted: unknown[];
  beforeEach(() => {
    posted = [];
    restore = mockFetchForTests(async (input) => {
      const request = input as Request;
      if (request.method === 'POST') {
        posted.push(JSON.parse(await request.text()));
        return json(201, {});
      }
      return json(200, { items: [], nextCursor: null });
    });
  });
  afterEach(() => restore());

  it('shows each consent as a switch, off unless given, with who would see what', async () => {
    await renderPage(<ConsentsPanel person={personView()} />);
    const notify = screen.getByRole('switch', { name: /Tell their embassy/ });
    expect(notify).toHaveProperty('checked', false);
    expect(screen.getByRole('switch', { name: /Receive the shelter's services/ })).toHaveProperty(
      'checked',
      true,
    );
    expect(screen.getByTestId('consent-consular_notification').textContent).toContain(
      'Not given. If given: The embassy of Thailand will be told about this case',
    );
    expect(await screen.findByText('No consent has been recorded yet.')).toBeTruthy();
  });

  it('a protection claim says no embassy is told, whatever the consent', async () => {
    await renderPage(
      <ConsentsPanel
        person={personView({
          status: 'protection_claim',
          consents: { services: true, consularNotification: true, shareWithPartners: false, research: false },
        })}
      />,
    );
    expect(screen.getByTestId('consent-consular_notification').textContent).toContain(
      'no embassy is told and no embassy can see this case',
    );
  });

  it('turning a switch records a grant, turning it off a withdrawal', async () => {
    await renderPage(<ConsentsPanel person={personView()} />);
    const user = userEvent.setup();
    await user.click(screen.getByRole('switch', { name: /Tell their embassy/ }));
    await waitFor(() => expect(posted).toEqual([{ type: 'consular_notification', granted: true }]));
    await user.click(screen.getByRole('switch', { name: /Receive the shelter's services/ }));
    await waitFor(() => expect(posted).toHaveLength(2));
    expect(posted[1]).toEqual({ type: 'services', granted: false });
  });

  it('an erased record offers no consent to change and names no embassy', async () => {
    await renderPage(<ConsentsPanel person={personView({ erased: true })} />);
    expect(screen.queryAllByRole('switch')).toHaveLength(0);
    expect(screen.queryByText(/embassy of Thailand/)).toBeNull();
    expect(screen.getByText(/This record was erased/)).toBeTruthy();
  });
});
