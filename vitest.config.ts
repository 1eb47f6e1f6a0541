import { defineConfig } from 'vitest/config';

/**
 * Projects:
 * - unit: pure domain modules.
 * - process: spawns the real entry points (secret refusal, unreachable MongoDB).
 * - sqlite / mongo-standin / mongodb: the same CMS integration suite against each
 *   database. `mongo-standin` is an in-process MongoDB-wire server, not MongoDB;
 *   `mongodb` runs only when MONGODB_URI names a real server.
 */
const integration = (name: string) => ({
  test: {
    name,
    include: ['tests/integration/**/*.test.ts'],
    env: { TEST_BACKEND: name, NODE_ENV: 'test' as const },
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});

export default defineConfig({
  test: {
    globalSetup: ['tests/support/global-setup.ts'],
    projects: [
      { test: { name: 'unit', include: ['tests/unit/**/*.test.ts'] } },
      { test: { name: 'process', include: ['tests/process/**/*.test.ts'], testTimeout: 60_000 } },
      integration('sqlite'),
      integration('mongo-standin'),
      ...(process.env.MONGODB_URI ? [integration('mongodb')] : []),
      // The public site's content loader against a real Payload over HTTP (SQLite).
      {
        test: {
          name: 'site',
          include: ['tests/site/**/*.test.ts'],
          env: { TEST_BACKEND: 'sqlite', NODE_ENV: 'test' as const },
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      // The built site in Debian's Chromium (Playwright + axe-core); skipped with its reason when Chromium is missing.
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          env: { TEST_BACKEND: 'sqlite', NODE_ENV: 'test' as const },
          testTimeout: 120_000,
          hookTimeout: 300_000,
        },
      },
      // The production-built admin in Debian's Chromium (editor workflow); skipped with its reason when Chromium is missing.
      { test: { name: 'admin', include: ['tests/admin/**/*.test.ts'], testTimeout: 120_000, hookTimeout: 600_000 } },
    ],
  },
});
