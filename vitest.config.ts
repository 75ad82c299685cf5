// Unit and integration tests. Integration tests (*.int.test.ts) run on PGlite, and again on a real
// PostgreSQL server when TEST_DATABASE_URL is set (CI sets it). Each test file gets its own database,
// copied from a template built once per run (test/global-setup.ts).
import { defineConfig } from 'vitest/config'

const postgres = process.env.TEST_DATABASE_URL
const shared = {
  globalSetup: ['test/global-setup.ts'],
  // Every worker refuses connections beyond localhost (a test that reaches the internet fails).
  setupFiles: ['test/setup/network-guard.ts'],
  testTimeout: 30_000,
  hookTimeout: 60_000,
}

export default defineConfig({
  test: {
    pool: 'forks',
    maxWorkers: 2,
    projects: [
      {
        test: {
          ...shared,
          name: 'pglite',
          include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
          env: { VERBOND_TEST_DB: 'pglite' },
        },
      },
      ...(postgres
        ? [
            {
              test: {
                ...shared,
                name: 'postgres',
                include: ['src/**/*.int.test.ts', 'test/**/*.int.test.ts'],
                env: { VERBOND_TEST_DB: 'postgres' },
              },
            },
          ]
        : []),
    ],
  },
})
