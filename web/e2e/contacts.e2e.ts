import type { Browser, Locator, Page } from 'playwright-core';
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

interface ContactJson {
  id: string;
  countryCode: string;
  mission: string;
  name: string;
  phone: string | null;
  email: string | null;
  languages: string[];
  accreditedFrom: string | null;
  active: boolean;
}

/** A Mantine Select's or MultiSelect's own input (its option list is labelled alike). */
function inputOf(page: Page, scope: Locator, label: string): Locator {
  return scope.locator('input').and(page.getByLabel(new RegExp(`^${label}`)));
}

/** The options of that input's own list, open (the lists of other pickers stay in the page, hidden). */
async function optionsOf(page: Page, input: Locator): Promise<Locator> {
  await expect.poll(() => input.getAttribute('aria-controls')).toBeTruthy();
  return page.locator(`[id="${await input.getAttribute('aria-controls')}"] [role=option]`);
}

/** Picks an option of a Mantine Select by typing part of its label (the options open in a portal). */
async function choose(page: Page, input: Locator, typed: string, option: string) {
  await input.click();
  if (typed) await input.fill(typed);
  await (await optionsOf(page, input)).getByText(option, { exact: true }).click();
}

/**
 * A supervisor keeps the embassy contacts; a caseworker recording that the Philippine embassy was
 * told is offered the contact added, and no longer once it is marked inactive. Every step waits for
 * what the page shows (expect.poll), never for a time. The contact is the spec's own (unique name):
 * the demo's contacts, which other specs use, are left as they are.
 */
describe('embassy contacts', () => {
  let browser: Browser;
  let supervisor: Page;
  let caseworker: Page;
  let personId: string;
  const stamp = Date.now();
  const name = `E2E Consul ${stamp}`;
  const mission = `Embassy of the Philippines, Bangkok (e2e ${stamp})`;

  beforeAll(async () => {
    browser = await launchBrowser();
    supervisor = await newPage(browser);
    caseworker = await newPage(browser);
    const get = await apiAs('caseworker');
    const list = await get<{ items: { id: string }[] }>('/people?nationality=PHL&limit=5');
    const people = await Promise.all(
      list.items.map((p) =>
        get<{ id: string; erased: boolean; nationalities: { code: string }[] }>(`/people/${p.id}`),
      ),
    );
    // The form offers the contacts of the person's first nationality first.
    personId = people.find((p) => !p.erased && p.nationalities[0].code === 'PHL')!.id;
  });
  afterAll(() => browser?.close());

  const dialog = () => supervisor.getByRole('dialog');
  const notice = () => supervisor.getByRole('status').first().textContent();
  const row = () => supervisor.locator('[data-contact]').filter({ hasText: name });
  const stored = async () => {
    const get = await apiAs('supervisor');
    const page = await get<{ items: ContactJson[] }>('/consular/contacts?countryCode=PHL&limit=200');
    return page.items.find((c) => c.name === name);
  };

  /**
   * The contacts the case page's "Record that an embassy was told" form offers for the Philippines.
   * `open` goes to the case page (the caller may have got there inside the app already).
   */
  async function offered(page: Page, open = true): Promise<string[]> {
    if (open) await page.goto(`/cases/${personId}`);
    await page.getByRole('button', { name: 'Record that an embassy was told' }).click();
    const contact = inputOf(page, page.locator('#notify-embassy'), 'Contact$');
    await contact.click();
    const options = await optionsOf(page, contact);
    await expect.poll(() => options.count()).toBeGreaterThan(0);
    const names = await options.allTextContents();
    await page.keyboard.press('Escape');
    return names;
  }

  it('a supervisor adds a contact for the Philippine embassy', async () => {
    await signIn(supervisor, 'supervisor');
    await supervisor
      .locator('#main-navigation')
      .getByRole('link', { name: 'Embassy contacts', exact: true })
      .click();
    await expect
      .poll(() => supervisor.getByRole('heading', { level: 1 }).textContent())
      .toBe('Embassy contacts');
    await expect.poll(() => supervisor.locator('[data-country=PHL]').count()).toBe(1);
    await expectNoSeriousA11yViolations(supervisor);
    await shoot(supervisor, 'contacts');

    await supervisor.getByRole('button', { name: 'Add a contact' }).click();
    await expect.poll(() => dialog().count()).toBe(1);
    // Nothing is sent before the required fields are there.
    await dialog().getByRole('button', { name: 'Add the contact' }).click();
    await expect.poll(() => dialog().textContent()).toContain('Choose the country the mission represents.');
    await choose(supervisor, inputOf(supervisor, dialog(), 'Country represented'), 'Philipp', 'Philippines');
    await dialog().getByLabel('Mission').fill(mission);
    await dialog().getByLabel('City').fill('Bangkok');
    await dialog().getByLabel("Officer's name").fill(name);
    await dialog().getByLabel('Title').fill('Consul');
    await dialog().getByLabel('Phone').fill('call us');
    await dialog().getByLabel('Email').fill(`consul.${stamp}@example.org`);
    await choose(supervisor, inputOf(supervisor, dialog(), 'Languages'), 'Filip', 'Filipino (fil)');
    // A MultiSelect's list stays open for more: closed by a click outside it, not Escape (the dialog's own).
    await dialog().getByRole('heading').first().click();
    await choose(supervisor, inputOf(supervisor, dialog(), 'Accredited from'), 'Thai', 'Thailand');
    await dialog().getByRole('button', { name: 'Add the contact' }).click();
    await expect.poll(() => dialog().textContent()).toContain('Enter a phone number');
    await dialog().getByLabel('Phone').fill('+66 2 259 0139 ext. 12');
    await expectNoSeriousA11yViolations(supervisor);
    await shoot(supervisor, 'contacts-add');
    await dialog().getByRole('button', { name: 'Add the contact' }).click();
    await expect.poll(notice).toContain(`${name} (${mission}) was added.`);
    await expect.poll(() => dialog().count()).toBe(0);
    await expect.poll(() => row().textContent()).toContain('Filipino');
    expect(await row().textContent()).toContain('Covers this country from Thailand');
    expect(await row().getByRole('link', { name: '+66 2 259 0139 ext. 12' }).getAttribute('href')).toBe(
      'tel:+6622590139;ext=12',
    );

    // What the API holds is what was typed.
    expect(await stored()).toMatchObject({
      countryCode: 'PHL',
      mission,
      name,
      phone: '+66 2 259 0139 ext. 12',
      email: `consul.${stamp}@example.org`,
      languages: ['fil'],
      accreditedFrom: 'THA',
      active: true,
    });
    expectNoCspViolations(supervisor);
  });

  it('a caseworker is offered that contact when recording that the embassy was told', async () => {
    await signIn(caseworker, 'caseworker');
    await expect.poll(() => offered(caseworker)).toContain(`${name} — ${mission}`);
    await expectNoSeriousA11yViolations(caseworker);
    expectNoCspViolations(caseworker);
  });

  it('the supervisor marks the contact no longer active, and it is offered no more', async () => {
    // The supervisor's own case page first, so its list of contacts is in the app's cache...
    expect(await offered(supervisor)).toContain(`${name} — ${mission}`);
    // ...then to the contacts page and back inside the app: the change must reach that cached list.
    await supervisor
      .locator('#main-navigation')
      .getByRole('link', { name: 'Embassy contacts', exact: true })
      .click();
    await row()
      .getByRole('button', { name: `Mark as no longer active: ${name}` })
      .click();
    await expect.poll(() => dialog().textContent()).toContain('will no longer be offered');
    await expectNoSeriousA11yViolations(supervisor);
    await shoot(supervisor, 'contacts-deactivate');
    await dialog().getByRole('button', { name: 'Mark as no longer active' }).click();
    await expect.poll(notice).toContain(`${name} is marked as no longer active.`);
    await expect.poll(() => row().count()).toBe(0);
    expect((await stored())?.active).toBe(false);

    // Still on record: shown among the inactive, where it can be made active again.
    await choose(supervisor, inputOf(supervisor, supervisor.locator('main'), 'Show'), '', 'No longer active');
    await expect.poll(() => row().textContent()).toContain('No longer active');
    expect(
      await row()
        .getByRole('button', { name: `Active again: ${name}` })
        .count(),
    ).toBe(1);
    await expectNoSeriousA11yViolations(supervisor);
    await shoot(supervisor, 'contacts-inactive');

    await supervisor.goBack();
    await expect.poll(() => supervisor.getByRole('heading', { level: 1 }).textContent()).toContain('Case');
    const inApp = await offered(supervisor, false);
    expect(inApp).not.toContain(`${name} — ${mission}`);
    expect(inApp).toContain('Demo Consul PHL — Embassy of the Philippines, Yangon (demo)');
    expect(await offered(caseworker)).not.toContain(`${name} — ${mission}`);
    expectNoCspViolations(supervisor);
    expectNoCspViolations(caseworker);
  });
});
