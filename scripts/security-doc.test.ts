// docs/security.md maps each item of the security checklist to the tests that prove it. This test
// keeps the map honest: every test it names must still exist, in the file it names.
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const doc = readFileSync('docs/security.md', 'utf8');
// A cited test: `path/file.test.ts` › the test's name (up to the next `<br>`, ` |` or line end).
const CITE = /`([\w./-]+\.(?:test|e2e)\.ts)` › (.+?)(?=<br>| \||$)/gm;

describe('docs/security.md', () => {
  const cites = [...doc.matchAll(CITE)].map((m) => ({ file: m[1], name: m[2].trim() }));

  it('covers the 30 items of the checklist', () => {
    const items = new Set([...doc.matchAll(/^\| (\d{1,2}) \|/gm)].map((m) => Number(m[1])));
    expect([...items].sort((a, b) => a - b)).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
    expect(cites.length).toBeGreaterThan(30);
  });

  it('names only tests that exist', () => {
    const missing = cites.filter(({ file, name }) => {
      if (!existsSync(file)) return true;
      const src = readFileSync(file, 'utf8');
      return ![`'${name}'`, `'${name.replaceAll("'", "\\'")}'`, `"${name}"`, `\`${name}\``].some((q) => src.includes(q));
    });
    expect(missing.map((m) => `${m.file} › ${m.name}`)).toEqual([]);
  });
});
