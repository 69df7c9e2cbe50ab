// An input must never cut what a person typed without a word (a 500-character organization name
// was saved as its first 100): length limits are Form rules (`{ max }`, whose message names the
// field) or a counter (`count={{ max }}`, which marks the field red and cuts nothing), never
// `maxLength`, which drops every character past the limit silently.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? sources(p) : /\.tsx?$/.test(name) ? [p] : [];
  });
}

describe('web inputs', () => {
  it('never truncate silently: no maxLength on any input', () => {
    const offenders = sources(join(import.meta.dirname, '.')).flatMap((file) =>
      readFileSync(file, 'utf8')
        .split('\n')
        .flatMap((line, i) => (/\bmaxLength\s*=/.test(line) ? [`${file}:${i + 1}`] : [])),
    );
    expect(offenders).toEqual([]);
  });
});
