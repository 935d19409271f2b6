import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  baseURL,
  DEMO_EMAILS,
  DEMO_PASSWORD,
  expectNoCspViolations,
  expectNoSeriousA11yViolations,
  launchBrowser,
  newPage,
  shoot,
  signIn,
} from './support/browser';

/**
 * An intake done with the keyboard alone (Tab, Shift+Tab, Space, Enter, arrow keys, typing): no
 * click after signing in. A shelter's shared laptop may have no working mouse, and a screen-reader
 * user works this way.
 */

/** What the focused element is, in words a test can match: its test id, its label, its text. */
function focused(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el) return '';
    const labelled = el.id ? document.querySelector(`label[for="${el.id}"]`)?.textContent : '';
    return [el.getAttribute('data-testid'), labelled, el.getAttribute('aria-label'), el.textContent]
      .filter(Boolean)
      .join(' | ');
  });
}

/** Presses Tab until the focused element matches, as a keyboard user moves through the form. */
async function tabTo(page: Page, target: RegExp, limit = 60): Promise<void> {
  for (let i = 0; i < limit; i++) {
    if (target.test(await focused(page))) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${target}; last focused: ${await focused(page)}`);
}

describe('intake with the keyboard only', () => {
  let browser: Browser;
  let page: Page;
  beforeAll(async () => {
    browser = await launchBrowser();
    page = await newPage(browser);
  });
  afterAll(() => browser?.close());

  it('registers a person without a single click', { timeout: 400_000 }, async () => {
    const documentNumber = `KB${String(Date.now()).slice(-7)}`;
    await signIn(page, 'caseworker');
    await page.goto('/cases/new');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('New intake');
    await expectNoSeriousA11yViolations(page);

    // The skip link first, then into the form.
    await page.keyboard.press('Tab');
    expect(await focused(page)).toContain('Skip to main content');
    await page.keyboard.press('Enter');
    await tabTo(page, /^Given name/);
    await page.keyboard.type('Kanokwam'); // a slip of the finger, put right below
    await page.keyboard.press('Tab');
    expect(await focused(page)).toMatch(/^Family name/);
    await page.keyboard.type('Phromma');
    await page.keyboard.press('Shift+Tab');
    expect(await focused(page)).toMatch(/^Given name/);
    await page.keyboard.press('Control+A');
    await page.keyboard.type('Kanokwan');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    expect(await focused(page)).toMatch(/^Name in their own script/);
    await page.keyboard.type('กนกวรรณ พรหมมา');

    // Sex: the radio group is one Tab stop; arrows move the choice, Space takes the focused one.
    await tabTo(page, /^Female/);
    await page.keyboard.press('Space');
    // Age: the segmented control's arrows switch to an estimated age.
    await tabTo(page, /^Date of birth$/);
    await page.keyboard.press('ArrowRight');
    await tabTo(page, /^Estimated age \(years\)/);
    await page.keyboard.type('30');
    await tabTo(page, /^Passport or ID number/);
    await page.keyboard.type(documentNumber);
    // Nationality: type, arrow down to the option, Enter to take it, Escape to close the list.
    await tabTo(page, /^Nationality/);
    await page.keyboard.type('Thail');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Escape');
    await expect
      .poll(() => page.locator('.mantine-MultiSelect-pill').allTextContents())
      .toEqual(['Thailand']);

    // The search for people already registered answers; if it lists anyone, say none is her.
    const status = page.getByTestId('duplicates-status');
    await expect.poll(() => status.textContent()).not.toMatch(/Looking|Type a name/);
    if ((await page.getByTestId('duplicate-candidate').count()) > 0) {
      await tabTo(page, /acknowledge-duplicates/);
      await page.keyboard.press('Space');
    }
    // Consent: she agrees to the shelter's help, not (yet) to her embassy being told.
    await tabTo(page, /consent-services/);
    await page.keyboard.press('Space');
    expect(await page.getByTestId('consent-services').isChecked()).toBe(true);
    expect(await page.getByTestId('consent-consularNotification').isChecked()).toBe(false);

    await tabTo(page, /Register this person/);
    await expectNoSeriousA11yViolations(page);
    await shoot(page, 'intake-keyboard');
    await tabTo(page, /Register this person/);
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/cases\/[0-9a-f-]{36}$/);

    // The person exists, as typed.
    const id = new URL(page.url()).pathname.split('/').pop()!;
    const login = await fetch(`${baseURL()}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email: DEMO_EMAILS.caseworker, password: DEMO_PASSWORD }),
    });
    const { accessToken } = (await login.json()) as { accessToken: string };
    const response = await fetch(`${baseURL()}/api/v1/people/${id}`, {
      headers: { Authorization: `Bearer ${accessToken}` },
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      givenName: 'Kanokwan',
      familyName: 'Phromma',
      nameNative: 'กนกวรรณ พรหมมา',
      sex: 'female',
      estimatedAge: 30,
      dateOfBirth: null,
      documentNumber,
      nationalities: [expect.objectContaining({ code: 'THA' })],
      consents: { services: true, consularNotification: false, shareWithPartners: false, research: false },
    });
    expectNoCspViolations(page);
  });
});
