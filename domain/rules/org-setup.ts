// Set-up rules for Party organizations (RULES.md §4), shown as warnings on the organization page.
// Sources: 《中国共产党支部工作条例（试行）》(2018) 第二章 组织设置 and 第六章 党支部委员会;
// 《中国共产党章程》第三十条 for committees by member count.
import { BRANCH_KINDS, type OrgKind } from '../org-kinds';

export const ORG_SETUP_RULES = {
  /** 支部工作条例 第二章: 有正式党员3人以上的，都应当成立党支部 */
  minFullMembersForBranch: 3,
  /** 支部工作条例 第二章: 党支部党员人数一般不超过50人 */
  maxBranchMembers: 50,
  /** 支部工作条例 第六章: 有正式党员7人以上的党支部，应当设立党支部委员会 */
  committeeFromFullMembers: 7,
  /** 支部工作条例 第六章: 党支部委员会由3至5人组成，一般不超过7人 */
  committeeMin: 3,
  committeeUsualMax: 5,
  committeeMax: 7,
  /** 党章第三十条 and practice (RULES.md §4): 50–100 members → 党总支; ≥100 → 基层党委 */
  generalBranchFrom: 50,
  primaryCommitteeFrom: 100,
} as const;

const ARTICLE = {
  branchSetup: '《中国共产党支部工作条例（试行）》第二章 组织设置',
  committee: '《中国共产党支部工作条例（试行）》第六章 党支部委员会',
  byCount: '《中国共产党章程》第三十条；RULES.md §4',
} as const;

export interface OrgSetupFacts {
  kind: OrgKind;
  fullMembers: number;
  probationaryMembers: number;
  /** Number of committee members on record (书记 included). */
  committeeSize: number;
  hasSecretary: boolean;
}

export interface OrgWarning {
  code: string;
  level: 'warning' | 'info';
  message: string;
  article: string;
}

export function orgSetupWarnings(f: OrgSetupFacts): OrgWarning[] {
  const r = ORG_SETUP_RULES;
  const total = f.fullMembers + f.probationaryMembers;
  const out: OrgWarning[] = [];
  const isBranch = BRANCH_KINDS.includes(f.kind);
  if (f.kind !== 'party_group' && !f.hasSecretary) {
    out.push({ code: 'no_secretary', level: 'warning', message: '未配备书记', article: ARTICLE.committee });
  }
  if (f.kind === 'branch' && f.fullMembers < r.minFullMembersForBranch) {
    out.push({
      code: 'too_few_for_branch',
      level: 'warning',
      message: `正式党员 ${f.fullMembers} 人，不足 ${r.minFullMembersForBranch} 人，应与邻近单位成立联合党支部`,
      article: ARTICLE.branchSetup,
    });
  }
  if (isBranch && total > r.maxBranchMembers) {
    const suggestion = total >= r.primaryCommitteeFrom ? '基层党委' : '党总支';
    out.push({
      code: 'branch_too_large',
      level: 'warning',
      message: `党员 ${total} 人，超过党支部一般不超过 ${r.maxBranchMembers} 人的规定，宜调整设置或成立${suggestion}`,
      article: ARTICLE.branchSetup,
    });
  }
  if (isBranch && f.fullMembers >= r.committeeFromFullMembers && f.committeeSize < r.committeeMin) {
    out.push({
      code: 'committee_required',
      level: 'warning',
      message: `正式党员 ${f.fullMembers} 人（7 人以上），应设立支部委员会（3 至 5 人）`,
      article: ARTICLE.committee,
    });
  }
  if (isBranch && f.committeeSize > r.committeeMax) {
    out.push({
      code: 'committee_too_large',
      level: 'warning',
      message: `支部委员会 ${f.committeeSize} 人，一般不超过 ${r.committeeMax} 人`,
      article: ARTICLE.committee,
    });
  }
  if (f.kind === 'general_branch' && total >= r.primaryCommitteeFrom) {
    out.push({
      code: 'committee_due',
      level: 'info',
      message: `党员 ${total} 人（100 人以上），可按规定成立基层党委`,
      article: ARTICLE.byCount,
    });
  }
  return out;
}
