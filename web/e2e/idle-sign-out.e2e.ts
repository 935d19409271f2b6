import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  expectNoCspViolations,
  expectNoSeriousA11yViolations,
  launchBrowser,
  newPage,
  shoot,
  signIn,
} from './support/browser';

/** The shared-laptop rule: 15 minutes without mouse, keyboard or touch sign the user out. The clock is fast-forwarded. */
describe('signing out after 15 idle minutes', () => {
  let browser: Browser;
  let page: Page;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(() => browser?.close());
  beforeEach(async () => {
    page = await newPage(browser);
    await page.clock.install();
    await signIn(page, 'caseworker');
  });

  it('warns in the last minute, then signs out and says why', async () => {
    await page.clock.fastForward('14:05');
    const dialog = page.getByRole('dialog', { name: 'Are you still there?' });
    await expect.poll(() => dialog.isVisible()).toBe(true);
    await expectNoSeriousA11yViolations(page);
    // The dialog locks the page's scroll with a <style> of its own: it must carry the page's nonce.
    expectNoCspViolations(page);
    await shoot(page, 'idle-warning');

    await page.clock.fastForward('01:00');
    await page.waitForURL((url) => url.pathname === '/sign-in' && url.searchParams.get('next') === '/work');
    await expect
      .poll(() => page.getByTestId('session-ended').textContent())
      .toBe(
        'You were signed out after 15 minutes without activity, to protect the people in these records. Sign in again to continue.',
      );
    expect(await page.context().cookies()).toEqual([]);
    await shoot(page, 'idle-signed-out');
  });

  it('counts activity: a key pressed at 10 minutes keeps the user signed in at 16', async () => {
    await page.clock.fastForward('10:00');
    await page.keyboard.press('Shift');
    await page.clock.fastForward('06:00');
    expect(new URL(page.url()).pathname).toBe('/work');
    expect(await page.getByRole('dialog').count()).toBe(0);
  });
});
