import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  DEMO_EMAILS,
  expectNoCspViolations,
  expectNoSeriousA11yViolations,
  launchBrowser,
  newPage,
  shoot,
  signIn,
} from './support/browser';

describe('signing in and out', () => {
  let browser: Browser;
  let page: Page;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(() => browser?.close());
  beforeEach(async () => {
    page = await newPage(browser);
  });

  it('shows the sign-in page to someone not signed in, whatever the address', async () => {
    await page.goto('/cases/123');
    await page.waitForURL(
      (url) => url.pathname === '/sign-in' && url.searchParams.get('next') === '/cases/123',
    );
    await expect.poll(() => page.getByRole('heading', { name: 'Sign in' }).count()).toBe(1);
    await expectNoSeriousA11yViolations(page);
    await shoot(page, 'sign-in');
    expectNoCspViolations(page);
  });

  it('says plainly that the password is wrong', async () => {
    await page.goto('/sign-in');
    await page.locator('input[type=email]').fill(DEMO_EMAILS.caseworker);
    await page.locator('input[autocomplete=current-password]').fill('not-the-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect
      .poll(() => page.getByRole('alert').textContent())
      .toBe('The email or the password is not right. Check both and try again.');
    expect(page.url()).toMatch(/\/sign-in$/);
    await expectNoSeriousA11yViolations(page);
    await shoot(page, 'sign-in-wrong-password');
  });

  it('lands a caseworker on My work, keeps the refresh token out of reach of scripts, and survives a reload', async () => {
    await signIn(page, 'caseworker');
    expect(new URL(page.url()).pathname).toBe('/work');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('My work');

    // The refresh cookie exists, httpOnly and SameSite=Strict on the auth routes, and no script sees it.
    const cookies = await page.context().cookies();
    expect(cookies).toEqual([
      expect.objectContaining({
        name: 'sr_refresh',
        httpOnly: true,
        sameSite: 'Strict',
        path: '/api/v1/auth',
      }),
    ]);
    expect(await page.evaluate(() => document.cookie)).toBe('');
    // Nothing about the sign-in in the browser's storage either.
    const stored = await page.evaluate(() => JSON.stringify({ ...localStorage, ...sessionStorage }));
    expect(stored).not.toMatch(/eyJ|token|sr_refresh/i);

    await page.reload();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('My work');
    expectNoCspViolations(page);
  });

  it('signs out: back to the sign-in page, the cookie gone, and a reload stays signed out', async () => {
    await signIn(page, 'caseworker');
    await page.getByTestId('account-menu').click();
    await page.getByRole('menuitem', { name: 'Sign out' }).click();
    await page.waitForURL((url) => url.pathname === '/sign-in' && url.search === '');
    await expect.poll(() => page.getByTestId('session-ended').textContent()).toBe('You have signed out.');
    expect(await page.context().cookies()).toEqual([]);
    await page.goto('/work');
    await page.waitForURL((url) => url.pathname === '/sign-in' && url.searchParams.get('next') === '/work');
  });
});

describe('two tabs of the app', () => {
  it('signing out in one clears the other at once', async () => {
    const browser = await launchBrowser();
    try {
      const first = await newPage(browser);
      await signIn(first, 'caseworker');
      const second = await first.context().newPage();
      await second.goto('/cases');
      await expect.poll(() => second.getByRole('heading', { level: 1 }).textContent()).toBe('Cases');

      await first.getByTestId('account-menu').click();
      await first.getByRole('menuitem', { name: 'Sign out' }).click();
      await second.waitForURL((url) => url.pathname === '/sign-in');
      await expect.poll(() => second.getByTestId('session-ended').textContent()).toBe('You have signed out.');
    } finally {
      await browser.close();
    }
  });
});
