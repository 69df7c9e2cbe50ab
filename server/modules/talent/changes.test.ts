// The registry has one writer: no other file writes a talent_people row or a talent_history row.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

describe('one write path per talent record', () => {
  // Bulk rows go through the writer too (insertTalents: the demo's two thousand talents); only the test
  // builder writes set-up rows of its own, by name.
  const BULK = ['test/talent-builders.ts'];
  const WRITES =
    /(?:updateTable|insertInto)\(\s*'talent_people(?: as \w+)?'\s*\)|insertInto\(\s*'talent_history'\s*\)|insertInBatches\(\s*[\w.]+,\s*'talent_(?:people|history)'|update\s+talent_people\b|insert\s+into\s+(?:talent_people|talent_history)\b/i;

  it('leaves every write of a talent row or a history row to changes.ts', () => {
    const root = join(import.meta.dirname, '../..');
    const files = readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));
    const writers = files
      .filter((f) => WRITES.test(readFileSync(join(root, f), 'utf8')))
      .map((f) => relative(root, join(root, f)))
      .sort();
    const allowed = ['modules/talent/changes.ts', ...BULK];
    expect(writers.filter((w) => !allowed.includes(w))).toEqual([]);
    expect(writers).toContain('modules/talent/changes.ts');
    // the batch insert (db/batches.ts) is a write path too
    expect(WRITES.test("insertInBatches(trx, 'talent_history', rows)")).toBe(true);
  });
});
