import { describe, expect, it } from 'vitest';
import { orgSetupWarnings, type OrgSetupFacts } from './org-setup';

const base: OrgSetupFacts = { kind: 'branch', fullMembers: 5, probationaryMembers: 0, committeeSize: 1, hasSecretary: true };
const codes = (f: Partial<OrgSetupFacts>) =>
  orgSetupWarnings({ ...base, ...f })
    .map((w) => w.code)
    .sort();

describe('orgSetupWarnings (RULES.md §4, 支部工作条例 第二章、第六章)', () => {
  it.each<[string, Partial<OrgSetupFacts>, string[]]>([
    ['a 5-member branch with a secretary is fine', {}, []],
    ['2 full members cannot form a branch of their own', { fullMembers: 2 }, ['too_few_for_branch']],
    ['3 full members may', { fullMembers: 3 }, []],
    ['6 full members need no committee', { fullMembers: 6, committeeSize: 1 }, []],
    ['7 full members and only a secretary', { fullMembers: 7, committeeSize: 1 }, ['committee_required']],
    ['7 full members with a 3-person committee', { fullMembers: 7, committeeSize: 3 }, []],
    ['50 members is the limit, not over it', { fullMembers: 47, probationaryMembers: 3, committeeSize: 5 }, []],
    ['51 members is over it', { fullMembers: 48, probationaryMembers: 3, committeeSize: 5 }, ['branch_too_large']],
    ['8-person committee is over 7', { fullMembers: 30, committeeSize: 8 }, ['committee_too_large']],
    ['no secretary', { hasSecretary: false, committeeSize: 0 }, ['no_secretary']],
    ['a joint branch may have fewer than 3', { kind: 'joint_branch', fullMembers: 2 }, []],
    ['a 党总支 with 100 members is due a 党委', { kind: 'general_branch', fullMembers: 100, committeeSize: 5 }, ['committee_due']],
    ['a 党总支 with 99 members is not', { kind: 'general_branch', fullMembers: 99, committeeSize: 5 }, []],
    ['a 党小组 needs no secretary', { kind: 'party_group', hasSecretary: false, committeeSize: 0 }, []],
  ])('%s', (_name, facts, expected) => {
    expect(codes(facts)).toEqual(expected);
  });

  it('cites the article with every warning', () => {
    for (const w of orgSetupWarnings({ ...base, fullMembers: 60, committeeSize: 1 })) {
      expect(w.article).toMatch(/条例|党章/);
    }
  });

  it('suggests a 基层党委 for a branch of 100 or more', () => {
    const w = orgSetupWarnings({ ...base, fullMembers: 120, committeeSize: 5 }).find((x) => x.code === 'branch_too_large');
    expect(w?.message).toContain('基层党委');
  });
});
