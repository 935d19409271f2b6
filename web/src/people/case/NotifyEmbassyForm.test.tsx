import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { mockFetchForTests } from '../../api/client';
import { apiError, json, renderPage } from '../../test/render';
import { NotifyEmbassyForm } from './NotifyEmbassyForm';
import { personView } from './testing';

vi.setConfig({ testTimeout: 20_000 });

describe('recording that an embassy was told', () => {
  let restore: () => void;
  let posted: Record<string, unknown>[];
  let answer: Response;
  beforeEach(() => {
    posted = [];
    restore = mockFetchForTests(async (input) => {
      posted.push(JSON.parse(await (input as Request).text()) as Record<string, unknown>);
      return answer;
    });
  });
  afterEach(() => restore());

  it('warns before sending when the person has not asked for their embassy to be told', async () => {
    await renderPage(<NotifyEmbassyForm person={personView()} contacts={[]} />);
    expect(screen.getByText(/has not asked for their embassy to be told/)).toBeTruthy();
    expect(screen.getByText(/the embassy of Thailand sees this case/)).toBeTruthy();
  });

  it("sends one of the person's nationalities, the channel and the time, and says a refusal plainly", async () => {
    answer = json(422, apiError(422, 'PROTECTION_CLAIM'));
    const person = personView({
      consents: { services: true, consularNotification: true, shareWithPartners: false, research: false },
    });
    await renderPage(<NotifyEmbassyForm person={person} contacts={[]} />);
    await userEvent.setup().click(screen.getByRole('button', { name: 'Record the notification' }));
    await waitFor(() => expect(posted).toHaveLength(1));
    expect(posted[0]).toMatchObject({ countryCode: 'THA', channel: 'email' });
    expect(Date.parse(posted[0].notifiedAt as string)).toBeLessThanOrEqual(Date.now());
    expect((await screen.findByRole('alert')).textContent).toContain('their embassy may not be told');
  });
});
