import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  baseURL,
  browserSession,
  expectNoCspViolations,
  expectNoSeriousA11yViolations,
  shoot,
  signIn,
} from './support/browser';
import { apiAs } from './support/api';

interface CompoundJson {
  id: string;
  name: string;
  aliases: string[];
  countryCode: string;
  town: string | null;
  region: string | null;
  controlledBy: string | null;
  latitude: number | null;
  longitude: number | null;
  status: string;
  version: number;
}

/** Letters only (names refuse digits in places): each run's compounds are its own. */
const tag = Date.now()
  .toString()
  .replace(/\d/g, (d) => 'abcdefghij'[Number(d)]);

/** A field by its whole label (a required one ends in " *"); Mantine's option list shares it, hence first. */
function field(scope: Locator | Page, label: string): Locator {
  return scope.getByLabel(new RegExp(`^${label}( \\*)?$`)).first();
}

/** Picks an option of a Mantine Select by typing part of it (the options open in a portal). */
async function choose(page: Page, scope: Locator, label: string, typed: string, option: string | RegExp) {
  if (typed) await field(scope, label).fill(typed);
  else await field(scope, label).click();
  await page.getByRole('option', { name: option }).first().click();
}

async function addAlias(dialog: Locator, alias: string) {
  const input = field(dialog, 'Other names');
  await input.fill(alias);
  await input.press('Enter');
}

describe('the register of compounds', () => {
  const session = browserSession();
  const dialog = () => session.page.getByRole('dialog');
  const notice = () => session.page.getByRole('status').first().textContent();
  const row = (name: string) => session.page.locator(`[data-testid=compound-row][data-name="${name}"]`);

  it('a caseworker registers a compound with two aliases, finds it by an alias with a typo; a supervisor marks it raided', async () => {
    const page = session.page;
    const name = `Golden Fortune Park ${tag}`;
    const aliases = [`Jin Fu Yuan ${tag}`, `Kim Fook Zone ${tag}`];
    await signIn(page, 'caseworker');
    await page.locator('#main-navigation').getByRole('link', { name: 'Compounds', exact: true }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Compounds');
    await expect.poll(() => page.getByTestId('compound-row').count()).toBeGreaterThan(0);
    await expectNoSeriousA11yViolations(page);
    await shoot(page, 'compounds');

    await page.getByRole('button', { name: 'Register a compound' }).click();
    await expect.poll(() => dialog().count()).toBe(1);
    await field(dialog(), 'Name').fill(name);
    for (const alias of aliases) await addAlias(dialog(), alias);
    await choose(page, dialog(), 'Country', 'Myanm', /\(MMR\)$/);
    await choose(page, dialog(), 'Status', '', 'Active');
    await field(dialog(), 'Region').fill('Kayin State');
    await field(dialog(), 'Town').fill('Myawaddy');
    await field(dialog(), 'Controlled by').fill('Border Guard Force');
    // A latitude out of range is caught before anything is sent.
    await field(dialog(), 'Latitude').fill('116.7');
    await field(dialog(), 'Longitude').fill('98.5');
    await dialog().getByRole('button', { name: 'Register the compound' }).click();
    await expect.poll(() => dialog().textContent()).toContain('A latitude lies between −90 and 90.');
    await expectNoSeriousA11yViolations(page);
    await shoot(page, 'compounds-register');
    await field(dialog(), 'Latitude').fill('16,7');
    await dialog().getByRole('button', { name: 'Register the compound' }).click();
    await expect.poll(notice).toBe(`${name} was registered.`);
    await expect.poll(() => dialog().count()).toBe(0);

    const caseworker = await apiAs('caseworker');
    const [saved] = (
      await caseworker<{ items: CompoundJson[] }>(`/compounds?q=${encodeURIComponent(name)}&limit=5`)
    ).items.filter((c) => c.name === name);
    expect(saved).toMatchObject({
      aliases,
      countryCode: 'MMR',
      region: 'Kayin State',
      town: 'Myawaddy',
      controlledBy: 'Border Guard Force',
      latitude: 16.7,
      longitude: 98.5,
      status: 'active',
      version: 1,
    });

    // Found by its second alias, misspelt.
    await page.getByLabel('Name or other name').fill(`Kim Fok Zone ${tag}`);
    await expect.poll(() => page.getByTestId('compound-row').first().getAttribute('data-name')).toBe(name);
    expect(await row(name).getByTestId('compound-aliases').textContent()).toBe(
      `Also known as: ${aliases.join(', ')}`,
    );
    expect(new URL(page.url()).searchParams.get('q')).toBe(`Kim Fok Zone ${tag}`);
    expectNoCspViolations(page);

    // A supervisor marks it raided, while a colleague corrects its town meanwhile.
    const supervisorPage = await page.context().browser()!.newContext({ baseURL: baseURL() });
    const sup = await supervisorPage.newPage();
    await signIn(sup, 'supervisor');
    await sup.goto(`/compounds?q=${encodeURIComponent(name)}`);
    const supRow = sup.locator(`[data-testid=compound-row][data-name="${name}"]`);
    await supRow.getByRole('button', { name: `Edit ${name}` }).click();
    const supDialog = sup.getByRole('dialog');
    await expect.poll(() => field(supDialog, 'Town').inputValue()).toBe('Myawaddy');
    await choose(sup, supDialog, 'Status', '', 'Raided');
    await caseworker(`/compounds/${saved.id}`, {
      method: 'PATCH',
      ifMatch: '"1"',
      body: { town: 'Shwe Kokko' },
    });
    await supDialog.getByRole('button', { name: 'Save the changes' }).click();
    await expect.poll(() => supDialog.getByTestId('compound-rebased').count()).toBe(1);
    expect(await field(supDialog, 'Town').inputValue()).toBe('Shwe Kokko');
    expect(await field(supDialog, 'Status').inputValue()).toBe('Raided');
    await supDialog.getByRole('button', { name: 'Save the changes' }).click();
    await expect.poll(() => sup.getByRole('status').first().textContent()).toBe(`${name} was saved.`);
    await expect.poll(() => supRow.textContent()).toContain('Raided');
    expect(await caseworker<CompoundJson>(`/compounds/${saved.id}`)).toMatchObject({
      town: 'Shwe Kokko',
      status: 'raided',
      version: 3,
    });
    await supervisorPage.close();
  });

  it('a caseworker registers a compound from the intake form and finds it selected, with what was typed kept', async () => {
    const page = session.page;
    const name = `Lucky Dragon Compound ${tag}`;
    await signIn(page, 'caseworker');
    await page.goto('/cases/new');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('New intake');
    await page.getByLabel('Given name').fill('Somsri');
    await page.getByLabel('Family name').fill(`Intakecompound ${tag}`);
    await page.getByLabel('Place of rescue').fill('Checkpoint near the river');

    const picker = field(page, 'Compound where they were held');
    await picker.fill(name);
    await expect.poll(() => page.getByText('Nothing matches').count()).toBe(1);
    await page.getByRole('button', { name: 'Register the compound' }).click();
    await expect.poll(() => dialog().count()).toBe(1);
    expect(await field(dialog(), 'Name').inputValue()).toBe(name);
    await choose(page, dialog(), 'Country', 'Camb', /\(KHM\)$/);
    await choose(page, dialog(), 'Status', '', 'Active');
    await field(dialog(), 'Town').fill('Sihanoukville');
    await expectNoSeriousA11yViolations(page);
    await shoot(page, 'compounds-intake-register');
    await dialog().getByRole('button', { name: 'Register the compound' }).click();
    await expect.poll(() => dialog().count()).toBe(0);

    // Selected in the intake, and nothing typed before is lost.
    await expect.poll(() => picker.inputValue()).toBe(`${name} · Sihanoukville · Cambodia`);
    expect(await page.getByLabel('Given name').inputValue()).toBe('Somsri');
    expect(await page.getByLabel('Family name').inputValue()).toBe(`Intakecompound ${tag}`);
    expect(await page.getByLabel('Place of rescue').inputValue()).toBe('Checkpoint near the river');
    expect(new URL(page.url()).pathname).toBe('/cases/new');

    const [saved] = (
      await (
        await apiAs('caseworker')
      )<{ items: CompoundJson[] }>(`/compounds?q=${encodeURIComponent(name)}&limit=5`)
    ).items.filter((c) => c.name === name);
    expect(saved).toMatchObject({ countryCode: 'KHM', town: 'Sihanoukville', status: 'active' });
    expectNoCspViolations(page);
  });
});
