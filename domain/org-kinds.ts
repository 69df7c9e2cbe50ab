// The kinds of Party organization and the unit types they sit in (PRODUCT.md "Organizations").

export const ORG_KINDS = [
  'city_committee', // 市委
  'county_committee', // 县(区)委
  'township_committee', // 乡镇(街道)党(工)委
  'party_committee', // 党委 (基层党委)
  'general_branch', // 党总支
  'branch', // 党支部
  'joint_branch', // 联合党支部
  'temporary_branch', // 临时党支部
  'party_group', // 党小组
] as const;
export type OrgKind = (typeof ORG_KINDS)[number];

export const ORG_KIND_LABELS: Record<OrgKind, { zh: string; en: string }> = {
  city_committee: { zh: '市委', en: 'City committee' },
  county_committee: { zh: '县(区)委', en: 'County/district committee' },
  township_committee: { zh: '乡镇(街道)党(工)委', en: 'Township/street committee' },
  party_committee: { zh: '党委', en: 'Party committee' },
  general_branch: { zh: '党总支', en: 'General branch' },
  branch: { zh: '党支部', en: 'Branch' },
  joint_branch: { zh: '联合党支部', en: 'Joint branch' },
  temporary_branch: { zh: '临时党支部', en: 'Temporary branch' },
  party_group: { zh: '党小组', en: 'Party group' },
};

/** Which kinds may sit directly under which: a 党小组 is a leaf, committees hold committees or organizations. */
export const ALLOWED_CHILD_KINDS: Record<OrgKind, readonly OrgKind[]> = {
  city_committee: ['county_committee', 'party_committee', 'general_branch', 'branch', 'temporary_branch'],
  county_committee: ['township_committee', 'party_committee', 'general_branch', 'branch', 'joint_branch', 'temporary_branch'],
  township_committee: ['party_committee', 'general_branch', 'branch', 'joint_branch', 'temporary_branch'],
  party_committee: ['party_committee', 'general_branch', 'branch', 'joint_branch', 'temporary_branch'],
  general_branch: ['branch', 'joint_branch', 'temporary_branch'],
  branch: ['party_group'],
  joint_branch: ['party_group'],
  temporary_branch: ['party_group'],
  party_group: [],
};

export const BRANCH_KINDS: readonly OrgKind[] = ['branch', 'joint_branch', 'temporary_branch'];

export const UNIT_TYPES = [
  'organ', // 机关
  'institution', // 事业单位
  'soe', // 国有企业
  'private_enterprise', // 非公有制企业
  'rural', // 农村
  'community', // 社区
  'school', // 学校
  'hospital', // 医院
  'social_org', // 社会组织
  'other', // 其他
] as const;
export type UnitType = (typeof UNIT_TYPES)[number];

export const UNIT_TYPE_LABELS: Record<UnitType, { zh: string; en: string }> = {
  organ: { zh: '机关', en: 'Government organ' },
  institution: { zh: '事业单位', en: 'Public institution' },
  soe: { zh: '国有企业', en: 'State-owned enterprise' },
  private_enterprise: { zh: '非公有制企业', en: 'Private enterprise' },
  rural: { zh: '农村', en: 'Village' },
  community: { zh: '社区', en: 'Community' },
  school: { zh: '学校', en: 'School' },
  hospital: { zh: '医院', en: 'Hospital' },
  social_org: { zh: '社会组织', en: 'Social organization' },
  other: { zh: '其他', en: 'Other' },
};

export const COMMITTEE_POSTS = ['secretary', 'deputy_secretary', 'member'] as const;
export type CommitteePost = (typeof COMMITTEE_POSTS)[number];
export const COMMITTEE_POST_LABELS: Record<CommitteePost, { zh: string; en: string }> = {
  secretary: { zh: '书记', en: 'Secretary' },
  deputy_secretary: { zh: '副书记', en: 'Deputy secretary' },
  member: { zh: '委员', en: 'Member' },
};
