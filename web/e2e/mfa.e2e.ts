import { generate } from 'otplib';
import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  baseURL,
  browserSession,
  DEMO_EMAILS,
  DEMO_PASSWORD,
  expectNoCspViolations,
  expectNoSeriousA11yViolations,
  shoot,
} from './support/browser';

const STEP_SECONDS = 30;

/** What an authenticator app with this secret shows `steps` 30-second steps from now. */
const codeAt = (secret: string, steps = 0) =>
  generate({ secret, epoch: Math.floor(Date.now() / 1000) + steps * STEP_SECONDS });

/** A code no authenticator shows in the ±1-step window now. */
async function wrongCode(secret: string): Promise<string> {
  const right = new Set([await codeAt(secret, -1), await codeAt(secret), await codeAt(secret, 1)]);
  return ['000000', '111111', '222222', '333333'].find((c) => !right.has(c))!;
}

/** A caseworker of this run, made by the demo administrator through the API. */
async function newCaseworker(): Promise<{ email: string; password: string }> {
  const call = async (path: string, body: unknown, token?: string) => {
    const res = await fetch(`${baseURL()}/api/v1${path}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`POST ${path}: ${res.status} ${await res.text()}`);
    return (await res.json()) as Record<string, unknown>;
  };
  const admin = await call('/auth/login', { email: DEMO_EMAILS.admin, password: DEMO_PASSWORD });
  const email = `mfa-${randomUUID().slice(0, 8)}@example.org`;
  const password = `a long phrase ${randomUUID()}`;
  await call(
    '/users',
    { email, displayName: 'Two-factor Caseworker', password, role: 'caseworker' },
    admin.accessToken as string,
  );
  return { email, password };
}

async function passwordStep(page: Page, user: { email: string; password: string }): Promise<void> {
  await page.goto('/sign-in');
  await page.locator('input[type=email]').fill(user.email);
  await page.locator('input[autocomplete=current-password]').fill(user.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByTestId('second-factor').waitFor();
}

async function signOut(page: Page): Promise<void> {
  await page.getByTestId('account-menu').click();
  await page.getByTestId('sign-out').click();
  await page.waitForURL('**/sign-in');
}

describe('two-factor sign-in', () => {
  const session = browserSession();
  let user: { email: string; password: string };
  let secret: string;
  let recoveryCodes: string[];

  it('is set up from the account menu: QR code, the key as text, a first code, the recovery codes once', async () => {
    const { page } = session;
    user = await newCaseworker();
    await page.goto('/sign-in');
    await page.locator('input[type=email]').fill(user.email);
    await page.locator('input[autocomplete=current-password]').fill(user.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL('**/work');

    await page.getByTestId('account-menu').click();
    await page.getByTestId('security-link').click();
    await page.waitForURL('**/account/security');
    await expect.poll(() => page.getByTestId('mfa-status').textContent()).toBe('Two-factor sign-in is off.');
    await expectNoSeriousA11yViolations(page);

    await page.getByRole('button', { name: 'Set up two-factor sign-in' }).click();
    await page.getByTestId('mfa-qr').waitFor();
    expect(await page.getByTestId('mfa-qr').getAttribute('src')).toMatch(/^data:image\/png;base64,/);
    secret = ((await page.getByTestId('mfa-secret').textContent()) ?? '').replace(/\s/g, '');
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    await expectNoSeriousA11yViolations(page);
    await shoot(page, 'mfa-enrol');

    await page.getByLabel('6-digit code').fill(await codeAt(secret));
    await page.getByRole('button', { name: 'Turn on' }).click();
    await page.getByTestId('recovery-codes').waitFor();
    recoveryCodes = await page.getByTestId('recovery-codes').locator('li').allTextContents();
    expect(recoveryCodes).toHaveLength(10);
    await expectNoSeriousA11yViolations(page);
    await shoot(page, 'mfa-recovery-codes');

    await page.getByLabel('I have saved my recovery codes').check();
    await page.getByRole('button', { name: 'Done' }).click();
    await page.waitForURL('**/work');
    expectNoCspViolations(page);
  });

  it('asks for the code after the password; a wrong one gets a plain message, the right one signs in', async () => {
    const { page } = session;
    await passwordStep(page, user);
    await expectNoSeriousA11yViolations(page);
    await shoot(page, 'mfa-sign-in-code');

    await page.getByLabel('6-digit code').fill(await wrongCode(secret));
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect
      .poll(() => page.getByTestId('sign-in-error').textContent())
      .toBe(
        'That code is not right, or it was already used. Wait for the next code in your app and try again.',
      );

    // The step after the one that turned it on: each code works once.
    await page.getByLabel('6-digit code').fill(await codeAt(secret, 1));
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.waitForURL('**/work');
    await signOut(page);
  });

  it('signs in with a recovery code instead, through "Use a recovery code"', async () => {
    const { page } = session;
    await passwordStep(page, user);
    await page.getByRole('button', { name: 'Use a recovery code' }).click();
    await page.getByLabel('Recovery code').fill(recoveryCodes[0]);
    await expectNoSeriousA11yViolations(page);
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.waitForURL('**/work');

    await page.getByTestId('account-menu').click();
    await page.getByTestId('security-link').click();
    await expect.poll(() => page.getByTestId('mfa-status').textContent()).toBe('Two-factor sign-in is on.');
  });
});
