import { applyDecorators, createParamDecorator, type ExecutionContext, type Type } from '@nestjs/common';
import { ApiExtraModels, ApiHeader, ApiResponse, getSchemaPath } from '@nestjs/swagger';
import type { Request, Response } from 'express';

/**
 * How the refresh token travels (API.md "Web app"). By default it is in the JSON bodies, for
 * partners' programs. The web app asks with `X-Refresh-Transport: cookie` to have it in an httpOnly,
 * SameSite=Strict cookie scoped to the auth routes instead: no script on the page can read it, so a
 * script injected into the page cannot steal a sign-in that outlives the 15-minute access token.
 * The header is also what makes the cookie count: a foreign page can make a browser send the cookie
 * (it cannot, SameSite=Strict aside), but not this header without a CORS preflight the API refuses.
 */
export const REFRESH_TRANSPORT_HEADER = 'X-Refresh-Transport';
export const REFRESH_COOKIE = 'sr_refresh';
/** The routes that read the cookie, and no other: it is not sent with any other request. */
export const REFRESH_COOKIE_PATH = '/api/v1/auth';

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

export interface RefreshTransport {
  /** The request asked for the cookie transport. */
  readonly cookie: boolean;
  /** The refresh token the cookie carried (read only with the cookie transport). */
  readonly cookieToken: string | undefined;
  /** Hands the new refresh token to the client in the cookie. */
  keep(refreshToken: string): void;
  /** Removes the cookie from the browser. */
  forget(): void;
}

/** The transport of a client that does not ask for the cookie: tokens in the JSON bodies. */
export const BODY_TRANSPORT: RefreshTransport = {
  cookie: false,
  cookieToken: undefined,
  keep: () => undefined,
  forget: () => undefined,
};

/** One cookie's value from the Cookie header (no dependency for one name). */
export function readCookie(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) {
      const value = part.slice(eq + 1).trim();
      try {
        return decodeURIComponent(value) || undefined;
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}

/**
 * `Secure` everywhere but plain http on the machine itself (`npm start` on a laptop), where a
 * browser would otherwise keep no cookie and nobody could sign in. Behind a TLS proxy, set
 * TRUST_PROXY so the request counts as https.
 */
function isPlainLocalhost(req: Request): boolean {
  return req.protocol === 'http' && LOOPBACK_HOSTS.has(req.hostname);
}

export function refreshTransportOf(req: Request, res: Response): RefreshTransport {
  const asked = req.get(REFRESH_TRANSPORT_HEADER);
  if (asked?.trim().toLowerCase() !== 'cookie') return BODY_TRANSPORT;
  // A session cookie (no Max-Age): closing the browser on a shared laptop forgets it; the sign-in
  // itself ends at SESSION_MAX_HOURS whatever the browser keeps.
  const options = {
    httpOnly: true,
    secure: !isPlainLocalhost(req),
    sameSite: 'strict' as const,
    path: REFRESH_COOKIE_PATH,
  };
  return {
    cookie: true,
    cookieToken: readCookie(req.headers.cookie, REFRESH_COOKIE),
    keep: (refreshToken) => res.cookie(REFRESH_COOKIE, refreshToken, options),
    forget: () => res.clearCookie(REFRESH_COOKIE, options),
  };
}

/** The request's refresh transport, for a handler that also answers with `passthrough`. */
export const Transport = createParamDecorator((_data: unknown, ctx: ExecutionContext): RefreshTransport => {
  const http = ctx.switchToHttp();
  return refreshTransportOf(http.getRequest<Request>(), http.getResponse<Response>());
});

/**
 * OpenAPI: the header that picks the cookie transport, and what the route does with the cookie.
 * `answer` is the success response, restated with the Set-Cookie header it may carry.
 */
export const ApiRefreshTransport = (
  does: string,
  answer: { status: 200; type: Type<unknown> | Type<unknown>[] } | { status: 204 },
) => {
  // Several types: the route answers with one of them (sign-in: a token pair or a second-factor step).
  const types = answer.status === 200 ? [answer.type].flat() : [];
  return applyDecorators(
    ...(types.length > 1 ? [ApiExtraModels(...types)] : []),
    ApiHeader({
      name: REFRESH_TRANSPORT_HEADER,
      required: false,
      enum: ['cookie'],
      description:
        `\`cookie\`: the refresh token travels in the httpOnly, SameSite=Strict cookie \`${REFRESH_COOKIE}\` ` +
        `(Path=${REFRESH_COOKIE_PATH}; Secure except on http://localhost) instead of the JSON bodies: ` +
        `this route ${does}. A \`refreshToken\` in the request body is then ignored.`,
    }),
    ApiResponse({
      status: answer.status,
      ...(types.length > 1
        ? { schema: { oneOf: types.map((t) => ({ $ref: getSchemaPath(t) })) } }
        : types.length === 1
          ? { type: types[0] }
          : {}),
      description:
        answer.status === 200
          ? (types.length > 1
              ? 'With two-factor sign-in on, `{ mfaRequired, mfaToken, expiresIn }` for POST /auth/login/mfa. Else '
              : '') +
            'Signed in. With `X-Refresh-Transport: cookie` the refresh token is in Set-Cookie, not in the body'
          : 'Signed out. With `X-Refresh-Transport: cookie` the cookie is cleared',
      headers: {
        'Set-Cookie': {
          description: `With the cookie transport: \`${REFRESH_COOKIE}=…; Path=${REFRESH_COOKIE_PATH}; HttpOnly; Secure; SameSite=Strict\``,
          schema: { type: 'string' },
        },
      },
    }),
  );
};
