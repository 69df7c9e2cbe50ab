import { describe, expect, it, vi } from 'vitest';
import { deriveKeys } from '../../../crypto/keys.js';
import { earlyThreads, prepareReader } from './read-pool.js';
import { importTemplate } from './template.js';

describe('reading threads started with the upload', () => {
  it('starts at most two ahead of their files, however many uploads arrive; the others start when the job reads', async () => {
    const readers = [1, 2, 3, 4, 5].map(() => prepareReader());
    expect(earlyThreads()).toBe(2);
    // A reader past the bound still reads: its thread starts now. The template has its header and no rows.
    const keys = deriveKeys('read-pool-test');
    const batches = [];
    for await (const b of readers[4].read({
      file: await importTemplate(),
      orgs: [],
      today: '2026-12-05',
      keys: { sm4: keys.sm4, hmac: keys.hmac },
      batch: 10,
      firstBatch: 2,
      recordsApart: true,
      maxErrors: 10,
    })) {
      batches.push(b);
      b.next();
    }
    expect(batches.map((b) => [b.rowsRead, b.errorCount])).toEqual([[0, 0]]);
    expect(earlyThreads()).toBe(2);
    await Promise.all(readers.map((r) => r.cancel()));
    await vi.waitFor(() => expect(earlyThreads()).toBe(0));
  });
});
