import { existsSync } from 'node:fs';
import path from 'node:path';
import { defineConfig, devices } from '@playwright/test';
import { e2eBaseURL, e2ePort, e2eStateFile } from './e2e/support/server-state';

/**
 * End-to-end tests: Debian's Chromium (Playwright's own browser download does not work on these
 * machines) against the production build, served by e2e/support/server.ts on a fresh temporary
 * embedded database seeded with the demo data. `npm test` builds before it runs these;
 * `npm run test:e2e` alone builds only when there is no build yet.
 */
const isCI = !!process.env.CI;
const baseURL = e2eBaseURL();
const chromiumPath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const hasBuild = existsSync(path.join(__dirname, '.next', 'BUILD_ID'));

if (!existsSync(chromiumPath) && !process.env.TEST_WORKER_INDEX) {
  console.warn(`Chromium not found at ${chromiumPath}: apt-get install -y chromium (Debian/Ubuntu) or set CHROMIUM_PATH.`);
}

export default defineConfig({
  testDir: 'e2e',
  testMatch: '**/*.spec.ts',
  outputDir: 'test-results',
  // The app runs on one embedded database, so tests run one at a time.
  fullyParallel: false,
  workers: 1,
  retries: isCI ? 1 : 0,
  forbidOnly: isCI,
  reporter: isCI ? [['list'], ['html', { open: 'never', outputFolder: 'playwright-report' }]] : 'list',
  use: {
    baseURL,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        launchOptions: {
          executablePath: chromiumPath,
          // Without the networking flags Chromium keeps trying Google's hosts, which this
          // machine's closed network refuses; --no-sandbox because CI runs as root.
          args: [
            '--no-sandbox',
            '--disable-gpu',
            '--disable-quic',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
            '--no-first-run',
          ],
        },
      },
    },
  ],
  webServer: {
    // Builds if needed, seeds a temporary database, then `next start`; it sets NEXTAUTH_URL,
    // NEXTAUTH_SECRET (a test-only constant) and HRD_DATA_DIR for the server itself.
    // `exec node --import tsx` rather than `npx tsx`: at the end Playwright signals the process
    // group but waits only for the process it started, here the shell; with exec that is the
    // server itself, so the run ends after the temporary database is deleted, not before.
    command: 'exec node --conditions=react-server --import tsx e2e/support/server.ts',
    url: `${baseURL}/api/health`,
    env: { E2E_PORT: String(e2ePort()), E2E_STATE_FILE: e2eStateFile() },
    reuseExistingServer: false,
    // Seeding and `next start` take seconds; a first build (no .next yet) takes minutes on 2 cores.
    timeout: hasBuild ? 120_000 : 420_000,
    stdout: 'pipe',
    stderr: 'pipe',
    // SIGTERM rather than Playwright's default SIGKILL, so the server deletes its temporary folder.
    gracefulShutdown: { signal: 'SIGTERM', timeout: 15_000 },
  },
});
