import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mockFetchForTests } from '../api/client';
import { apiError, json, renderPage } from '../test/render';
import SecurityPage from './SecurityPage';
import { getSession, signIn, signOut } from './session';

const me = (mfaEnabled: boolean) => ({
  id: 'u1',
  email: 'a@example.org',
  displayName: 'A',
  role: 'admin',
  nationalities: [],
  mfaEnabled,
});
const CODES = Array.from({ length: 10 }, (_, i) => `AAAA-BBBB-CCC${i}`);

describe('the two-factor page', { timeout: 30_000 }, () => {
  let restore: () => void;
  let routes: Record<string, (body: Record<string, unknown>) => Response>;
  beforeEach(() => {
    restore = mockFetchForTests(async (input) => {
      const request = input as Request;
      const key = `${request.method} ${new URL(request.url).pathname}`;
      const text = await request.text();
      return routes[key]?.(text ? (JSON.parse(text) as Record<string, unknown>) : {}) ?? json(204, null);
    });
  });
  afterEach(async () => {
    await signOut();
    restore();
  });

  async function signedIn(mfaEnabled: boolean, mfaEnrollmentRequired = false) {
    routes['POST /api/v1/auth/login'] = () =>
      json(200, {
        accessToken: 't',
        expiresIn: 900,
        mustChangePassword: false,
        mfaEnrollmentRequired,
        user: me(mfaEnabled),
      });
    await signIn('a@example.org', 'pw');
    await renderPage(<SecurityPage />, '/account/security');
    return userEvent.setup();
  }

  it('enrols: the QR code and the key as text, a first code, then the recovery codes once', async () => {
    routes = {
      'POST /api/v1/auth/mfa/enroll': () =>
        json(200, { secret: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP', otpauthUrl: 'otpauth://totp/x?secret=JBSW' }),
      'POST /api/v1/auth/mfa/activate': (body) =>
        body.code === '123456'
          ? json(200, { recoveryCodes: CODES })
          : json(401, apiError(401, 'INVALID_MFA_CODE')),
    };
    const user = await signedIn(false, true);
    expect(screen.getByRole('status').textContent).toContain('Your role requires two-factor sign-in');
    await user.click(screen.getByRole('button', { name: 'Set up two-factor sign-in' }));
    expect((await screen.findByTestId('mfa-secret')).textContent).toBe(
      'JBSW Y3DP EHPK 3PXP JBSW Y3DP EHPK 3PXP',
    );
    expect((await screen.findByAltText(/QR code/)).getAttribute('src')).toMatch(/^data:image\/png;base64,/);

    await user.type(screen.getByLabelText(/6-digit code/), '654321');
    await user.click(screen.getByRole('button', { name: 'Turn on' }));
    expect((await screen.findByRole('alert')).textContent).toContain('That code is not right');

    await user.type(screen.getByLabelText(/6-digit code/), '123456');
    await user.click(screen.getByRole('button', { name: 'Turn on' }));
    const list = await screen.findByTestId('recovery-codes');
    expect(list.querySelectorAll('li')).toHaveLength(10);
    expect(list.textContent).toContain('AAAA-BBBB-CCC9');
    const session = getSession();
    expect(
      session.status === 'signed_in' && [session.user.mfaEnabled, session.mfaEnrollmentRequired],
    ).toEqual([true, false]);
    const done = screen.getByRole('button', { name: 'Done' });
    expect(done.hasAttribute('disabled')).toBe(true);
    await user.click(screen.getByLabelText('I have saved my recovery codes'));
    expect(done.hasAttribute('disabled')).toBe(false);
  });

  it('turns it off with a code, and says why a role that requires it cannot', async () => {
    routes = { 'DELETE /api/v1/auth/mfa': () => json(422, apiError(422, 'MFA_REQUIRED')) };
    const user = await signedIn(true);
    expect(screen.getByTestId('mfa-status').textContent).toBe('Two-factor sign-in is on.');
    await user.type(screen.getByLabelText(/6-digit code/), '123456');
    await user.click(screen.getByRole('button', { name: 'Turn off' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Your role requires two-factor sign-in, so it cannot be turned off.',
    );

    routes['DELETE /api/v1/auth/mfa'] = () => json(204, null);
    await user.type(screen.getByLabelText(/6-digit code/), '123456');
    await user.click(screen.getByRole('button', { name: 'Turn off' }));
    expect((await screen.findByTestId('mfa-status')).textContent).toBe('Two-factor sign-in is off.');
  });
});
