// One write path for the 学时 ledger: every source adds its hours through server/modules/learning/credits.ts
// (upsertCredit, setCreditStatus, markDuplicate). The demo's bulk writer (set-based inserts for a city's
// year of hours) and the tests' builders (server/test/) are allowed by name.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ALLOWED = ['modules/learning/credits.ts', 'modules/learning-hours/demo.ts'];
const WRITES =
  /(?:updateTable|insertInto|deleteFrom)\(\s*'learning_credits(?: as \w+)?'\s*\)|insertInBatches\(\s*[\w.]+,\s*'learning_credits'|\b(?:update|insert\s+into|delete\s+from)\s+learning_credits\b/i;

describe('one write path for learning_credits', () => {
  it('leaves every write of the ledger to credits.ts (and the named demo bulk writer)', () => {
    const root = join(import.meta.dirname, '../..');
    const files = readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));
    const writers = files.filter((f) => WRITES.test(readFileSync(join(root, f), 'utf8')) && !f.startsWith('test/') && !ALLOWED.includes(f));
    expect(writers).toEqual([]);
    // The check can fail: the writer itself is found by the same pattern.
    expect(WRITES.test(readFileSync(join(root, 'modules/learning/credits.ts'), 'utf8'))).toBe(true);
    expect(WRITES.test("insertInBatches(db, 'learning_credits', rows)")).toBe(true);
  });
});
