// Test projects: pure unit tests; integration tests on PGlite; the same integration tests on PostgreSQL
// when TEST_DATABASE_URL is set; browser journeys when Chromium is present. Skipped suites say so.
import { existsSync } from 'node:fs';
import { defineConfig } from 'vitest/config';

const chromiumPath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const hasPostgres = Boolean(process.env.TEST_DATABASE_URL);
const hasChromium = existsSync(chromiumPath);

if (!hasPostgres) console.log('[creneau] PostgreSQL suite skipped: TEST_DATABASE_URL is not set.');
if (!hasChromium) console.log(`[creneau] Browser suite skipped: no Chromium at ${chromiumPath}.`);

const integration = ['src/**/*.int.test.ts', 'test/**/*.int.test.ts'];

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    projects: [
      {
        extends: true as const,
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts', 'web/src/**/*.test.ts', 'scripts/**/*.test.ts'],
          exclude: integration,
        },
      },
      {
        extends: true as const,
        test: { name: 'pglite', include: integration, env: { TEST_DB: 'pglite' } },
      },
      ...(hasPostgres
        ? [
            {
              extends: true as const,
              test: { name: 'postgres', include: integration, env: { TEST_DB: 'postgres' } },
            },
          ]
        : []),
      ...(hasChromium
        ? [
            {
              extends: true as const,
              test: {
                name: 'e2e',
                include: ['e2e/**/*.e2e.test.ts'],
                env: { CHROMIUM_PATH: chromiumPath },
                testTimeout: 60_000,
                hookTimeout: 180_000,
                fileParallelism: false,
              },
            },
          ]
        : []),
    ],
  },
});
