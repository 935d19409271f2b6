import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mockFetchForTests } from '../api/client';
import { apiError, json, renderPage } from '../test/render';
import { getSession, signOut } from './session';
import SignInPage from './SignInPage';

const ME = {
  id: 'u1',
  email: 'a@example.org',
  displayName: 'A',
  role: 'caseworker',
  nationalities: [],
  mfaEnabled: true,
};
const PAIR = {
  accessToken: 't',
  expiresIn: 900,
  mustChangePassword: false,
  mfaEnrollmentRequired: false,
  user: ME,
};

describe('the second step of a sign-in', { timeout: 30_000 }, () => {
  let restore: () => void;
  let secondStep: (body: Record<string, unknown>) => Response;
  let sent: Record<string, unknown>[];
  beforeEach(() => {
    sent = [];
    restore = mockFetchForTests(async (input) => {
      const request = input as Request;
      const path = new URL(request.url).pathname;
      if (path === '/api/v1/auth/login')
        return json(200, { mfaRequired: true, mfaToken: 'mt', expiresIn: 300 });
      if (path === '/api/v1/auth/login/mfa') {
        const body = (await request.json()) as Record<string, unknown>;
        sent.push(body);
        return secondStep(body);
      }
      return json(204, null);
    });
  });
  afterEach(async () => {
    await signOut();
    restore();
  });

  async function passwordStep() {
    await renderPage(<SignInPage />, '/sign-in');
    const user = userEvent.setup();
    await user.type(screen.getByLabelText(/Email/), 'a@example.org');
    await user.type(document.querySelector('input[type=password]')!, 'the right password');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    await screen.findByText('Two-factor sign-in');
    return user;
  }

  it('asks for the 6-digit code after the password, and signs in with it', async () => {
    secondStep = () => json(200, PAIR);
    const user = await passwordStep();
    await user.type(screen.getByLabelText(/6-digit code/), '123 456');
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    await expect.poll(() => getSession().status).toBe('signed_in');
    expect(sent).toEqual([{ mfaToken: 'mt', code: '123456' }]);
  });

  it('says plainly that a code is wrong, and keeps asking', async () => {
    secondStep = () => json(401, apiError(401, 'INVALID_MFA_CODE'));
    const user = await passwordStep();
    await user.type(screen.getByLabelText(/6-digit code/), '000000');
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'That code is not right, or it was already used. Wait for the next code in your app and try again.',
    );
    expect(screen.getByLabelText(/6-digit code/)).toBeTruthy();
  });

  it('asks for 6 digits before sending anything', async () => {
    secondStep = () => json(200, PAIR);
    const user = await passwordStep();
    await user.type(screen.getByLabelText(/6-digit code/), '12345');
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Enter the 6 digits of the code.');
    expect(sent).toEqual([]);
  });

  it('takes a recovery code through "Use a recovery code"', async () => {
    secondStep = () => json(200, PAIR);
    const user = await passwordStep();
    await user.click(screen.getByRole('button', { name: 'Use a recovery code' }));
    await user.type(screen.getByLabelText(/Recovery code/), 'ABCD-EFGH-JKMN');
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    await expect.poll(() => getSession().status).toBe('signed_in');
    expect(sent).toEqual([{ mfaToken: 'mt', recoveryCode: 'ABCD-EFGH-JKMN' }]);
  });

  it('goes back to the password, saying why, when the first step has expired', async () => {
    secondStep = () => json(401, apiError(401, 'INVALID_MFA_TOKEN'));
    const user = await passwordStep();
    await user.type(screen.getByLabelText(/6-digit code/), '123456');
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'The sign-in took too long. Enter your email and password again.',
    );
    expect(document.querySelector('input[type=password]')).not.toBeNull();
  });
});
