// End-to-end tests in real Chromium (Debian's /usr/bin/chromium, or CHROMIUM_PATH) against the real
// server on a fresh PGlite data directory with demo data. A missing browser fails loudly.
import { existsSync } from 'node:fs'
import { defineConfig } from '@playwright/test'

const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
if (!existsSync(executablePath))
  throw new Error(
    `Chromium not found at ${executablePath}. Install it (apt-get install chromium) or set CHROMIUM_PATH.`,
  )

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
    launchOptions: {
      executablePath,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
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
