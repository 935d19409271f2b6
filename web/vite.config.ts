import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const webRoot = fileURLToPath(new URL('.', import.meta.url));

/**
 * The web app, built into dist/web (served by the API at `/`, see src/web/). `html.cspNonce` marks
 * where the server puts each page's style nonce (src/web/web-page.ts): the page's
 * Content-Security-Policy allows no inline style without it, and no inline script at all.
 */
export default defineConfig({
  root: webRoot,
  // Vite's cache beside the other packages, not in web/ (whose sources decide when to rebuild).
  cacheDir: fileURLToPath(new URL('../node_modules/.vite', import.meta.url)),
  plugins: [react()],
  html: { cspNonce: 'SR_CSP_NONCE' },
  build: {
    outDir: fileURLToPath(new URL('../dist/web', import.meta.url)),
    emptyOutDir: true,
    // Read by scripts/check-web-budget.js: which files a first visit downloads.
    manifest: true,
    target: 'es2022',
    // Same-origin modules only: no inline bootstrap script for the CSP to refuse.
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 600,
  },
  server: {
    // `npm run dev:web`: this server for the page, the API of a running `npm start` behind it.
    proxy: { '/api': 'http://localhost:3000' },
  },
});
