import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  expectNoCspViolations,
  expectNoSeriousA11yViolations,
  shoot,
  signIn,
  browserSession,
} from './support/browser';

/** A case page's address: /cases/<uuid>. */
const CASE_PAGE = /\/cases\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

// Each test walks several pages and shoots each in two languages on two screens: more than the default time.
describe("the caseworker's lists: My work and the case list", { timeout: 300_000 }, () => {
  const session = browserSession();
  let page: Page;
  beforeEach(() => {
    page = session.page;
  });

  const rows = () => page.getByTestId('case-row');
  const caseNumbers = () => page.locator('[data-testid=case-row] .case-link').allTextContents();

  /** Picks a value in one of Mantine's pickers the way a keyboard user does: type, then choose. */
  async function pick(label: string, option: string): Promise<void> {
    const input = page.getByRole('combobox', { name: label, exact: true });
    await input.click();
    await input.fill(option);
    await page.getByRole('option', { name: option, exact: true }).click();
    await page.keyboard.press('Escape');
  }

  async function listSettled(): Promise<void> {
    await expect.poll(() => page.getByTestId('case-count').textContent()).toMatch(/match/);
    await expect.poll(() => page.locator('[aria-busy=true]').count()).toBe(0);
  }

  it('a caseworker sees the overdue cases on My work, each leading to its case page', async () => {
    await signIn(page, 'caseworker');
    const overdue = page.getByTestId('overdue');
    await expect.poll(() => overdue.getByTestId('case-row').count()).toBeGreaterThan(0);
    // The demo ages some cases 30 days past their stage's target.
    const first = overdue.getByTestId('case-row').first();
    expect(await first.getByTestId('overdue-for').textContent()).toMatch(/^Overdue by \d+ days?$/);
    expect(await first.getAttribute('data-status')).toMatch(
      /presumed_victim|consular_notified|identity_verified/,
    );
    expect(await page.getByTestId('overdue-count').textContent()).toMatch(/^\d+ cases? match/);
    await expect.poll(() => page.getByTestId('recent').getByTestId('case-row').count()).toBe(10);
    expect(await page.getByRole('link', { name: 'Start a new intake' }).getAttribute('href')).toBe(
      '/cases/new',
    );
    await expectNoSeriousA11yViolations(page);
    await shoot(page, 'my-work-caseworker');

    const caseNumber = await first.locator('.case-link').textContent();
    await first.getByRole('link', { name: caseNumber! }).click();
    await page.waitForURL(CASE_PAGE);
    expectNoCspViolations(page);
  });

  it('filters the case list by nationality and status, keeps the filter in the address, and pages with the cursor', async () => {
    await signIn(page, 'caseworker');
    await page.locator('#main-navigation').getByRole('link', { name: 'Cases', exact: true }).click();
    await page.waitForURL('**/cases');
    await listSettled();
    expect(await rows().count()).toBe(25);
    await expectNoSeriousA11yViolations(page);
    await shoot(page, 'cases-all');

    // The Laukkaing departure alone brought 266 Thai nationals home: more than two pages.
    await pick('Nationality', 'Thailand');
    await expect.poll(() => new URL(page.url()).search).toBe('?nationality=THA');
    await pick('Status', 'Departed');
    await expect.poll(() => new URL(page.url()).search).toBe('?nationality=THA&status=departed');
    // The address changes a moment before the list does: wait for the list of the new filter.
    await expect
      .poll(() => rows().evaluateAll((all) => all.every((r) => r.dataset.status === 'departed')))
      .toBe(true);
    await listSettled();
    const count = (await page.getByTestId('case-count').textContent())!;
    expect(Number(/^([\d,]+) cases match$/.exec(count)?.[1].replace(',', ''))).toBeGreaterThanOrEqual(266);
    const firstPage = await caseNumbers();
    expect(firstPage).toHaveLength(25);
    for (const row of await rows().all()) {
      expect(await row.getByTestId('case-nationality').textContent()).toContain('Thailand');
      expect(await row.getAttribute('data-status')).toBe('departed');
      expect(await row.getByText('Departed', { exact: true }).count()).toBe(1);
    }
    await expectNoSeriousA11yViolations(page);
    await shoot(page, 'cases-filtered');

    // The next keyset page brings 25 other cases, still all Thai and departed.
    await page.getByRole('button', { name: 'Load more cases' }).click();
    await expect.poll(() => rows().count()).toBe(50);
    const secondPage = (await caseNumbers()).slice(25);
    expect(secondPage).toHaveLength(25);
    expect(secondPage.filter((n) => firstPage.includes(n))).toEqual([]);
    for (const row of (await rows().all()).slice(25)) {
      expect(await row.getByTestId('case-nationality').textContent()).toContain('Thailand');
      expect(await row.getAttribute('data-status')).toBe('departed');
    }

    // A bookmark (or a reload) opens the same filtered list.
    await page.reload();
    await listSettled();
    expect(await page.getByTestId('case-count').textContent()).toBe(count);
    expect(await caseNumbers()).toEqual(firstPage);
    await page.goto('/work');
    await page.goto('/cases?nationality=THA&status=departed');
    await listSettled();
    expect(await caseNumbers()).toEqual(firstPage);

    // Clearing the filters is one step; Back brings them back.
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await expect.poll(() => new URL(page.url()).search).toBe('');
    await listSettled();
    await page.goBack();
    await expect.poll(() => new URL(page.url()).search).toBe('?nationality=THA&status=departed');
    await listSettled();
    expect(await caseNumbers()).toEqual(firstPage);
    expectNoCspViolations(page);
  });

  it('says plainly when nothing matches, and searches by name', async () => {
    await signIn(page, 'caseworker');
    await page.goto('/cases?q=Zzyzx%20Nobody');
    await expect
      .poll(() => page.getByTestId('no-cases').textContent())
      .toContain('No case matches these filters.');
    await expectNoSeriousA11yViolations(page);
    await shoot(page, 'cases-none');
    expectNoCspViolations(page);
  });

  it('the less common filters open from the keyboard: only the overdue cases, each saying by how long', async () => {
    await signIn(page, 'caseworker');
    await page.goto('/cases');
    await listSettled();
    await page.getByRole('button', { name: 'More filters' }).focus();
    await page.keyboard.press('Enter');
    const overdueOnly = page.getByRole('switch', { name: "Only cases past their stage's target time" });
    await overdueOnly.focus();
    await page.keyboard.press('Space');
    await expect.poll(() => new URL(page.url()).search).toBe('?overdue=true');
    await expect.poll(() => page.getByTestId('overdue-for').count()).toBeGreaterThan(0);
    await listSettled();
    expect(await rows().count()).toBe(await page.getByTestId('overdue-for').count());
    await expectNoSeriousA11yViolations(page);
    await shoot(page, 'cases-overdue-more-filters');
    expectNoCspViolations(page);
  });

  it('a supervisor opens My work every morning too', async () => {
    await signIn(page, 'supervisor');
    await expect.poll(() => page.getByTestId('overdue').getByTestId('case-row').count()).toBeGreaterThan(0);
    const link = page.getByTestId('overdue').locator('.case-link').first();
    expect(await link.getAttribute('href')).toMatch(CASE_PAGE);
    await expectNoSeriousA11yViolations(page);
    await shoot(page, 'my-work-supervisor');
    expectNoCspViolations(page);
  });
});
