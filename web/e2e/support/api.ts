import { expect } from 'vitest';
import { baseURL, DEMO_EMAILS, DEMO_PASSWORD } from './browser';

/**
 * The API as a test's own client, signed in as a demo user of `role` (its own sign-in, beside the
 * browser's): to find a demo record to work on, to read what a page saved, or to change a record behind a
 * page's back (a colleague's edit). Each call must answer 200.
 */
export async function apiAs(role: keyof typeof DEMO_EMAILS) {
  const login = await fetch(`${baseURL()}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email: DEMO_EMAILS[role], password: DEMO_PASSWORD }),
  });
  const { accessToken } = (await login.json()) as { accessToken: string };
  return async <T>(
    path: string,
    init: { method?: string; body?: unknown; ifMatch?: string } = {},
  ): Promise<T> => {
    const response = await fetch(`${baseURL()}/api/v1${path}`, {
      method: init.method ?? 'GET',
      headers: {
        Authorization: `Bearer ${accessToken}`,
        ...(init.body ? { 'Content-Type': 'application/json' } : {}),
        ...(init.ifMatch ? { 'If-Match': init.ifMatch } : {}),
      },
      body: init.body ? JSON.stringify(init.body) : undefined,
    });
    expect(response.status, path).toBe(200);
    return (await response.json()) as T;
  };
}
