import createClient from 'openapi-fetch';
import { ApiError } from './errors';
import type { components, paths } from './schema';

export type Me = components['schemas']['MeView'];
export type Role = Me['role'];
export type TokenPair = components['schemas']['TokenPairView'];

/**
 * The one way the web app talks to the API (nothing else calls fetch; ESLint checks):
 *
 * - the access token lives in this module's memory only, never in localStorage, sessionStorage or a
 *   cookie a script can read; the refresh token is in the httpOnly cookie of the auth routes
 *   (`X-Refresh-Transport: cookie`, API.md "Web app"), which no script can read at all;
 * - a 401 on a signed-in call (for the token, `UNAUTHENTICATED`) triggers one silent refresh, shared by every call that fails meanwhile
 *   (and across tabs, through a Web Lock, since a refresh token works once and a second use would
 *   end the sign-in), then the call is sent once more;
 * - when the refresh fails the session has ended: the token is dropped and `onSessionEnded` told;
 * - an answer that is not 2xx becomes an ApiError (the contract's error shape), through `unwrap`.
 */

export const REFRESH_TRANSPORT = { 'X-Refresh-Transport': 'cookie' } as const;
const AUTH_PATHS = [
  '/api/v1/auth/login',
  '/api/v1/auth/login/mfa',
  '/api/v1/auth/refresh',
  '/api/v1/auth/logout',
];
const REFRESH_LOCK = 'safe-return-refresh';

export type SessionEndReason = 'expired' | 'signed_out' | 'idle';

interface SessionState {
  accessToken: string | undefined;
  refreshing: Promise<TokenPair | undefined> | undefined;
  endedListeners: Set<(reason: SessionEndReason) => void>;
  refreshedListeners: Set<(pair: TokenPair) => void>;
}

const state: SessionState = {
  accessToken: undefined,
  refreshing: undefined,
  endedListeners: new Set(),
  refreshedListeners: new Set(),
};

/** The fetch the client sends with (the browser's); replaced in unit tests only. */
let send: typeof fetch = (...args) => globalThis.fetch(...args);

export function setAccessToken(token: string | undefined): void {
  state.accessToken = token;
}

export function hasAccessToken(): boolean {
  return state.accessToken !== undefined;
}

/** Called when the session ends without the user asking (refresh refused): sign-in page next. */
export function onSessionEnded(listener: (reason: SessionEndReason) => void): () => void {
  state.endedListeners.add(listener);
  return () => state.endedListeners.delete(listener);
}

/** Called after every successful refresh (the user, role included, may have changed). */
export function onRefreshed(listener: (pair: TokenPair) => void): () => void {
  state.refreshedListeners.add(listener);
  return () => state.refreshedListeners.delete(listener);
}

export function endSession(reason: SessionEndReason): void {
  const hadSession = state.accessToken !== undefined;
  state.accessToken = undefined;
  if (hadSession || reason !== 'expired') for (const listener of state.endedListeners) listener(reason);
}

async function withRefreshLock<T>(work: () => Promise<T>): Promise<T> {
  const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
  return locks ? locks.request(REFRESH_LOCK, work) : work();
}

/**
 * One refresh at a time: every caller during a refresh gets the same answer. `undefined` when the
 * cookie is missing, spent or refused (the session is over). Throws ApiError only when the server
 * could not be asked (network, 429, 503): the session may still be alive then.
 */
export function refreshSession(): Promise<TokenPair | undefined> {
  state.refreshing ??= withRefreshLock(async () => {
    let response: Response;
    try {
      response = await send(
        new Request(absolute('/api/v1/auth/refresh'), {
          method: 'POST',
          headers: { ...REFRESH_TRANSPORT, 'Content-Type': 'application/json' },
          body: '{}',
          credentials: 'same-origin',
        }),
      );
    } catch (error) {
      throw ApiError.network(error);
    }
    if (response.ok) {
      const pair = (await response.json()) as TokenPair;
      state.accessToken = pair.accessToken;
      for (const listener of state.refreshedListeners) listener(pair);
      return pair;
    }
    if (response.status === 401 || response.status === 400) return undefined;
    throw await ApiError.fromResponse(response);
  }).finally(() => {
    state.refreshing = undefined;
  });
  return state.refreshing;
}

function absolute(path: string): string {
  return new URL(path, window.location.origin).toString();
}

function withToken(request: Request, token: string | undefined): Request {
  const next = new Request(request);
  if (token) next.headers.set('Authorization', `Bearer ${token}`);
  return next;
}

async function isTokenRefusal(response: Response): Promise<boolean> {
  const body = (await response
    .clone()
    .json()
    .catch(() => undefined)) as { code?: unknown } | undefined;
  return body?.code === undefined || body.code === 'UNAUTHENTICATED';
}

/** The fetch openapi-fetch calls: bearer token, one refresh on a 401, then the same call again. */
async function authFetch(input: Request): Promise<Response> {
  const retry = input.clone();
  const isAuthRoute = AUTH_PATHS.includes(new URL(input.url).pathname);
  const sentWith = state.accessToken;
  let response: Response;
  try {
    response = await send(withToken(input, sentWith));
  } catch (error) {
    throw ApiError.network(error);
  }
  if (response.status !== 401 || isAuthRoute || sentWith === undefined) return response;
  // A 401 about what the user typed (a wrong current password or two-factor code), not about the
  // token: sending it again would only count a second failure toward the lockout.
  if (!(await isTokenRefusal(response))) return response;

  // Another call may have refreshed while this one was out: use its token, else refresh.
  let token = state.accessToken !== sentWith ? state.accessToken : undefined;
  if (!token) {
    const pair = await refreshSession();
    if (!pair) {
      endSession('expired');
      return response;
    }
    token = pair.accessToken;
  }
  try {
    return await send(withToken(retry, token));
  } catch (error) {
    throw ApiError.network(error);
  }
}

export const api = createClient<paths>({
  baseUrl: typeof window !== 'undefined' ? window.location.origin : 'http://localhost',
  fetch: authFetch,
  credentials: 'same-origin',
});

/** The data of a 2xx answer, or the ApiError of any other. */
export async function unwrap<T>(
  call: Promise<{ data?: T; error?: unknown; response: Response }>,
): Promise<T> {
  const { data, error, response } = await call;
  if (!response.ok) throw await ApiError.fromResponse(response, error);
  return data as T;
}

/** For unit tests of code that uses the client: what the browser's fetch would have answered. */
export function mockFetchForTests(fetchImpl: typeof fetch): () => void {
  const previous = send;
  send = fetchImpl;
  state.accessToken = undefined;
  state.refreshing = undefined;
  return () => {
    send = previous;
  };
}
