import { defineConfig } from 'vitest/config';

// Browser tests: one server on a fresh demo data folder (e2e/global-setup.ts), Debian's chromium.
export default defineConfig({
  test: {
    // China's calendar in every worker (server/timezone.ts does the same for the server).
    env: { TZ: process.env.ZUGONG_TZ || 'Asia/Shanghai' },
    include: ['e2e/**/*.e2e.ts'],
    globalSetup: ['e2e/global-setup.ts'],
    // A failed test's report says what each open page showed (e2e/on-failure.ts).
    setupFiles: ['e2e/on-failure.ts'],
    testTimeout: 90_000,
    // A page that saves and re-renders under CI load takes more than expect.poll's default second.
    expect: { poll: { timeout: 15_000 } },
    hookTimeout: 180_000,
    fileParallelism: false,
  },
});
