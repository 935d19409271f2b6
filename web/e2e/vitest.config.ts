import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { StoryOrder } from './support/story-order';

/**
 * End-to-end tests of the web app: the real built app (dist/, see scripts/test-web.js, which builds
 * when needed) on a throwaway embedded PostgreSQL with the demo data, driven in Debian's Chromium
 * through playwright-core. One app for the run (support/global-setup.ts); files one after another,
 * since they share it and the machine has two cores.
 */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  test: {
    name: 'web-e2e',
    environment: 'node',
    include: ['**/*.e2e.ts', '**/*.test.ts'],
    globalSetup: ['support/global-setup.ts'],
    fileParallelism: false,
    sequence: { sequencer: StoryOrder },
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // A page's chunk and its first render can take seconds on a busy two-core machine (CI): poll longer
    // than Vitest's default second.
    expect: { poll: { timeout: 15_000, interval: 100 } },
  },
});
