import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Response } from 'supertest';
import { API, createTestApp, expectError, type TestApp } from './support/app';

/**
 * The web app on the API's port: its page at every client route with a strict Content-Security-
 * Policy, its hashed files cached for long, and /api still the API's. A stand-in build (the page
 * with Vite's nonce placeholder, one hashed script) keeps this independent of the real web build.
 */
const INDEX = `<!doctype html><html lang="en"><head>
<meta property="csp-nonce" nonce="SR_CSP_NONCE">
<script type="module" crossorigin src="/assets/index-AbC123.js" nonce="SR_CSP_NONCE"></script>
</head><body><div id="root"></div></body></html>`;

/** The directives of a Content-Security-Policy header, by name. */
function directives(res: Response): Record<string, string[]> {
  const header = String(res.headers['content-security-policy'] ?? '');
  return Object.fromEntries(
    header
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter(([name]) => name)
      .map(([name, ...values]) => [name, values]),
  );
}

describe('Web app serving', () => {
  let t: TestApp;
  let webDir: string;
  beforeAll(async () => {
    webDir = mkdtempSync(join(tmpdir(), 'safe-return-web-'));
    mkdirSync(join(webDir, 'assets'));
    writeFileSync(join(webDir, 'index.html'), INDEX);
    writeFileSync(join(webDir, 'assets', 'index-AbC123.js'), 'console.log("app");\n');
    t = await createTestApp({ WEB_DIR: webDir });
  });
  afterAll(async () => {
    await t.close();
    rmSync(webDir, { recursive: true, force: true });
  });

  /** The page, with its nonce filled in, and the policy naming that nonce for styles only. */
  async function expectPage(path: string): Promise<string> {
    const res = await t.http().get(path).set('Accept', 'text/html');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.text).not.toContain('SR_CSP_NONCE');
    const nonce = /property="csp-nonce" nonce="([^"]+)"/.exec(res.text)?.[1];
    expect(nonce).toMatch(/^[A-Za-z0-9+/]{24}$/);
    const csp = directives(res);
    expect(csp).toEqual(
      expect.objectContaining({
        'default-src': ["'self'"],
        'script-src': ["'self'"],
        'style-src': ["'self'", `'nonce-${nonce}'`],
        'connect-src': ["'self'"],
        'object-src': ["'none'"],
        'base-uri': ["'self'"],
        'form-action': ["'self'"],
        'frame-ancestors': ["'none'"],
      }),
    );
    expect(JSON.stringify(csp)).not.toMatch(/unsafe-inline|unsafe-eval/);
    return nonce!;
  }

  it('answers the page at / and at a client route, with a strict policy and a nonce of its own each time', async () => {
    const first = await expectPage('/');
    const second = await expectPage('/cases/123');
    expect(second).not.toBe(first);
    await expectPage('/people/0b9e3c1e-2f4f-4c8e-9a41-0d5e0c8a1f00/history');
  });

  it('serves hashed files for a year, with the strict policy', async () => {
    const res = await t.http().get('/assets/index-AbC123.js');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/javascript/);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(directives(res)['script-src']).toEqual(["'self'"]);
    expect(directives(res)['style-src']).toEqual(["'self'"]);
  });

  it('answers 404 for a file that is not there, not the page', async () => {
    const res = await t.http().get('/assets/index-Gone99.js');
    expect(res.status).toBe(404);
    expect(res.text).not.toContain('<div id="root">');
  });

  it('leaves /api to the API: its JSON 404, its own errors, no page', async () => {
    const unknown = await t.http().get(`${API}/unknown`).set('Accept', 'text/html');
    expectError(unknown, 404, 'NOT_FOUND');
    expect(unknown.headers['content-type']).toMatch(/^application\/json/);
    expect(unknown.headers['cache-control']).toBe('no-store');
    expectError(await t.http().get('/api/elsewhere'), 404, 'NOT_FOUND');
    const malformed = await t
      .http()
      .post(`${API}/auth/login`)
      .set('Content-Type', 'application/json')
      .send('{"email": ');
    expectError(malformed, 400, 'MALFORMED_JSON');
    expect((await t.http().get(`${API}/health`)).status).toBe(200);
  });

  it('keeps Swagger UI working: its inline styles allowed on its own path only, scripts still ours', async () => {
    const res = await t.http().get('/api/docs');
    expect(res.status).toBe(200);
    const csp = directives(res);
    expect(csp['script-src']).toEqual(["'self'"]);
    expect(csp['style-src']).toEqual(["'self'", "'unsafe-inline'"]);
    expect(csp['frame-ancestors']).toEqual(["'none'"]);
    expect(directives(await t.http().get(`${API}/health`))['style-src']).toEqual(["'self'"]);
  });
});
