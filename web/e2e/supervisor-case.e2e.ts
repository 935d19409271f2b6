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

interface CaseRef {
  id: string;
  caseNumber: string;
  erased: boolean;
}

/** The demo's cases in a status, oldest case numbers first (other specs take the newest). */
async function casesIn(status: string): Promise<CaseRef[]> {
  const login = await fetch(`${baseURL()}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email: DEMO_EMAILS.supervisor, password: DEMO_PASSWORD }),
  });
  const { accessToken } = (await login.json()) as { accessToken: string };
  const response = await fetch(
    `${baseURL()}/api/v1/people?status=${status}&sort=caseNumber&order=asc&limit=10`,
    { headers: { Authorization: `Bearer ${accessToken}` } },
  );
  expect(response.status).toBe(200);
  // An erased record still counts in its status (the figures need it): leave it out.
  const items = ((await response.json()) as { items: CaseRef[] }).items.filter((p) => !p.erased);
  expect(items.length, `demo cases in ${status}`).toBeGreaterThan(1);
  return items;
}

async function openCase(page: Page, ref: CaseRef): Promise<void> {
  await page.goto(`/cases/${ref.id}`);
  await expect
    .poll(() => page.getByRole('heading', { level: 1 }).textContent())
    .toBe(`Case ${ref.caseNumber}`);
}

const statusOf = (page: Page) =>
  page.getByTestId('case-header').locator('[data-status]').getAttribute('data-status');

describe('a supervisor and an administrator on the case page', () => {
  let browser: Browser;
  let page: Page;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(() => browser?.close());

  it('a supervisor closes a case with a reason, then reads its access log with the reads just made', async () => {
    const [, home] = await casesIn('received_home');
    page = await newPage(browser);
    await signIn(page, 'supervisor');
    await openCase(page, home);
    await page.getByRole('button', { name: 'Move to: Closed' }).click();
    const dialog = page.getByRole('dialog');
    const close = dialog.getByRole('button', { name: 'Close the case' });
    expect(await close.isDisabled()).toBe(true);
    await dialog.getByRole('radio', { name: 'Reintegrated at home' }).check();
    expect(await close.isDisabled()).toBe(false);
    await expectNoSeriousA11yViolations(page);
    await shoot(page, 'supervisor-close-dialog');
    await close.click();
    await expect.poll(() => statusOf(page)).toBe('closed');
    const latest = page.getByTestId('history').locator('.mantine-Timeline-item').first();
    await expect.poll(() => latest.textContent()).toContain('Received home → Closed');
    expect(await latest.textContent()).toContain('Reason: Reintegrated at home');
    expect(await latest.textContent()).toContain('Demo Supervisor (Supervisor)');

    // The access log names the supervisor's own reads and the move, newest first.
    const log = page.getByTestId('access-log');
    await expect.poll(() => log.textContent()).toContain('Moved the case');
    const rows = await log.locator('tbody tr').allTextContents();
    expect(
      rows.some((r) => r.includes('Demo Supervisor (Supervisor)') && r.includes('Opened the record')),
    ).toBe(true);
    expect(
      rows.some((r) => r.includes('Demo Supervisor (Supervisor)') && r.includes('Read the history')),
    ).toBe(true);
    expect(rows[0]).toContain('Demo Supervisor (Supervisor)');
    expect(await page.getByRole('button', { name: /Erase/ }).count()).toBe(0);
    await expectNoSeriousA11yViolations(page);
    await shoot(page, 'supervisor-case-closed');
    expectNoCspViolations(page);
  });

  it('an administrator erases a case through the confirmation and sees the erased record', async () => {
    const [, withdrawn] = await casesIn('withdrawn');
    page = await newPage(browser);
    await signIn(page, 'admin');
    await openCase(page, withdrawn);
    const name = await page.getByTestId('case-name').textContent();
    expect(name).not.toBe('Name erased');
    await page.getByRole('button', { name: "Erase this person's personal data…" }).click();
    const dialog = page.getByRole('dialog');
    expect(await dialog.getByTestId('erase-wiped').textContent()).toContain(
      'Date of birth and estimated age',
    );
    expect(await dialog.getByTestId('erase-kept').textContent()).toContain('Nationalities');
    const erase = dialog.getByRole('button', { name: 'Erase for good' });
    expect(await erase.isDisabled()).toBe(true);
    await dialog.getByLabel(/type the case number/).fill(withdrawn.caseNumber);
    expect(await erase.isDisabled()).toBe(false);
    await expectNoSeriousA11yViolations(page);
    await shoot(page, 'admin-erase-dialog');
    await erase.click();

    const notice = page.getByTestId('erased-notice');
    await expect.poll(() => notice.count()).toBe(1);
    expect(await notice.textContent()).toContain('This record has been erased');
    await expect.poll(() => page.getByTestId('case-name').textContent()).toBe('Name erased');
    expect(await page.getByText(name!).count()).toBe(0);
    // What the figures need stays: the status, the nationality, the case number.
    expect(await statusOf(page)).toBe('withdrawn');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(`Case ${withdrawn.caseNumber}`);
    expect(await page.getByTestId('next-steps').count()).toBe(0);
    await expect.poll(() => page.getByTestId('history').textContent()).toContain('Personal details erased');
    await expect.poll(() => page.getByTestId('access-log').textContent()).toContain('Erased the record');
    await expectNoSeriousA11yViolations(page);
    await shoot(page, 'admin-case-erased');
    expectNoCspViolations(page);
  });

  it('a caseworker gets neither the access log nor erasure', async () => {
    const [, screening] = await casesIn('on_hold');
    page = await newPage(browser);
    await signIn(page, 'caseworker');
    await openCase(page, screening);
    await expect.poll(() => page.getByTestId('case-header').count()).toBe(1);
    expect(await page.getByRole('heading', { name: 'Access log' }).count()).toBe(0);
    expect(await page.getByTestId('access-log').count()).toBe(0);
    expect(await page.getByRole('button', { name: /Erase/ }).count()).toBe(0);
    expect(await page.getByRole('heading', { name: 'Next steps' }).count()).toBe(1);
    await expectNoSeriousA11yViolations(page);
    expectNoCspViolations(page);
  });
});
