import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { apiError, json } from '../test/render';
import { api, mockFetchForTests, onSessionEnded, setAccessToken, unwrap } from './client';
import { ApiError } from './errors';

const ME = {
  id: 'u1',
  email: 'a@example.org',
  displayName: 'A',
  role: 'caseworker',
  nationalities: [],
  mfaEnabled: false,
};
const pair = (token: string) => ({
  accessToken: token,
  expiresIn: 900,
  mustChangePassword: false,
  mfaEnrollmentRequired: false,
  user: ME,
});

describe('the API client', () => {
  let restore: () => void;
  let calls: Request[];
  let server: (request: Request) => Response | Promise<Response>;

  beforeEach(() => {
    calls = [];
    restore = mockFetchForTests(async (input) => {
      const request = input as Request;
      calls.push(request);
      return server(request);
    });
  });
  afterEach(() => restore());

  const path = (r: Request) => new URL(r.url).pathname;
  const refreshes = () => calls.filter((r) => path(r) === '/api/v1/auth/refresh');

  it('sends the in-memory access token as a bearer token', async () => {
    setAccessToken('t1');
    server = () => json(200, ME);
    await unwrap(api.GET('/api/v1/auth/me'));
    expect(calls[0].headers.get('Authorization')).toBe('Bearer t1');
  });

  it('refreshes once for many calls that meet a 401 together, through the cookie, then retries each once', async () => {
    setAccessToken('old');
    let release!: () => void;
    const refreshAnswered = new Promise<void>((resolve) => (release = resolve));
    server = async (request) => {
      if (path(request) === '/api/v1/auth/refresh') {
        await refreshAnswered;
        return json(200, pair('new'));
      }
      return request.headers.get('Authorization') === 'Bearer new'
        ? json(200, ME)
        : json(401, apiError(401, 'UNAUTHENTICATED'));
    };
    const pending = [1, 2, 3].map(() => unwrap(api.GET('/api/v1/auth/me')));
    await vi.waitFor(() => expect(calls.filter((r) => path(r) === '/api/v1/auth/me')).toHaveLength(3));
    release();
    await expect(Promise.all(pending)).resolves.toEqual([ME, ME, ME]);

    expect(refreshes()).toHaveLength(1);
    const refresh = refreshes()[0];
    expect(refresh.method).toBe('POST');
    expect(refresh.headers.get('X-Refresh-Transport')).toBe('cookie');
    expect(refresh.headers.get('Authorization')).toBeNull();
    expect(calls.filter((r) => path(r) === '/api/v1/auth/me')).toHaveLength(6);
  });

  it('does not refresh or resend on a 401 about a typed code, which would count a second failure', async () => {
    setAccessToken('t1');
    server = () => json(401, apiError(401, 'INVALID_MFA_CODE'));
    const error = await unwrap(api.POST('/api/v1/auth/mfa/activate', { body: { code: '123456' } })).catch(
      (e: unknown) => e,
    );
    expect((error as ApiError).code).toBe('INVALID_MFA_CODE');
    expect(calls.map(path)).toEqual(['/api/v1/auth/mfa/activate']);
  });

  it('ends the session when the refresh is refused, and the call fails with the API error', async () => {
    setAccessToken('old');
    const ended = vi.fn();
    const stop = onSessionEnded(ended);
    server = (request) =>
      path(request) === '/api/v1/auth/refresh'
        ? json(401, apiError(401, 'INVALID_REFRESH_TOKEN'))
        : json(401, apiError(401, 'UNAUTHENTICATED'));
    const error = await unwrap(api.GET('/api/v1/auth/me')).catch((e: unknown) => e);
    stop();
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).code).toBe('UNAUTHENTICATED');
    expect(ended).toHaveBeenCalledWith('expired');
    expect(refreshes()).toHaveLength(1);
    // The token is gone: the next call goes without one and does not try to refresh again.
    server = () => json(401, apiError(401, 'UNAUTHENTICATED'));
    await unwrap(api.GET('/api/v1/auth/me')).catch(() => undefined);
    expect(calls.at(-1)!.headers.get('Authorization')).toBeNull();
    expect(refreshes()).toHaveLength(1);
  });

  it('does not refresh on a failed sign-in', async () => {
    server = () => json(401, apiError(401, 'INVALID_CREDENTIALS'));
    await expect(
      unwrap(api.POST('/api/v1/auth/login', { body: { email: 'a@example.org', password: 'x' } })),
    ).rejects.toMatchObject({ code: 'INVALID_CREDENTIALS', status: 401 });
    expect(refreshes()).toHaveLength(0);
  });

  it("maps the contract's error shape, details and Retry-After into an ApiError", async () => {
    setAccessToken('t');
    server = () =>
      json(
        429,
        apiError(429, 'LOGIN_LOCKED', { details: [{ field: 'email', code: 'invalid', message: 'm' }] }),
        { 'Retry-After': '840' },
      );
    const error = (await unwrap(api.GET('/api/v1/auth/me')).catch((e: unknown) => e)) as ApiError;
    expect(error).toMatchObject({
      status: 429,
      code: 'LOGIN_LOCKED',
      retryAfterSeconds: 840,
      requestId: 'req-1',
    });
    expect(error.details).toEqual([{ field: 'email', code: 'invalid', message: 'm' }]);
  });

  it('turns a network failure into an ApiError with code NETWORK', async () => {
    server = () => {
      throw new TypeError('Failed to fetch');
    };
    await expect(unwrap(api.GET('/api/v1/health'))).rejects.toMatchObject({ code: 'NETWORK', status: 0 });
  });
});
