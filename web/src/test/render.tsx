import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { MemoryRouter } from 'react-router';
import { initI18n } from '../i18n';
import { theme } from '../theme';

let i18nReady: Promise<unknown> | undefined;

/**
 * A component as the app shows it: Mantine, the catalogues (English), a router at `path`, and a
 * fresh query cache of its own that never retries (a test's mocked 4xx or 5xx is seen at once).
 */
export async function renderPage(ui: ReactElement, path = '/') {
  i18nReady ??= initI18n('en');
  await i18nReady;
  const client = new QueryClient({
    defaultOptions: { queries: { retry: false }, mutations: { retry: false } },
  });
  return render(
    <MantineProvider theme={theme}>
      <QueryClientProvider client={client}>
        <MemoryRouter initialEntries={[path]}>{ui}</MemoryRouter>
      </QueryClientProvider>
    </MantineProvider>,
  );
}

/** A JSON answer as the API gives it. */
export function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(status === 204 ? null : JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json', ...headers },
  });
}

/** The contract's error shape. */
export function apiError(status: number, code: string, extra: Record<string, unknown> = {}) {
  return { statusCode: status, error: 'Error', code, message: code, requestId: 'req-1', ...extra };
}
