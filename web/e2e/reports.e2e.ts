import { readFileSync } from 'node:fs';
import type { Locator, Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  expectNoCspViolations,
  expectNoSeriousA11yViolations,
  shoot,
  signIn,
  browserSession,
} from './support/browser';

/**
 * The reports as their readers use them, on the demo data. The range covers the demo's departures of
 * 2023 and 2024. The 273 Laukkaing departures of 2023-11-19 (Thai, Filipino, Singaporean) may or may
 * not be recorded when this runs (another spec can record them through the handover builder), so no
 * assertion rests on them: only on nationalities they do not touch (Kenya: 2 departures, India: 8,
 * Indonesia: 14, all in December 2024) and on relations that hold either way (table = CSV, margins =
 * sums of their published cells).
 */
const RANGE = 'from=2023-01-01&to=2024-12-31';

/** Types the range into the page's date fields, and waits for the figures of that range to arrive. */
async function chooseRange(page: Page, report: string): Promise<void> {
  const answered = page.waitForResponse(
    (r) => r.url().includes(`/api/v1/reports/${report}?`) && r.url().includes(RANGE) && r.ok(),
  );
  await page.getByLabel('From').fill('2023-01-01');
  await page.getByLabel('To', { exact: true }).fill('2024-12-31');
  await answered;
}

/** The figure cells of a table's line, as their text. */
async function figuresOf(line: Locator): Promise<string[]> {
  return line.locator('td').allTextContents();
}

/** `{ key: figure }` of a one-way table as shown (keys as the API gives them), the total included. */
async function oneWayFigures(page: Page): Promise<Map<string, string>> {
  const lines = page.getByTestId('one-way-table').locator('tbody tr[data-key], tfoot tr[data-key]');
  const out = new Map<string, string>();
  for (const line of await lines.all()) {
    out.set((await line.getAttribute('data-key'))!, (await line.locator('td').textContent())!.trim());
  }
  return out;
}

describe('reports', () => {
  const session = browserSession();
  let page: Page;
  beforeEach(() => {
    page = session.page;
  });

  it('a donor reads departures by nationality, sees hidden figures as hidden, and downloads the same figures', async () => {
    await signIn(page, 'donor');
    await page.goto(`/reports?${RANGE}&groupBy=nationality`);
    const table = page.getByTestId('one-way-table');
    await table.waitFor();
    expect(await page.getByLabel('From').inputValue()).toBe('2023-01-01');
    expect(await page.getByLabel('To', { exact: true }).inputValue()).toBe('2024-12-31');

    // Kenya's 2 departures are under the donor's k = 11: hidden, with no number at all.
    const kenya = table.locator('tbody tr', { has: page.getByRole('rowheader', { name: 'Kenya' }) });
    expect(await figuresOf(kenya)).toEqual(['hidden']);
    expect(await kenya.getAttribute('data-key')).toBe('KEN');
    const hidden = table.locator('[data-hidden-figure]');
    expect(await hidden.count()).toBeGreaterThan(0);
    for (const text of await hidden.allTextContents()) expect(text).not.toMatch(/\d/);
    const note = await page.getByTestId('disclosure-note').textContent();
    expect(note).toContain('protect people whose small numbers could identify them');
    expect(note).toContain('no count under 11');
    // The chart draws no bar for a hidden figure: it names them instead.
    expect(await page.getByTestId('chart-hidden-list').textContent()).toContain('Kenya');
    await expectNoSeriousA11yViolations(page);
    await shoot(page, 'reports-donor-by-nationality');
    // The case-data export is for administrators and supervisors only: no tab for a donor.
    expect(await page.getByRole('tab', { name: 'Case data export' }).count()).toBe(0);

    const shown = await oneWayFigures(page);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download these figures (CSV)' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(
      'safe-return-repatriations-by-nationality_2023-01-01_2024-12-31.csv',
    );
    const csv = readFileSync((await download.path())!, 'utf8')
      .trim()
      .split('\n');
    expect(csv[0]).toBe('key,label,count');
    // Line for line the table on screen: same rows, same figures, the same ones hidden.
    const fromFile = new Map(
      csv.slice(1).map((line) => {
        const [key, , count] = line.split(',');
        return [key, count === 'suppressed' ? 'hidden' : count];
      }),
    );
    const onScreen = new Map(
      [...shown].map(([key, figure]) => [key, figure.replace(/,/g, '')] as [string, string]),
    );
    expect([...fromFile.keys()]).toEqual([...onScreen.keys()]);
    expect(fromFile).toEqual(onScreen);
    expect(fromFile.get('KEN')).toBe('hidden');
    expectNoCspViolations(page);
  });

  it('an analyst reads the nationality × month cross-tab with both margins', async () => {
    await signIn(page, 'analyst');
    await page.getByRole('tab', { name: 'Two-way table' }).click();
    await page.getByTestId('crosstab-table').waitFor();
    await chooseRange(page, 'repatriations/crosstab');
    await expect.poll(() => new URL(page.url()).search).toContain('report=crosstab');
    await expect.poll(() => new URL(page.url()).search).toContain('to=2024-12-31');
    const table = page.getByTestId('crosstab-table');
    await expect.poll(() => table.locator('tbody tr[data-key="KEN"] td').count()).toBeGreaterThan(0);

    const header = await table.locator('thead th').allTextContents();
    expect(header[0]).toBe('Nationality / Month');
    expect(header).toContain('Dec 2024');
    expect(header.at(-1)).toBe('Total');
    const december = header.indexOf('Dec 2024') - 1;
    const line = (code: string) => table.locator(`tbody tr[data-key="${code}"]`);
    expect(await line('KEN').locator('th').textContent()).toBe('Kenya');
    // Kenya (2) is under the analyst's k = 5; Indonesia's 14 is shown.
    expect((await figuresOf(line('KEN')))[december]).toBe('hidden');
    expect((await figuresOf(line('IDN')))[december]).toBe('14');
    // Each published row margin is the sum of its cells when all of them are published.
    let checked = 0;
    for (const row of await table.locator('tbody tr').all()) {
      const figures = await figuresOf(row);
      if (figures.some((f) => f === 'hidden')) continue;
      const cells = figures.slice(0, -1).map((f) => Number(f.replace(/,/g, '')));
      expect(Number(figures.at(-1)!.replace(/,/g, ''))).toBe(cells.reduce((a, b) => a + b, 0));
      checked++;
    }
    expect(checked).toBeGreaterThan(0);
    expect(await table.locator('tfoot th').textContent()).toBe('Total');
    expect(await page.getByTestId('disclosure-note').textContent()).toContain('no count under 5');
    await expectNoSeriousA11yViolations(page);
    await shoot(page, 'reports-analyst-crosstab');
    expectNoCspViolations(page);
  });

  it('an administrator reads exact figures: nothing hidden', async () => {
    await signIn(page, 'admin');
    await page.locator('#main-navigation').getByRole('link', { name: 'Reports', exact: true }).click();
    await chooseRange(page, 'repatriations');
    await expect.poll(() => new URL(page.url()).search).toContain('to=2024-12-31');
    const table = page.getByTestId('one-way-table');
    await expect.poll(async () => (await oneWayFigures(page)).get('KEN')).toBe('2');
    const shown = await oneWayFigures(page);
    expect(shown.get('IND')).toBe('8');
    expect(shown.get('IDN')).toBe('14');
    expect(await table.locator('[data-hidden-figure]').count()).toBe(0);
    expect(await page.getByTestId('disclosure-note').textContent()).toContain('exact figures');
    expect(await page.getByTestId('chart-hidden-list').textContent()).toBe(
      'Every figure of the table below is drawn.',
    );
    await expectNoSeriousA11yViolations(page);
    await shoot(page, 'reports-admin-exact');

    // The other two reports, as the administrator reads them.
    await page.getByRole('tab', { name: 'Timeliness' }).click();
    const timeliness = page.getByTestId('timeliness-table');
    await timeliness.waitFor();
    const rescueToDeparture = timeliness.locator('tbody tr', {
      has: page.getByRole('rowheader', { name: 'Rescue to departure' }),
    });
    expect((await figuresOf(rescueToDeparture))[0]).toMatch(/^[\d.]+ (days|hours)$/);
    await expectNoSeriousA11yViolations(page);
    await shoot(page, 'reports-admin-timeliness');

    await page.getByRole('tab', { name: 'Open cases' }).click();
    await page.getByTestId('one-way-table').waitFor();
    expect(await page.getByRole('rowheader', { name: 'Screening' }).count()).toBe(1);
    await expectNoSeriousA11yViolations(page);
    await shoot(page, 'reports-admin-caseload');

    // The case-data export: the demo's cases were all registered this year (by the seed).
    await page.getByRole('tab', { name: 'Case data export' }).click();
    const today = new Date().toISOString().slice(0, 10);
    const year = today.slice(0, 4);
    await page.getByLabel('From').fill(`${year}-01-01`);
    await page.getByLabel('To', { exact: true }).fill(today);
    await expectNoSeriousA11yViolations(page);
    await shoot(page, 'reports-admin-htcds');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download the case data (CSV)' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`safe-return-htcds_${year}-01-01_${today}.csv`);
    const file = readFileSync((await download.path())!, 'utf8');
    const lines = file.trim().split('\n');
    expect(lines[0]).toContain('prs_Citizenship');
    const dropped = Number(lines.at(-1)!.replace('# dropped,', ''));
    const cases = lines.length - 2;
    expect(cases + dropped).toBeGreaterThanOrEqual(513);
    // What the page says is what the file holds, and the file names nobody.
    await expect
      .poll(() => page.getByTestId('htcds-result').textContent())
      .toContain(`Downloaded: ${cases.toLocaleString('en')} cases. ${dropped.toLocaleString('en')} more`);
    for (const name of ['Somchai', 'Suksawat', 'Analyn']) expect(file).not.toContain(name);
    expectNoCspViolations(page);
  });
});
