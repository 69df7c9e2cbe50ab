// The organizational-life rule versions: the built-in 2018 set (domain/rules/org-life.ts) and the city's
// later versions, kept as one settings row { versions: [{ effectiveFrom, title, rules }] }.
import type { Kysely } from 'kysely';
import type { DB } from '../../db/types.js';
import { ORG_LIFE_RULES_2018, ruleVersionProblems, type OrgLifeRuleSet } from '../../../domain/rules/org-life.js';
import { ZRuleVersionsBody, type TRuleVersionInput } from '../../../domain/schemas/org-life.js';
import { readSetting, writeSetting } from '../system/json-settings.js';
import { invalid } from '../../errors.js';

const KEY = 'org_life_rules';

const toSet = (v: TRuleVersionInput): OrgLifeRuleSet => ({
  version: v.effectiveFrom,
  effectiveFrom: v.effectiveFrom,
  title: v.title,
  rules: v.rules,
});

/** The city's own versions, oldest first (a malformed row reads as none: the 2018 set still applies). */
export async function cityRuleVersions(db: Kysely<DB>): Promise<OrgLifeRuleSet[]> {
  const parsed = ZRuleVersionsBody.safeParse(await readSetting(db, KEY, { versions: [] }));
  const versions = parsed.success ? parsed.data.versions.map(toSet) : [];
  return versions.sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom));
}

/** Every version, the built-in one first. */
export async function ruleSets(db: Kysely<DB>): Promise<OrgLifeRuleSet[]> {
  return [ORG_LIFE_RULES_2018, ...(await cityRuleVersions(db))];
}

/** Replaces the city's versions; history is kept (versions in force are immutable), see ruleVersionProblems. */
export async function putCityRuleVersions(db: Kysely<DB>, next: TRuleVersionInput[], today: string, now: Date): Promise<OrgLifeRuleSet[]> {
  const stored = await cityRuleVersions(db);
  const sets = next.map(toSet);
  const [problem] = ruleVersionProblems(stored, sets, today);
  if (problem) throw invalid(problem.message, problem.field);
  const sorted = sets.sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom));
  await writeSetting(db, KEY, { versions: sorted.map(({ effectiveFrom, title, rules }) => ({ effectiveFrom, title, rules })) }, now);
  return sorted;
}
