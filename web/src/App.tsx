import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { setNonce } from 'get-nonce';
import { useState } from 'react';
import { RouterProvider } from 'react-router';
import { ApiError } from './api/errors';
import { createRouter } from './router';
import { cssVariablesResolver, theme } from './theme';

/** The page's style nonce (src/web/web-page.ts), read once: Mantine puts it on its `<style>` elements. */
function styleNonce(): string | undefined {
  const meta = document.querySelector<HTMLMetaElement>('meta[property="csp-nonce"]');
  return meta?.nonce || undefined;
}
const nonce = styleNonce();
// Dialogs lock the page's scroll with a <style> of their own (react-remove-scroll, under Mantine's
// Modal), which takes its nonce from get-nonce, not from MantineProvider.
if (nonce) setNonce(nonce);

function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // Personal data: never kept once no page shows it, never retried into a wall of 4xx.
        gcTime: 60_000,
        staleTime: 30_000,
        retry: (count, error) =>
          !(error instanceof ApiError && error.status < 500 && error.status > 0) && count < 2,
      },
    },
  });
}

export function App() {
  const [queryClient] = useState(createQueryClient);
  const [router] = useState(createRouter);
  return (
    <MantineProvider
      theme={theme}
      cssVariablesResolver={cssVariablesResolver}
      defaultColorScheme="light"
      getStyleNonce={() => nonce ?? ''}
    >
      <Notifications position="top-center" />
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </MantineProvider>
  );
}
