import { screen } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mockFetchForTests } from '../api/client';
import { json, renderPage } from '../test/render';
import { RequireSession } from './RequireSession';
import { signIn, signOut } from './session';

const ME = {
  id: 'u1',
  email: 'a@example.org',
  displayName: 'A',
  role: 'admin',
  nationalities: [],
  mfaEnabled: false,
};

describe('pages of an account that must first set something up', { timeout: 30_000 }, () => {
  let restore: () => void;
  let flags: { mustChangePassword: boolean; mfaEnrollmentRequired: boolean };
  beforeEach(() => {
    restore = mockFetchForTests(async () =>
      json(200, { accessToken: 't', expiresIn: 900, user: ME, ...flags }),
    );
  });
  afterEach(async () => {
    await signOut();
    restore();
  });

  async function landing(): Promise<string> {
    await signIn('a@example.org', 'pw');
    await renderPage(
      <Routes>
        <Route element={<RequireSession />}>
          <Route path="/cases" element={<p>cases</p>} />
          <Route path="/account/password" element={<p>password</p>} />
          <Route path="/account/security" element={<p>security</p>} />
        </Route>
      </Routes>,
      '/cases',
    );
    return (await screen.findByText(/^(cases|password|security)$/)).textContent!;
  }

  it('sends a role that requires two-factor sign-in to set it up before anything else', async () => {
    flags = { mustChangePassword: false, mfaEnrollmentRequired: true };
    expect(await landing()).toBe('security');
  });

  it('asks for the new password first when both are pending, as the API does', async () => {
    flags = { mustChangePassword: true, mfaEnrollmentRequired: true };
    expect(await landing()).toBe('password');
  });

  it('opens the page asked for when nothing is pending', async () => {
    flags = { mustChangePassword: false, mfaEnrollmentRequired: false };
    expect(await landing()).toBe('cases');
  });
});
