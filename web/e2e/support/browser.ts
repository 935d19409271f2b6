import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, expect, inject } from 'vitest';
import { RESULTS } from './paths';

/** Debian's Chromium (installed by .ci/run with apt when missing); nothing is downloaded. */
const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
];

export const DESKTOP = { width: 1280, height: 800 };
export const PHONE = { width: 360, height: 780 };
export const DEMO_PASSWORD = 'demo-password-2026';
export const DEMO_EMAILS = {
  admin: 'admin@demo.safe-return.org',
  supervisor: 'supervisor@demo.safe-return.org',
  caseworker: 'caseworker@demo.safe-return.org',
  consular: 'consular.tha@demo.safe-return.org',
  analyst: 'analyst@demo.safe-return.org',
  donor: 'donor@demo.safe-return.org',
} as const;
export type DemoRole = keyof typeof DEMO_EMAILS;

/** Where each role lands after signing in (web/src/auth/roles.ts). */
/** Each role's menu (web/src/routes.tsx), as the API allows it. */
export const MENU: Record<DemoRole, string[]> = {
  caseworker: ['My work', 'Cases', 'New intake', 'Handovers', 'Compounds', 'Embassy contacts'],
  supervisor: ['My work', 'Cases', 'New intake', 'Handovers', 'Compounds', 'Embassy contacts', 'Reports'],
  admin: [
    'My work',
    'Cases',
    'New intake',
    'Handovers',
    'Compounds',
    'Embassy contacts',
    'Reports',
    'Users',
    'Audit log',
  ],
  consular: ['My nationals', 'Figures'],
  analyst: ['Reports'],
  donor: ['Reports'],
};

export const HOME: Record<DemoRole, string> = {
  admin: '/work',
  supervisor: '/work',
  caseworker: '/work',
  consular: '/consular/cases',
  analyst: '/reports',
  donor: '/reports',
};

export function baseURL(): string {
  return inject('baseURL');
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS });
}

/**
 * A fresh browser profile (no cookie, no storage) on a desktop screen. Anything the page's
 * Content-Security-Policy refuses is collected: `expectNoCspViolations` fails on it.
 */
export async function newPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ viewport: DESKTOP, baseURL: baseURL(), locale: 'en-GB' });
  const page = await context.newPage();
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content.Security.Policy/i.test(message.text())) violations.push(message.text());
  });
  page.on('pageerror', (error) => violations.push(`page error: ${error.message}`));
  (page as Page & { violations?: string[] }).violations = violations;
  return page;
}

/**
 * One browser for a spec file and a fresh profile (no cookie, no storage) for each of its tests. Call it
 * at the top of a `describe`; `session.page` is the current test's page.
 */
export function browserSession(): { readonly page: Page } {
  let browser: Browser | undefined;
  const session = { page: undefined as unknown as Page };
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(() => browser?.close());
  beforeEach(async () => {
    session.page = await newPage(browser!);
  });
  return session;
}

export function expectNoCspViolations(page: Page): void {
  expect((page as Page & { violations?: string[] }).violations ?? []).toEqual([]);
}

export async function signIn(page: Page, role: DemoRole): Promise<void> {
  await page.goto('/sign-in');
  await page.locator('input[type=email]').fill(DEMO_EMAILS[role]);
  await page.locator('input[autocomplete=current-password]').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(`**${HOME[role]}`);
  await expect.poll(() => page.locator('h1').count()).toBeGreaterThan(0);
}

/** Lets the page settle: a route's chunk, a catalogue, Mantine's transitions (system fonts: none to load). */
async function settle(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle', { timeout: 2000 }).catch(() => undefined);
  await page.waitForTimeout(300);
}

async function setLanguage(page: Page, code: 'en' | 'th'): Promise<void> {
  await page.locator('#language').selectOption(code);
  await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe(code);
}

/**
 * Screenshots of the page as it is, on a desktop (1280×800) and a phone (360×780), in English and
 * in Thai, into web/test-results/<name>-<language>-<screen>.png (git-ignored). On the phone the
 * page must not scroll sideways: a long Thai string that does not wrap fails here. Leaves the page
 * in English on the desktop.
 */
export async function shoot(page: Page, name: string): Promise<void> {
  mkdirSync(RESULTS, { recursive: true });
  for (const language of ['en', 'th'] as const) {
    await setLanguage(page, language);
    for (const [screen, size] of [
      ['desktop', DESKTOP],
      ['phone', PHONE],
    ] as const) {
      await page.setViewportSize(size);
      await settle(page);
      // From the top: the shell's header is fixed, and a page scrolled down (to a result, say) would
      // have it drawn across the middle of a full-page capture.
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.screenshot({ path: join(RESULTS, `${name}-${language}-${screen}.png`), fullPage: true });
      if (screen === 'phone') {
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        expect(overflow, `${name} (${language}) scrolls sideways on a phone`).toBeLessThanOrEqual(0);
      }
    }
  }
  await setLanguage(page, 'en');
  await page.setViewportSize(DESKTOP);
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[] }[];
}

/**
 * axe-core's WCAG 2.x A/AA rules on the page as shown: no serious or critical violation. The
 * script is evaluated through the DevTools protocol, not added as a tag: the page's CSP forbids
 * inline scripts, and must not be loosened for a test.
 */
export async function expectNoSeriousA11yViolations(page: Page): Promise<void> {
  await settle(page);
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: { run: (ctx: Document, options: object) => Promise<{ violations: AxeViolation[] }> };
      }
    ).axe;
    const result = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
    });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => n.target),
    }));
  });
  const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious, `accessibility of ${page.url()}`).toEqual([]);
}
