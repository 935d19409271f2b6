import type { NextFunction, Request, Response } from 'express';
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { appDirectives, cspHeader } from './content-security';

/**
 * What Vite writes where the page's nonce goes (web/vite.config.ts `html.cspNonce`): on the
 * `<meta property="csp-nonce">` the app reads, and on the page's own tags.
 */
export const NONCE_PLACEHOLDER = 'SR_CSP_NONCE';

/** Paths the web app routes itself (`/`, `/cases/123`): no file extension, not the API. */
function isAppRoute(path: string): boolean {
  if (path === '/api' || path.startsWith('/api/')) return false;
  if (path === '/index.html') return true;
  const last = path.slice(path.lastIndexOf('/') + 1);
  return !last.includes('.');
}

/**
 * The SPA fallback: every client route answers index.html, rendered per request with a fresh
 * style nonce in the page and its Content-Security-Policy. Never cached: a new build must reach the
 * browser at once, and the nonce must not be reused. Files (assets/…) are served beside it by
 * @nestjs/serve-static (web.module.ts).
 */
export function webAppPage(webDir: string) {
  const indexFile = join(webDir, 'index.html');
  return (req: Request, res: Response, next: NextFunction): void => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || !isAppRoute(req.path)) return next();
    readFile(indexFile, 'utf8').then(
      (template) => {
        const nonce = randomBytes(18).toString('base64');
        res.setHeader('Content-Security-Policy', cspHeader(appDirectives(nonce)));
        res.setHeader('Cache-Control', 'no-store');
        res.type('html').send(template.replaceAll(NONCE_PLACEHOLDER, nonce));
      },
      // Not built (an API-only build): let the request end as any unknown path does.
      () => next(),
    );
  };
}
