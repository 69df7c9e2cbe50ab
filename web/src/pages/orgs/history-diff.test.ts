import { describe, expect, it } from 'vitest';
import { diffFields } from './history-diff';

describe('diffFields', () => {
  it('lists only the fields whose values changed', () => {
    const changes = diffFields({ name: '一支部', kind: 'branch', code: 'A1' }, { name: '第一支部', kind: 'branch', code: 'A1' });
    expect(changes).toEqual([{ field: 'name', before: '一支部', after: '第一支部' }]);
  });

  it('compares snake_case and camelCase snapshots alike and skips bookkeeping columns', () => {
    const changes = diffFields({ short_name: null, version: 1 }, { shortName: '一支', version: 2 });
    expect(changes).toEqual([{ field: 'shortName', before: null, after: '一支' }]);
  });

  it('shows every set field of a creation, with nothing before', () => {
    const changes = diffFields(null, { name: '新支部', unitType: null, kind: 'branch' });
    expect(changes.map((c) => c.field)).toEqual(['name', 'kind']);
  });

  it('treats arrays by value (committee lists)', () => {
    const list = [{ personName: '王芳', post: 'secretary' }];
    expect(diffFields({ committee: list }, { committee: [...list] })).toEqual([]);
  });
});

describe('diffFields on committee changes', () => {
  it('shows the member lists as one field, whatever the key style', () => {
    const before = [{ person_name: '王芳', post: 'secretary', term_start: null, term_end: null }];
    const after = [
      { personName: '王芳', post: 'secretary' },
      { personName: '李强', post: 'member' },
    ];
    const changes = diffFields(before, after);
    expect(changes).toHaveLength(1);
    expect(changes[0].field).toBe('committee');
    expect(changes[0].after).toEqual([
      { personName: '王芳', post: 'secretary' },
      { personName: '李强', post: 'member' },
    ]);
  });

  it('sees no change when the same members are set again', () => {
    const before = [{ person_name: '王芳', post: 'secretary', term_start: null, term_end: null }];
    const after = [{ personName: '王芳', post: 'secretary', termStart: null, termEnd: null }];
    expect(diffFields(before, after)).toEqual([]);
  });
});
