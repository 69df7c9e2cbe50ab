import { defineConfig } from 'vitest/config';

// Each integration test file gets its own database (server/test/test-engine.ts), copied from starting points
// server/test/global-setup.ts builds once per run.
export default defineConfig({
  test: {
    // China's calendar in every worker (server/timezone.ts does the same for the server).
    env: { TZ: process.env.ZUGONG_TZ || 'Asia/Shanghai' },
    include: ['domain/**/*.test.ts', 'server/**/*.test.ts', 'web/src/**/*.test.{ts,tsx}', 'scripts/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    globalSetup: ['server/test/global-setup.ts'],
    pool: 'forks',
    // A worker runs its files one after another in one process, importing the app once: per-file isolation
    // re-imported it for each of 151 files (the PGlite suite took 600 s with it, 339 s without). Each file
    // still has its own database and app; no test file mocks modules or leaves globals behind.
    isolate: false,
    // Two files at a time (the CI machine has 2 cores); each has its own database, so they cannot meet.
    maxWorkers: Number(process.env.ZUGONG_TEST_WORKERS) || 2,
  },
});
