import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  baseURL,
  browserSession,
  DEMO_EMAILS,
  DEMO_PASSWORD,
  DESKTOP,
  expectNoCspViolations,
  expectNoSeriousA11yViolations,
  PHONE,
  shoot,
  signIn,
} from './support/browser';

/** The Philippine embassy's officer of the demo data (src/cli/demo-data.ts). */
const PHL_OFFICER = 'consular.phl@demo.safe-return.org';

async function signInAsPhilippineOfficer(page: Page): Promise<void> {
  await page.goto('/sign-in');
  await page.locator('input[type=email]').fill(PHL_OFFICER);
  await page.locator('input[autocomplete=current-password]').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL('**/consular/cases');
}

/** A Thai case of the demo, as the Thai embassy sees it through the API (its id and case number). */
async function aThaiCase(): Promise<{ id: string; caseNumber: string }> {
  const login = await fetch(`${baseURL()}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email: DEMO_EMAILS.consular, password: DEMO_PASSWORD }),
  });
  const { accessToken } = (await login.json()) as { accessToken: string };
  const res = await fetch(`${baseURL()}/api/v1/consular/cases?limit=1`, {
    headers: { Authorization: `Bearer ${accessToken}` },
  });
  const page = (await res.json()) as {
    items: { id: string; caseNumber: string; nationalities: { code: string }[] }[];
  };
  expect(page.items[0].nationalities.map((n) => n.code)).toContain('THA');
  return page.items[0];
}

const rows = (page: Page) => page.locator('[data-testid=embassy-cases] tbody tr');
const nationalitiesOfRows = (page: Page) =>
  rows(page).evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-nationalities') ?? ''));

/** Picks an option of a Mantine Select or MultiSelect by its label. */
async function choose(page: Page, label: string, option: string, within = page.locator('body')) {
  await within.getByLabel(label).first().click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

describe('the embassy officer', () => {
  const session = browserSession();
  let page: Page;
  beforeEach(() => {
    page = session.page;
  });

  it('Philippines: sees only Filipino nationals, acts on a case, reads its figures', async () => {
    const thai = await aThaiCase();
    await signInAsPhilippineOfficer(page);
    await expect.poll(() => rows(page).count()).toBeGreaterThan(0);
    const listed = await nationalitiesOfRows(page);
    expect(listed.every((codes) => codes.split(' ').includes('PHL'))).toBe(true);
    expect(await page.locator('[data-testid=embassy-cases]').textContent()).not.toContain(thai.caseNumber);
    await expectNoSeriousA11yViolations(page);
    await shoot(page, 'embassy-cases');
    // On a phone the same cases are cards, one per case: no table to scroll sideways.
    await page.setViewportSize(PHONE);
    await expect.poll(() => page.getByTestId('embassy-case-cards').locator('li').count()).toBe(listed.length);
    await page.setViewportSize(DESKTOP);

    // A Thai case, even by its address, is "not found", exactly as a missing one.
    await page.goto(`/consular/cases?case=${thai.id}`);
    await expect
      .poll(() => page.getByRole('alert').first().textContent())
      .toContain('This record does not exist or is outside what you may see.');
    expect(await page.getByTestId('case-details').count()).toBe(0);
    expect(await page.locator('body').textContent()).not.toContain(thai.caseNumber);

    // A case the embassy was notified of: open it from the list filtered by stage.
    await page.getByRole('link', { name: 'Back to the list' }).click();
    await choose(page, 'Stage of the case', 'Embassy notified');
    await expect.poll(() => page.url()).toContain('status=consular_notified');
    await expect
      .poll(() =>
        rows(page)
          .locator('[data-status]')
          .evaluateAll((b) => b.map((e) => e.getAttribute('data-status'))),
      )
      .toSatisfy(
        (statuses: string[]) => statuses.length > 0 && statuses.every((s) => s === 'consular_notified'),
      );
    const caseNumber = (await rows(page).first().getByRole('link').textContent())!;
    await rows(page).first().getByRole('link').click();
    await expect
      .poll(() => page.getByRole('heading', { level: 2 }).first().textContent())
      .toContain(caseNumber);
    expect(await page.getByTestId('case-details').textContent()).toContain('Philippines');
    await expectNoSeriousA11yViolations(page);
    await shoot(page, 'embassy-case');

    const status = () => page.getByRole('status').first().textContent();
    const stage = () => page.getByTestId('case-details').locator('[data-status]').getAttribute('data-status');

    await page.locator('[data-action=acknowledge]').getByRole('button', { name: 'Acknowledge' }).click();
    await expect.poll(status).toContain('Notification acknowledged');
    await expect.poll(() => page.locator('[data-action=acknowledge]').count()).toBe(0);

    await page.getByRole('button', { name: 'Confirm the identity is verified' }).click();
    await expect.poll(status).toContain('Identity verified');
    await expect.poll(stage).toBe('identity_verified');
    // The embassy's verification makes the Philippine nationality verified, not only stated.
    await expect
      .poll(() => page.getByTestId('case-details').textContent())
      .toContain('Philippines (verified)');

    // The form says what is missing before anything is sent.
    const form = page.locator('[data-action=travelDocument]');
    await form.getByRole('button', { name: 'Record the travel document' }).click();
    await expect.poll(() => form.textContent()).toContain('Enter the document number.');
    await choose(page, 'Type of document', 'Emergency travel document', form);
    const number = `ETD-PHL-E2E-${Date.now()}`;
    await form.getByRole('textbox', { name: 'Document number' }).fill(number);
    await form.getByLabel('Valid until').fill('2030-06-30');
    await form.getByRole('button', { name: 'Record the travel document' }).click();
    await expect.poll(status).toContain('Travel document recorded');
    await expect.poll(stage).toBe('documents_issued');
    await expect.poll(() => page.getByTestId('notification-details').textContent()).toContain(number);
    await shoot(page, 'embassy-case-documented');

    // Their figures: the Laukkaing departure day (recorded by handovers.e2e.ts, which runs first: support/story-order.ts)
    // holds 6 Filipinos, and no other country.
    await page.locator('#main-navigation').getByRole('link', { name: 'Figures', exact: true }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Figures');
    await page.getByLabel('From (first day)').fill('2023-11-19');
    await page.getByLabel('To (last day)').fill('2023-11-19');
    const departures = page.getByRole('region', { name: 'Departures home' });
    await expect.poll(() => departures.locator('tbody tr').allTextContents()).toEqual(['Philippines6']);
    expect(await departures.locator('tfoot').textContent()).toBe('Total6');
    await expect
      .poll(() => page.getByRole('region', { name: 'Open cases today' }).locator('tbody tr').count())
      .toBeGreaterThan(0);
    await expectNoSeriousA11yViolations(page);
    await shoot(page, 'embassy-figures');
    expectNoCspViolations(page);
  });

  it('Thailand: sees only Thai nationals', async () => {
    await signIn(page, 'consular');
    await expect.poll(() => rows(page).count()).toBeGreaterThan(0);
    const listed = await nationalitiesOfRows(page);
    expect(listed.every((codes) => codes.split(' ').includes('THA'))).toBe(true);
    await page.getByRole('button', { name: 'Show more cases' }).click();
    await expect.poll(() => rows(page).count()).toBeGreaterThan(listed.length);
    expect((await nationalitiesOfRows(page)).every((codes) => codes.split(' ').includes('THA'))).toBe(true);
    expectNoCspViolations(page);
  });
});
