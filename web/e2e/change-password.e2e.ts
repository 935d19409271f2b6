import { randomUUID } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  baseURL,
  DEMO_EMAILS,
  DEMO_PASSWORD,
  expectNoSeriousA11yViolations,
  launchBrowser,
  newPage,
  shoot,
  MENU,
} from './support/browser';

/** The administrator's side, through the API (the users pages are not built yet). */
async function adminCall(token: string | undefined, method: string, path: string, body: unknown) {
  const res = await fetch(`${baseURL()}/api/v1${path}`, {
    method,
    headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
  return res.status === 204 ? undefined : ((await res.json()) as Record<string, unknown>);
}

describe('a password reset by the administrator', () => {
  let browser: Browser;
  let page: Page;
  beforeAll(async () => {
    browser = await launchBrowser();
    page = await newPage(browser);
  });
  afterAll(() => browser?.close());

  it('makes the user choose a new password before anything else, then lets them in', async () => {
    const admin = await adminCall(undefined, 'POST', '/auth/login', {
      email: DEMO_EMAILS.admin,
      password: DEMO_PASSWORD,
    });
    const token = admin!.accessToken as string;
    const email = `reset-${randomUUID().slice(0, 8)}@example.org`;
    const user = await adminCall(token, 'POST', '/users', {
      email,
      displayName: 'Reset Caseworker',
      password: `first ${randomUUID()}`,
      role: 'caseworker',
    });
    const temporary = `temporary ${randomUUID()}`;
    await adminCall(token, 'POST', `/users/${user!.id as string}/password-reset`, {
      temporaryPassword: temporary,
    });

    await page.goto('/sign-in');
    await page.locator('input[type=email]').fill(email);
    await page.locator('input[autocomplete=current-password]').fill(temporary);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL('**/account/password');
    await expect
      .poll(() => page.getByRole('status').first().textContent())
      .toContain('Your administrator reset your password');
    expect(await page.locator('#main-navigation a').count()).toBe(0);
    await expectNoSeriousA11yViolations(page);
    await shoot(page, 'change-password-required');

    // Any other page leads back here until the password is changed.
    await page.goto('/cases');
    await page.waitForURL('**/account/password');

    const fresh = `a new long phrase ${randomUUID()}`;
    await page.locator('input[autocomplete=current-password]').fill(temporary);
    await page.locator('input[autocomplete=new-password]').first().fill('password1234');
    await page.locator('input[autocomplete=new-password]').nth(1).fill('password1234');
    await page.getByRole('button', { name: 'Change password' }).click();
    await expect
      .poll(() => page.getByRole('alert').first().textContent())
      .toBe('This password is one of the most common ones. Choose another.');

    await page.locator('input[autocomplete=new-password]').first().fill(fresh);
    await page.locator('input[autocomplete=new-password]').nth(1).fill(fresh);
    await page.getByRole('button', { name: 'Change password' }).click();
    await page.waitForURL('**/work');
    expect(await page.locator('#main-navigation a').allTextContents()).toEqual(MENU.caseworker);
  });
});
