// Who could be promoted to a post (issue 13 point 2, at 动议): every serving cadre managed inside the caller's
// subtree checked against the post's level by the eligibility rule (domain/rules/cadre-eligibility.ts), the files
// read set-based (eligibility.ts cadreRecordsOf), the rule applied in memory. Three answers per cadre: meets every
// condition; only overridable conditions unmet (破格 with stated reasons, or training completed within a year);
// barred (a condition no override lifts). Cadres at or above the post's level are not a promotion and not counted.
import type { Db } from '../../db/engine.js';
import { notFound } from '../../errors.js';
import { checkEligibility } from '../../../domain/rules/cadre-eligibility.js';
import { isCadreLevel, levelRank } from '../../../domain/rules/cadre-levels.js';
import type { TEligibleForPost } from '../../../domain/schemas/cadre-selections.js';
import { currentLevel } from '../../../domain/rules/cadre-eligibility.js';
import { cadreRecordsOf } from './eligibility.js';

export async function eligibleForPost(db: Db, scopePath: string, postId: number, onDate: string, limit: number): Promise<TEligibleForPost> {
  const post = await db
    .selectFrom('cadre_posts as p')
    .innerJoin('cadre_units as u', 'u.id', 'p.unit_id')
    .select(['p.id', 'p.title', 'p.level', 'u.name as unit_name'])
    .where('p.id', '=', postId)
    .executeTakeFirst();
  if (!post) throw notFound('职位');
  const level = isCadreLevel(post.level) ? post.level : '副科';
  const records = await cadreRecordsOf(db, { scopePath }, onDate);
  let checked = 0;
  let notPromotion = 0;
  const eligible: { id: number; failed: string[] }[] = [];
  const exceptional: { id: number; failed: string[] }[] = [];
  let barred = 0;
  for (const [id, record] of records) {
    checked++;
    const from = currentLevel(record, onDate);
    if (from && levelRank(level) <= levelRank(from)) {
      notPromotion++;
      continue;
    }
    const r = checkEligibility(record, { level, title: post.title }, onDate);
    const unmet = r.findings.filter((f) => !f.met);
    if (unmet.length === 0) eligible.push({ id, failed: [] });
    else if (unmet.every((f) => f.overridable || f.rule === 'exceptional-reasons'))
      exceptional.push({ id, failed: unmet.map((f) => f.reason) });
    else barred++;
  }
  const shown = [...eligible, ...exceptional].slice(0, limit);
  const names = shown.length
    ? await db
        .selectFrom('cadres')
        .select(['id', 'name', 'current_title', 'level'])
        .where(
          'id',
          'in',
          shown.map((x) => x.id),
        )
        .execute()
    : [];
  const byId = new Map(names.map((n) => [n.id, n]));
  return {
    post: { id: post.id, title: `${post.unit_name} ${post.title}`, level: post.level },
    onDate,
    checked,
    notPromotion,
    eligible: eligible.length,
    exceptional: exceptional.length,
    barred,
    items: shown.map((x) => {
      const n = byId.get(x.id);
      return { cadreId: x.id, name: n?.name ?? '', currentTitle: n?.current_title ?? '', level: n?.level ?? null, unmet: x.failed };
    }),
  };
}
