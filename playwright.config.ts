// End-to-end tests in real Chromium against the real server on a fresh PGlite data directory with demo data.
// The browser: CHROMIUM_PATH → Debian's /usr/bin/chromium → the Chromium inside the @sparticuz/chromium npm
// package (e2e/chromium.ts), so the suite also runs on a machine with no browser installed. The project
// `bundled-chromium` always runs one whole spec on the npm package's browser, so that path cannot rot
// where a system browser hides it.
import { defineConfig, type LaunchOptions } from '@playwright/test'
import { bundledChromium, resolveChromium, type ResolvedChromium } from './e2e/chromium.ts'

const browser = resolveChromium()
const bundled = browser.source === 'bundled' ? browser : bundledChromium()
if (!process.env.TEST_WORKER_INDEX) console.log(`e2e: Chromium from ${browser.source}: ${browser.executablePath}`)

const launch = (b: ResolvedChromium): LaunchOptions => ({
  executablePath: b.executablePath,
  env: { ...process.env, ...b.env },
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
})

const port = Number(process.env.E2E_PORT ?? 3107)

export default defineConfig({
  testDir: 'e2e',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: process.env.CI ? 'line' : 'list',
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    locale: 'nl-BE',
    timezoneId: 'Europe/Brussels',
  },
  projects: [
    { name: 'chromium', use: { launchOptions: launch(browser) } },
    { name: 'bundled-chromium', testMatch: 'browser.spec.ts', use: { launchOptions: launch(bundled) } },
  ],
  webServer: {
    command: `rm -rf .cache/e2e-data && node src/server/main.ts serve`,
    url: `http://127.0.0.1:${port}/api/health`,
    timeout: 120_000,
    reuseExistingServer: false,
    env: {
      PORT: String(port),
      VERBOND_DATA_DIR: '.cache/e2e-data',
      VERBOND_DEMO: 'true',
      LOG_LEVEL: 'warn',
      RATE_LIMIT_PER_MINUTE: '0',
    },
  },
})
