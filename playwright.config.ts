import { defineConfig, devices } from '@playwright/test';
import { chromiumFlags, chromiumPath } from './scripts/find-chromium.mjs';

// The built site (`npm run build`) served by `astro preview`, as readers get it.
const base = (process.env.BASE_PATH ?? '/').replace(/\/?$/, '/').replace(/^\/?/, '/');
const port = Number(process.env.E2E_PORT ?? 4321);
const executablePath: string | undefined = chromiumPath() ?? undefined;

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: false,
  // One worker in CI: the runner's responsiveness tests measure frame times, and two
  // browsers on two cores starve each other. Two locally for speed.
  workers: process.env.CI ? 1 : 2,
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  forbidOnly: !!process.env.CI,
  reporter: 'list', // no HTML report: its bundled JS would land in astro check's sweep
  use: {
    baseURL: `http://127.0.0.1:${port}${base}`,
    // A trace snapshots the whole page at every action: on a chapter with a 2-2-1
    // step-through (about 25,000 elements) that made walking its 45 steps take minutes.
    // Record one when a failing test is retried (CI retries once), as Playwright suggests.
    trace: 'on-first-retry',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        launchOptions: {
          executablePath,
          args: chromiumFlags,
        },
      },
    },
  ],
  webServer: {
    command: `npx astro preview --host 127.0.0.1 --port ${port}`,
    url: `http://127.0.0.1:${port}${base}`,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
    // Playwright replaces the environment when env is given: keep BASE_PATH and PATH.
    env: { ...(process.env as Record<string, string>), ASTRO_TELEMETRY_DISABLED: '1' },
  },
});
