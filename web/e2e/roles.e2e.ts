import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  type DemoRole,
  expectNoCspViolations,
  expectNoSeriousA11yViolations,
  HOME,
  MENU,
  shoot,
  signIn,
  browserSession,
} from './support/browser';

describe("each role's start page and menu", () => {
  const session = browserSession();
  let page: Page;
  beforeEach(() => {
    page = session.page;
  });

  const menu = () => page.locator('#main-navigation a').allTextContents();

  /** Every page of the menu opens, with its heading, keyboard-reachable and accessible. */
  async function walkMenu(role: DemoRole): Promise<void> {
    for (const label of MENU[role]) {
      await page.locator('#main-navigation').getByRole('link', { name: label, exact: true }).click();
      await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(label);
      await expectNoSeriousA11yViolations(page);
    }
  }

  for (const role of Object.keys(MENU) as DemoRole[]) {
    it(`${role}: lands on ${HOME[role]} with the role's menu, every page of it accessible`, async () => {
      await signIn(page, role);
      expect(new URL(page.url()).pathname).toBe(HOME[role]);
      expect(await menu()).toEqual(MENU[role]);
      await shoot(page, `${role}-home`);
      await walkMenu(role);
      expectNoCspViolations(page);
    });
  }

  it('a donor who types the address of a caseworker page is told it is not for their role', async () => {
    await signIn(page, 'donor');
    await page.goto('/work');
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent())
      .toBe('Not available for your role');
    await expectNoSeriousA11yViolations(page);
    await shoot(page, 'donor-not-allowed');
  });

  it('the skip link is the first stop of the keyboard and leads to the page', async () => {
    await signIn(page, 'caseworker');
    await page.keyboard.press('Tab');
    const focused = page.locator(':focus');
    expect(await focused.textContent()).toBe('Skip to main content');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
  });
});
