import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { mockFetchForTests } from '../../api/client';
import { ApiError } from '../../api/errors';
import { json, renderPage } from '../../test/render';
import { UserForm } from './UserForm';

const EMPTY = { email: '', displayName: '', password: '', role: '' as const, nationalities: [] };

// Typing and rendering take seconds on a busy two-core machine (CI): more than Vitest's default 5 s.
describe('the user form', { timeout: 30_000 }, () => {
  let restore: () => void;
  beforeEach(() => {
    restore = mockFetchForTests(async () =>
      json(200, [
        { code: 'PHL', alpha2: 'PH', name: 'Philippines' },
        { code: 'THA', alpha2: 'TH', name: 'Thailand' },
      ]),
    );
  });
  afterEach(() => restore());

  async function show(error: unknown = null) {
    const onSubmit = vi.fn();
    await renderPage(
      <UserForm
        initial={{ ...EMPTY, role: 'consular' }}
        creating
        busy={false}
        error={error}
        submitLabel="Create the account"
        onSubmit={onSubmit}
        onCancel={() => undefined}
      />,
    );
    return onSubmit;
  }

  it('asks for the countries of a consular officer before sending', async () => {
    const onSubmit = await show();
    const user = userEvent.setup();
    await user.click(screen.getByLabelText(/Email/));
    await user.paste('officer@example.org');
    await user.click(screen.getByLabelText(/Display name/));
    await user.paste('Officer');
    await user.click(screen.getByLabelText(/Temporary password/));
    await user.paste('a long temporary phrase');
    await user.click(screen.getByRole('button', { name: 'Create the account' }));
    expect(screen.getByText('A consular officer needs at least one country.')).toBeTruthy();
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('says a taken email in plain words', async () => {
    await show(new ApiError(409, 'EMAIL_TAKEN', 'taken'));
    expect((await screen.findByRole('alert')).textContent).toContain(
      'An account with this email already exists.',
    );
  });
});
