// The demo bank read from demo-questions/*.json: every fact file is found and valid next to the module, each
// fact with a blank makes its four questions, and two reads give the same bank (the seeder relies on it).
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { demoQuestions } from './demo-questions.js';

describe('demo questions', () => {
  const questions = demoQuestions();

  it('reads every fact file in demo-questions/', () => {
    const files = readdirSync(new URL('./demo-questions/', import.meta.url)).filter((f) => f.endsWith('.json'));
    const categories = new Set(questions.map((q) => q.category));
    // One file of facts with a blank per category, plus the lists of all categories.
    expect(files.filter((f) => f.startsWith('blanks-'))).toHaveLength(categories.size);
    expect(files).toContain('lists.json');
  });

  it('turns each fact with a blank into a single choice, a fill-in, a true and a false statement', () => {
    const fills = questions.filter((q) => q.type === 'fill');
    const singles = questions.filter((q) => q.type === 'single');
    const judges = questions.filter((q) => q.type === 'judge');
    expect(fills.length).toBeGreaterThan(0);
    expect(singles).toHaveLength(fills.length);
    expect(judges.filter((q) => q.answer === true)).toHaveLength(fills.length);
    expect(judges.filter((q) => q.answer === false)).toHaveLength(fills.length);
    for (const q of fills) expect(q.stem).toContain('____');
    for (const q of singles) expect(q.options).toHaveLength(4);
  });

  it('makes multiple-choice questions with at least two right options', () => {
    const multiple = questions.filter((q) => q.type === 'multiple');
    expect(multiple.length).toBeGreaterThan(0);
    for (const q of multiple) expect((q.answer as number[]).length).toBeGreaterThanOrEqual(2);
  });

  it('gives the same bank on every read', () => {
    expect(demoQuestions()).toEqual(questions);
  });
});
