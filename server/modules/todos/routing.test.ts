// Who decides a request (the nearest strictly higher level with an account), and how urgent an item is.
import { describe, expect, it } from 'vitest';
import { todoSeverity } from '../../../domain/todo-kinds.js';
import { routedTo } from './routing.js';

describe('routedTo: the nearest strictly higher organization with an account decides', () => {
  // City 1 › district 1.2 › 街道 1.2.3 › branch 1.2.3.4
  it.each([
    ['the district, when the 街道 between has no account', '1.2', '1.2.3.4', [], true],
    ['not the district, when the 街道 has one', '1.2', '1.2.3.4', ['1.2.3'], false],
    ['the 街道 itself, when it has one', '1.2.3', '1.2.3.4', ['1.2.3'], true],
    ['not the city, when the district has one', '1', '1.2.3.4', ['1.2'], false],
    ['the city, when nobody between has one (accounts at the requester do not count)', '1', '1.2.3.4', ['1.2.3.4'], true],
    ['never the requesting organization itself', '1.2.3.4', '1.2.3.4', [], false],
    ['never an organization outside the requester’s line', '1.5', '1.2.3.4', [], false],
    ['not a prefix that is not an ancestor (1.2 is not above 1.23)', '1.2', '1.23.4', [], false],
  ] as const)('%s', (_name, root, request, covered, expected) => {
    expect(routedTo(root, request, new Set(covered))).toBe(expected);
  });
});

describe('todoSeverity', () => {
  it.each([
    [null, false, 'low'],
    ['2026-11-20', true, 'high'],
    ['2026-11-24', false, 'medium'],
    ['2026-12-01', false, 'medium'],
    ['2026-12-02', false, 'low'],
  ] as const)('due %s, overdue %s → %s', (due, overdue, expected) => {
    expect(todoSeverity(due, '2026-11-24', overdue)).toBe(expected);
  });
});
