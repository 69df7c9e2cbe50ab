// Browser tests' setup file: when a test fails, its report also gives each open page's address and what the
// page says (browser.ts onScreen). CI keeps only the tail of its output, where the failed tests' errors are;
// a timeout alone (stop 27's CI: "waitForURL: Timeout 30000ms exceeded") could not tell what the screen showed.
import { afterEach } from 'vitest';
import { onScreen } from './browser.js';

afterEach(async ({ task }) => {
  if (task.result?.state !== 'fail') return;
  const seen = await onScreen();
  if (seen.length) throw new Error(`on screen when the test failed:\n${seen.join('\n')}`);
});
