import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import type { ReactElement } from 'react';
import { renderPage } from '../test/render';

/** A reports component as the app shows it, with its own query cache (no retries: failures show at once). */
export function renderReport(ui: ReactElement, path = '/reports') {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return renderPage(<QueryClientProvider client={client}>{ui}</QueryClientProvider>, path);
}

export const row = (key: string, label: string, count: number | null) => ({
  key,
  label,
  count,
  suppressed: count === null,
});
