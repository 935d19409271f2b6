import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  expectNoCspViolations,
  expectNoSeriousA11yViolations,
  launchBrowser,
  newPage,
  shoot,
  signIn,
} from './support/browser';
import { apiAs } from './support/api';

interface PersonJson {
  id: string;
  caseNumber: string;
  status: string;
  allowedTransitions: string[];
  nationalities: { code: string }[];
  consents: { consularNotification: boolean };
}

/** English words of a status, as the catalogue has them (common.status.*). */
const STATUS: Record<string, string> = {
  presumed_victim: 'Presumed victim',
  protection_claim: 'Protection claim',
  withdrawn: 'Withdrawn',
  on_hold: 'On hold',
  not_victim: 'Not a victim',
  closed: 'Closed',
};

describe("a caseworker's case page", () => {
  let browser: Browser;
  let page: Page;
  let person: PersonJson;
  let countryName: string;

  beforeAll(async () => {
    browser = await launchBrowser();
    page = await newPage(browser);
    const get = await apiAs('caseworker');
    // A case in screening, from the oldest case numbers (other specs take the newest).
    const list = await get<{ items: { id: string }[] }>(
      '/people?status=screening&sort=caseNumber&order=asc&limit=3',
    );
    person = await get<PersonJson>(`/people/${list.items[1].id}`);
    const nationalities = await get<{ code: string; alpha2: string | null }[]>('/nationalities');
    const alpha2 = nationalities.find((n) => n.code === person.nationalities[0].code)!.alpha2!;
    countryName = new Intl.DisplayNames(['en'], { type: 'region' }).of(alpha2)!;
  });
  afterAll(() => browser?.close());

  it('opens a demo case and sees only the next steps the API allows', async () => {
    await signIn(page, 'caseworker');
    await page.goto(`/cases/${person.id}`);
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent())
      .toBe(`Case ${person.caseNumber}`);
    const steps = page.getByTestId('next-steps').getByRole('button');
    await expect
      .poll(() => steps.allTextContents())
      .toEqual(person.allowedTransitions.map((s) => `Move to: ${STATUS[s] ?? s}`));
    // A caseworker may not screen a person out or close a case: the API does not offer it, nor does the page.
    expect(person.allowedTransitions).not.toContain('not_victim');
    expect(await page.getByRole('button', { name: 'Move to: Not a victim' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Move to: Closed' }).count()).toBe(0);
    // Supervisor and administrator widgets are not there.
    expect(await page.getByRole('heading', { name: 'Access log' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: /Erase/ }).count()).toBe(0);
    await expectNoSeriousA11yViolations(page);
    await shoot(page, 'case-page');
  });

  it('moves the case one step and sees it in the history', async () => {
    await page.getByRole('button', { name: 'Move to: Presumed victim' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel(/Note/).fill('Screened with an interpreter (e2e)');
    await expectNoSeriousA11yViolations(page);
    await shoot(page, 'case-page-move-dialog');
    await dialog.getByRole('button', { name: 'Move the case' }).click();
    await expect.poll(() => page.getByText('The case is now at: Presumed victim.').count()).toBe(1);
    const header = page.getByTestId('case-header');
    await expect
      .poll(() => header.locator('[data-status]').getAttribute('data-status'))
      .toBe('presumed_victim');
    const latest = page.getByTestId('history').locator('.mantine-Timeline-item').first();
    await expect.poll(() => latest.textContent()).toContain('Screening → Presumed victim');
    expect(await latest.textContent()).toContain('Demo Caseworker (Caseworker)');
    expect(await latest.textContent()).toContain('Note: Screened with an interpreter (e2e)');
    await shoot(page, 'case-page-moved');
  });

  it('grants consent to tell the embassy and reads who will see the case', async () => {
    const consent = page.getByTestId('consent-consular_notification');
    const toggle = consent.getByRole('switch');
    if (person.consents.consularNotification) {
      await toggle.click();
      await expect.poll(() => toggle.isChecked()).toBe(false);
    }
    expect(await consent.textContent()).toContain('Not given. If given:');
    await toggle.click();
    await expect.poll(() => toggle.isChecked()).toBe(true);
    await expect
      .poll(() => consent.textContent())
      .toContain(`The embassy of ${countryName} will be told about this case`);
    const history = page.getByTestId('consent-history');
    await expect
      .poll(() => history.locator('li').first().textContent())
      .toContain('Tell their embassy: given on');
    expect(await history.locator('li').first().textContent()).toContain('Demo Caseworker');
    await expectNoSeriousA11yViolations(page);
    await shoot(page, 'case-page-consent');
    expectNoCspViolations(page);
  });

  it('corrects the details, takes the case, and sees the fields named in the history', async () => {
    await page.getByRole('button', { name: 'Edit details' }).click();
    const form = page.getByTestId('edit-details');
    await form.getByLabel('Place of rescue').fill('Shwe Kokko checkpoint (e2e)');
    await form.getByRole('checkbox', { name: 'Injured' }).check();
    const assignee = form.locator('input').and(page.getByLabel(/^Assigned caseworker$/));
    await assignee.click();
    await page.getByRole('option', { name: 'Demo Caseworker' }).click();
    await expectNoSeriousA11yViolations(page);
    await shoot(page, 'case-page-edit-details');
    await form.getByRole('button', { name: 'Save the changes' }).click();

    await expect.poll(() => page.getByText('The changes are saved.').count()).toBe(1);
    const details = page.getByTestId('details');
    expect(await details.textContent()).toContain('Shwe Kokko checkpoint (e2e)');
    expect(await details.textContent()).toContain('Injured');
    await expect.poll(() => page.getByTestId('case-header').textContent()).toContain('Demo Caseworker');
    const latest = page.getByTestId('history').locator('.mantine-Timeline-item').first();
    await expect.poll(() => latest.textContent()).toContain('Details changed:');
    for (const field of ['rescue place', 'vulnerabilities', 'assigned caseworker']) {
      expect(await latest.textContent()).toContain(field);
    }
    // What the API now holds: exactly what was typed, and the case is the caseworker's.
    const get = await apiAs('caseworker');
    const me = await get<{ id: string }>('/auth/me');
    const saved = await get<{ rescuePlace: string; vulnerabilities: string[]; assignedCaseworkerId: string }>(
      `/people/${person.id}`,
    );
    expect(saved).toMatchObject({
      rescuePlace: 'Shwe Kokko checkpoint (e2e)',
      vulnerabilities: expect.arrayContaining(['injured']),
      assignedCaseworkerId: me.id,
    });
    await shoot(page, 'case-page-details-saved');
    expectNoCspViolations(page);
  });
});
