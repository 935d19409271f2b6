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
  PHONE,
  shoot,
  signIn,
} from './support/browser';

/**
 * The "Done means" for intake: a caseworker on a phone registers a family of three found in a
 * raid. One of them is already in the demo data as "Analyn Reyes" (src/cli/demo-data.ts, the only
 * one of that name); told as "Analin Reyes", the form shows her before a duplicate is made, and the
 * caseworker opens her case instead. The other two are registered and land on their case pages.
 */

interface PersonSummary {
  id: string;
  caseNumber: string;
  givenName: string | null;
  familyName: string | null;
  nameNative?: string | null;
  consents?: Record<string, boolean>;
  nationalities?: { code: string }[];
}

/** The API itself, as a second caseworker would see it: to check what the page says against the data. */
async function apiAs(): Promise<(path: string) => Promise<unknown>> {
  const login = await fetch(`${baseURL()}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email: DEMO_EMAILS.supervisor, password: DEMO_PASSWORD }),
  });
  const { accessToken } = (await login.json()) as { accessToken: string };
  return async (path) => {
    const response = await fetch(`${baseURL()}/api/v1${path}`, {
      headers: { Authorization: `Bearer ${accessToken}` },
    });
    expect(response.status, path).toBe(200);
    return response.json();
  };
}

async function findPeople(get: (path: string) => Promise<unknown>, q: string): Promise<PersonSummary[]> {
  return ((await get(`/people?q=${encodeURIComponent(q)}&limit=200`)) as { items: PersonSummary[] }).items;
}

async function openIntake(page: Page): Promise<void> {
  // On a phone the menu is behind the burger, as the caseworker would find it.
  await page.getByRole('button', { name: 'Open the navigation' }).click();
  await page.locator('#main-navigation').getByRole('link', { name: 'New intake', exact: true }).click();
  await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('New intake');
}

async function chooseNationality(page: Page, typed: string, option: string): Promise<void> {
  await page.getByPlaceholder('Choose one or more').fill(typed);
  await page.getByRole('option', { name: option, exact: true }).click();
  // The list stays open for a second nationality; one is enough here.
  await page.keyboard.press('Escape');
}

describe('intake on a phone: a family of three found in a raid', () => {
  let browser: Browser;
  let page: Page;
  beforeAll(async () => {
    browser = await launchBrowser();
    page = await newPage(browser);
  });
  afterAll(() => browser?.close());

  it(
    'shows the one already registered under another spelling, and registers the other two',
    { timeout: 400_000 },
    async () => {
      const get = await apiAs();
      const [existing] = (await findPeople(get, 'Analyn Reyes')).filter(
        (p) => p.givenName === 'Analyn' && p.familyName === 'Reyes',
      );
      expect(existing, 'the demo data holds Analyn Reyes').toBeDefined();

      await page.setViewportSize(PHONE);
      await signIn(page, 'caseworker');
      await openIntake(page);
      await expectNoSeriousA11yViolations(page);
      await shoot(page, 'intake-empty');
      await page.setViewportSize(PHONE);

      // The mother, told as "Analin Reyes": the form finds Analyn Reyes before anything is written.
      await page.getByLabel('Given name').fill('Analin');
      await page.getByLabel('Family name').fill('Reyes');
      await chooseNationality(page, 'Philip', 'Philippines');
      const card = page.getByTestId('duplicate-candidate').filter({ hasText: existing.caseNumber });
      await expect.poll(() => card.count()).toBe(1);
      // The nationality, chosen last, is asked too once typed: its reason joins the name's.
      await expect.poll(() => card.textContent()).toContain('Same nationality');
      expect(await card.textContent()).toContain('Analyn Reyes');
      expect(await card.textContent()).toContain('Similar name, spelled another way');
      const register = page.getByRole('button', { name: 'Register this person' });
      expect(await register.isDisabled()).toBe(true);
      await expectNoSeriousA11yViolations(page);
      await shoot(page, 'intake-candidates');
      await page.setViewportSize(PHONE);

      // She is the same woman: the caseworker opens her case rather than make a second one.
      await card.getByRole('link', { name: `Open case ${existing.caseNumber} instead` }).click();
      await page.waitForURL(`**/cases/${existing.id}`);
      expect(await findPeople(get, 'Analin')).toEqual(
        expect.not.arrayContaining([expect.objectContaining({ givenName: 'Analin' })]),
      );

      // The father and the daughter are new: registered, each landing on their case page.
      const family = [
        { given: 'Ramon', sex: 'Male', minor: false },
        { given: 'Joy', sex: 'Female', minor: true },
      ];
      // Counted before and after: a rerun against the same app meets earlier runs' people.
      const namesakes = async (given: string) =>
        (await findPeople(get, `${given} Reyes`)).filter(
          (p) => p.givenName === given && p.familyName === 'Reyes',
        ).length;
      const before = { Ramon: await namesakes('Ramon'), Joy: await namesakes('Joy') };
      for (const member of family) {
        await page.goto('/cases/new');
        await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('New intake');
        await page.getByLabel('Given name').fill(member.given);
        await page.getByLabel('Family name').fill('Reyes');
        await page.getByRole('radio', { name: member.sex, exact: true }).check();
        await chooseNationality(page, 'Philip', 'Philippines');
        if (member.minor) {
          await page.getByText('Estimated age', { exact: true }).click();
          await page.getByLabel('Estimated age (years)').fill('9');
          await page.getByRole('checkbox', { name: 'Under 18' }).check();
        }
        await page.getByLabel('Place of rescue').fill('Laukkaing raid (demo)');
        await page.getByTestId('consent-services').check();
        await page.getByTestId('consent-consularNotification').check();
        expect(await page.getByText(/The embassy of Philippines will be told/).count()).toBe(1);

        // Others named Reyes exist: the caseworker looks, then says none of them is this person.
        const status = page.getByTestId('duplicates-status');
        await expect.poll(() => status.textContent()).not.toMatch(/Looking|Type a name/);
        if ((await page.getByTestId('duplicate-candidate').count()) > 0) {
          expect(await register.isDisabled()).toBe(true);
          await page.getByRole('checkbox', { name: /None of these is this person/ }).check();
        }
        if (member.given === 'Ramon') {
          await expectNoSeriousA11yViolations(page);
          await shoot(page, 'intake-acknowledged');
          await page.setViewportSize(PHONE);
        }
        await register.click();
        await page.waitForURL(/\/cases\/[0-9a-f-]{36}$/);
        const id = new URL(page.url()).pathname.split('/').pop()!;
        const person = (await get(`/people/${id}`)) as PersonSummary;
        expect(person).toMatchObject({
          givenName: member.given,
          familyName: 'Reyes',
          nationalities: [expect.objectContaining({ code: 'PHL' })],
          consents: { services: true, consularNotification: true, shareWithPartners: false, research: false },
        });
      }
      // Exactly one record each: no double registration on the phone.
      expect({ Ramon: await namesakes('Ramon'), Joy: await namesakes('Joy') }).toEqual({
        Ramon: before.Ramon + 1,
        Joy: before.Joy + 1,
      });
      expectNoCspViolations(page);
    },
  );
});
