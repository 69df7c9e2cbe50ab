import { defineConfig } from 'vitest/config';

// Integration tests share one database per worker; a file gets its own schema-reset database via server/test/test-app.ts.
export default defineConfig({
  test: {
    // China's calendar in every worker (server/timezone.ts does the same for the server).
    env: { TZ: process.env.ZUGONG_TZ || 'Asia/Shanghai' },
    include: ['domain/**/*.test.ts', 'server/**/*.test.ts', 'web/src/**/*.test.{ts,tsx}', 'scripts/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    fileParallelism: false,
  },
});
