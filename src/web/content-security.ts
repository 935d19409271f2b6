import type { NextFunction, Request, RequestHandler, Response } from 'express';
import helmet from 'helmet';

/** Where Swagger UI lives (setup-app.ts): its page needs what the web app's may not have. */
export const DOCS_PATH = '/api/docs';

type Directives = Record<string, string[]>;

/**
 * The web app's Content-Security-Policy. Scripts come from our own files only: no inline script, no
 * eval, so text that slipped into a page (a name, a note) can never run. Styles: Mantine injects
 * `<style>` elements at run time (its CSS variables, the breakpoint classes, responsive style props),
 * so a style-src of 'self' alone would break it; instead of 'unsafe-inline' each page load gets a
 * nonce (web-page.ts) that Mantine puts on those elements (MantineProvider's getStyleNonce). Style
 * props that React sets through the DOM's style object are not inline styles in CSP's sense.
 */
export function appDirectives(styleNonce?: string): Directives {
  return {
    'default-src': ["'self'"],
    'script-src': ["'self'"],
    'script-src-attr': ["'none'"],
    'style-src': ["'self'", ...(styleNonce ? [`'nonce-${styleNonce}'`] : [])],
    'img-src': ["'self'", 'data:'],
    'font-src': ["'self'"],
    'connect-src': ["'self'"],
    'worker-src': ["'self'"],
    'manifest-src': ["'self'"],
    'object-src': ["'none'"],
    'base-uri': ["'self'"],
    'form-action': ["'self'"],
    'frame-ancestors': ["'none'"],
  };
}

/**
 * Swagger UI's page (a page of @nestjs/swagger, not ours) carries inline `<style>` elements and
 * data: images; it is relaxed for those, on its own path only. Its scripts are still files of ours.
 */
export function docsDirectives(): Directives {
  return { ...appDirectives(), 'style-src': ["'self'", "'unsafe-inline'"] };
}

export function cspHeader(directives: Directives): string {
  return Object.entries(directives)
    .map(([name, values]) => `${name} ${values.join(' ')}`)
    .join('; ');
}

/** helmet's headers everywhere, with the app's policy, and Swagger UI's on its own path. */
export function securityHeaders(): RequestHandler {
  // X-Frame-Options for browsers that predate frame-ancestors: no page of ours is ever framed.
  const app = helmet({
    contentSecurityPolicy: { useDefaults: false, directives: appDirectives() },
    frameguard: { action: 'deny' },
  });
  const docs = helmet({
    contentSecurityPolicy: { useDefaults: false, directives: docsDirectives() },
    frameguard: { action: 'deny' },
  });
  return (req: Request, res: Response, next: NextFunction) =>
    (req.path === DOCS_PATH || req.path.startsWith(`${DOCS_PATH}/`) ? docs : app)(req, res, next);
}
