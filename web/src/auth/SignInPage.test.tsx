import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mockFetchForTests } from '../api/client';
import { apiError, json, renderPage } from '../test/render';
import SignInPage from './SignInPage';

describe('the sign-in page', () => {
  let restore: () => void;
  let answer: Response;
  beforeEach(() => {
    restore = mockFetchForTests(async () => answer);
  });
  afterEach(() => restore());

  async function signInWith(response: Response): Promise<string> {
    answer = response;
    await renderPage(<SignInPage />, '/sign-in');
    const user = userEvent.setup();
    await user.type(screen.getByLabelText(/Email/), 'caseworker@example.org');
    await user.type(document.querySelector('input[type=password]')!, 'a wrong password');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    const alert = await screen.findByRole('alert');
    return alert.textContent ?? '';
  }

  it('says plainly that the email or password is wrong, and clears the password', async () => {
    const message = await signInWith(json(401, apiError(401, 'INVALID_CREDENTIALS')));
    expect(message).toBe('The email or the password is not right. Check both and try again.');
    expect(document.querySelector<HTMLInputElement>('input[type=password]')!.value).toBe('');
  });

  it('gives the minutes of a lock from Retry-After', async () => {
    const message = await signInWith(json(429, apiError(429, 'LOGIN_LOCKED'), { 'Retry-After': '840' }));
    expect(message).toContain('try again in 14 minutes');
  });

  it('says a minute, in the singular, when less than a minute is left', async () => {
    const message = await signInWith(json(429, apiError(429, 'LOGIN_LOCKED'), { 'Retry-After': '30' }));
    expect(message).toContain('try again in 1 minute,');
  });

  it('explains throttling of the network', async () => {
    const message = await signInWith(json(429, apiError(429, 'THROTTLED'), { 'Retry-After': '60' }));
    expect(message).toBe('Too many sign-in attempts from this network. Wait 1 minute and try again.');
  });

  it('names the code of an answer it has no words for', async () => {
    const message = await signInWith(json(500, apiError(500, 'INTERNAL_ERROR')));
    expect(message).toContain('code INTERNAL_ERROR');
  });

  it('asks for both fields before sending anything', async () => {
    await renderPage(<SignInPage />, '/sign-in');
    await userEvent.setup().click(screen.getByRole('button', { name: 'Sign in' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Enter your email and your password.');
  });
});
