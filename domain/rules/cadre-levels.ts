// Leadership levels (领导职务层次) of Party and government cadres, as an ordered list from the top. The
// 《党政领导干部选拔任用工作条例》 speaks of 县处级 (正处/副处), 厅局级 (正厅/副厅) and "下一级"; the 公务员法
// (2018) 第十八条 lists 国家级正副职 … 乡科级正副职 — the two national levels are outside a city system.

export const CADRE_LEVELS = ['正部', '副部', '正厅', '副厅', '正处', '副处', '正科', '副科'] as const;
export type CadreLevel = (typeof CADRE_LEVELS)[number];

export const CADRE_TIERS = ['省部级', '厅局级', '县处级', '乡科级'] as const;
export type CadreTier = (typeof CADRE_TIERS)[number];

export function isCadreLevel(level: string): level is CadreLevel {
  return (CADRE_LEVELS as readonly string[]).includes(level);
}

/** 1 for 副科 … 8 for 正部: a higher number is a higher level. */
export function levelRank(level: CadreLevel): number {
  return CADRE_LEVELS.length - CADRE_LEVELS.indexOf(level);
}

/** 正处 and 副处 are 县处级, and so on. */
export function tierOf(level: CadreLevel): CadreTier {
  return CADRE_TIERS[Math.floor(CADRE_LEVELS.indexOf(level) / 2)];
}

/** The principal (正职) of a tier; the other is its deputy (副职). */
export const isPrincipal = (level: CadreLevel) => level.startsWith('正');

/** Steps from one level up to another: 正科 → 副处 is 1, 副科 → 副处 is 2 (one level skipped, 越级). */
export const levelSteps = (from: CadreLevel, to: CadreLevel) => levelRank(to) - levelRank(from);

/** Whether a level is at or above a tier (正处 is at or above 县处级, 正科 is not). */
export const atOrAbove = (level: CadreLevel, tier: CadreTier) =>
  tierOf(level) === tier || CADRE_TIERS.indexOf(tierOf(level)) < CADRE_TIERS.indexOf(tier);

/** The tier below (下一级): 乡科级 for 县处级; null for 乡科级. */
export function tierBelow(tier: CadreTier): CadreTier | null {
  return CADRE_TIERS[CADRE_TIERS.indexOf(tier) + 1] ?? null;
}
