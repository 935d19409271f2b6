import { randomUUID } from 'node:crypto';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  expectNoCspViolations,
  expectNoSeriousA11yViolations,
  launchBrowser,
  newPage,
  shoot,
  signIn,
} from './support/browser';
import { apiAs } from './support/api';

/** Picks an option of a Mantine Select or MultiSelect by its label (the options open in a portal). */
async function choose(page: Page, scope: Locator, label: string, option: string) {
  await scope.getByLabel(label).first().click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

/**
 * Every step waits for what the page shows (expect.poll), never for a time: the dialog open, the
 * notice of what was done, the row as the API now has it.
 */
describe('the administrator', () => {
  let browser: Browser;
  let page: Page;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(() => browser?.close());
  // Each test signs in on a page of its own: one failing leaves the other to say what it sees.
  beforeEach(async () => {
    page = await newPage(browser);
    await signIn(page, 'admin');
  });

  const dialog = () => page.getByRole('dialog');
  const notice = () => page.getByRole('status').first().textContent();
  const row = (email: string) => page.locator(`[data-testid=users-table] tbody tr[data-email="${email}"]`);

  it('creates a user, changes their role, resets their password, disables them', async () => {
    await page.locator('#main-navigation').getByRole('link', { name: 'Users', exact: true }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Users');
    await expect.poll(() => page.locator('[data-testid=users-table] tbody tr').count()).toBeGreaterThan(0);
    await expectNoSeriousA11yViolations(page);
    await shoot(page, 'admin-users');

    // Create a consular officer: the form asks for their countries before anything is sent.
    const email = `officer-${randomUUID().slice(0, 8)}@example.org`;
    await page.getByRole('button', { name: 'New account' }).click();
    await expect.poll(() => dialog().count()).toBe(1);
    await dialog().getByLabel('Email').fill(email);
    await dialog().getByLabel('Display name').fill('E2E Consular Officer');
    await dialog().getByLabel('Temporary password').first().fill(`temporary ${randomUUID()}`);
    await choose(page, dialog(), 'Role', 'Consular officer');
    await dialog().getByRole('button', { name: 'Create the account' }).click();
    await expect
      .poll(() => dialog().textContent())
      .toContain('A consular officer needs at least one country.');
    await dialog().getByLabel('Countries this officer acts for').first().fill('Philipp');
    await page.getByRole('option', { name: 'Philippines (PHL)' }).click();
    await dialog().getByRole('heading').first().click(); // closes the list of countries, not the dialog
    await expect.poll(() => page.getByRole('listbox').count()).toBe(0);
    expect(await dialog().count()).toBe(1);
    await expectNoSeriousA11yViolations(page);
    await dialog().getByRole('button', { name: 'Create the account' }).click();
    await expect.poll(notice).toContain('E2E Consular Officer was created');
    await expect.poll(() => dialog().count()).toBe(0);

    // Find them by email.
    await page.getByLabel('Name or email').fill(email);
    await expect.poll(() => page.locator('[data-testid=users-table] tbody tr').count()).toBe(1);
    await expect.poll(() => row(email).textContent()).toContain('Philippines');

    // Change their role: an analyst has no countries.
    await row(email).getByRole('button', { name: 'Edit' }).click();
    await expect.poll(() => dialog().count()).toBe(1);
    await choose(page, dialog(), 'Role', 'Analyst');
    await expect.poll(() => dialog().getByLabel('Countries this officer acts for').count()).toBe(0);
    await dialog().getByRole('button', { name: 'Save the changes' }).click();
    await expect.poll(notice).toContain('was changed');
    await expect.poll(() => row(email).textContent()).toContain('Analyst');
    expect(await row(email).textContent()).not.toContain('Philippines');

    // Reset their password: they must change it at their next sign-in, and the page says so.
    await row(email).getByRole('button', { name: 'Reset password' }).click();
    await expect.poll(() => dialog().count()).toBe(1);
    expect(await dialog().textContent()).toContain('must then choose a new one');
    await dialog().getByLabel('Temporary password').first().fill(`another temporary ${randomUUID()}`);
    await dialog().getByRole('button', { name: 'Reset the password' }).click();
    await expect.poll(notice).toContain('They must change it at their next sign-in.');
    await expect.poll(() => row(email).textContent()).toContain('Must change password');

    // Turn off their two-factor sign-in (a lost phone and lost codes): the dialog says what it does
    // and asks to check who is asking first; the reset is in the audit log under the administrator.
    await row(email).getByRole('button', { name: 'Reset two-factor' }).click();
    await expect.poll(() => dialog().count()).toBe(1);
    expect(await dialog().textContent()).toContain(
      'Check first that you are speaking to E2E Consular Officer',
    );
    await expectNoSeriousA11yViolations(page);
    await shoot(page, 'admin-user-mfa-reset');
    await dialog().getByRole('button', { name: 'Turn off their two-factor sign-in' }).click();
    await expect.poll(notice).toContain('Two-factor sign-in of E2E Consular Officer is off');
    const api = await apiAs('admin');
    const { items: found } = await api<{ items: { id: string }[] }>(`/users?q=${encodeURIComponent(email)}`);
    const { items: resets } = await api<{ items: unknown[] }>(
      `/audit?action=user.mfa_reset&entityId=${found[0].id}`,
    );
    expect(resets).toHaveLength(1);

    // Disable them.
    await row(email).getByRole('button', { name: 'Disable' }).click();
    await expect.poll(() => dialog().count()).toBe(1);
    expect(await dialog().textContent()).toContain('signed out everywhere at once');
    await shoot(page, 'admin-user-disable');
    await dialog().getByRole('button', { name: 'Disable the account' }).click();
    await expect.poll(notice).toContain('was disabled');
    await expect.poll(() => row(email).textContent()).toContain('Disabled');
    await expect.poll(() => row(email).getByRole('button', { name: 'Enable' }).count()).toBe(1);
    expectNoCspViolations(page);
  });

  it('reads the audit log, filters it and verifies its chain', async () => {
    await page.locator('#main-navigation').getByRole('link', { name: 'Audit log', exact: true }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Audit log');
    const actions = () =>
      page
        .locator('[data-testid=audit-table] tbody tr')
        .evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-action')));
    await expect.poll(async () => (await actions()).length).toBeGreaterThan(0);
    await expectNoSeriousA11yViolations(page);
    await shoot(page, 'admin-audit');

    // Registrations of people (the demo's intakes): person.create entries about people only.
    const filters = page.getByRole('form', { name: 'Filter the audit log' });
    await choose(page, filters, 'Kind of record', 'Person');
    await filters.getByLabel('Action').fill('person.create');
    await filters.getByRole('button', { name: 'Show' }).click();
    await expect
      .poll(actions)
      .toSatisfy((list: (string | null)[]) => list.length > 0 && list.every((a) => a === 'person.create'));

    await page.getByRole('button', { name: 'Verify the chain' }).click();
    const verdict = page.getByTestId('chain-valid');
    await expect.poll(() => verdict.count()).toBe(1);
    expect(await verdict.textContent()).toContain('The chain is intact');
    const checked = Number(/([\d,]+) entr/.exec((await verdict.textContent()) ?? '')?.[1].replace(/,/g, ''));
    expect(checked).toBeGreaterThan(0);
    await expectNoSeriousA11yViolations(page);
    await shoot(page, 'admin-audit-verified');
    expectNoCspViolations(page);
  });
});
