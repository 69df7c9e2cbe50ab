// Demo data of branch standards for 示范市 (called by server/demo/seed-demo.ts): the default checklist,
// every branch reviewed and rated for the two previous years (history), this year's self-assessments
// partly drafted and submitted, and about 3 % of branches named weak with 2–4 rectification tasks.
// Deterministic (seeded PRNG), dated relative to `now`, bulk inserts in one transaction.
import { sql, type Insertable } from 'kysely';
import dayjs from 'dayjs';
import type { Db } from '../../db/engine.js';
import type { Trx } from '../../audit/audit-log.js';
import type { Keys } from '../../crypto/keys.js';
import type { RectificationTasksTable, StandardAssessmentsTable, StarRatingsTable } from '../../db/types-org-life.js';
import type { CityResult } from '../../demo/generate-city.js';
import { createRng, type Rng } from '../../demo/prng.js';
import { pathStrictlyBelow } from '../../scope/paths.js';
import { BRANCH_KINDS } from '../../../domain/org-kinds.js';
import { DEFAULT_CHECKLIST, starsFor, totalScore, WEAK_REASONS, type WeakReason } from '../../../domain/rules/standards.js';
import { todayCn } from '../../dates.js';
import { ensureDefaultChecklist } from './checklists.js';
import { COMMON_TASKS, drawTotal, RECTIFICATION_TEMPLATES, REVIEW_NOTES, selfTotalFor, sheetFor } from './demo-plan.js';

// Measured on the embedded engine: 500-row VALUES batches load these JSON rows faster than bigger batches or unnest arrays.
const BATCH = 500;
const items = DEFAULT_CHECKLIST.items;
const thresholds = DEFAULT_CHECKLIST.starThresholds;
const at = (date: string, hour = 10) => `${date}T${String(hour).padStart(2, '0')}:00:00+08:00`;
const clamp = (x: number) => Math.max(40, Math.min(100, Math.round(x * 2) / 2));

interface Branch {
  id: number;
  parent_id: number | null;
  path: string;
  established_on: string | null;
}

/** Multi-row inserts in batches (a few thousand rows at most: well under the bind-parameter limit). */
async function inBatches<T>(rows: T[], insert: (chunk: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += BATCH) await insert(rows.slice(i, i + BATCH));
}

export async function seedStandardsDemo(db: Db, city: CityResult, _keys: Keys, now: Date = new Date()): Promise<void> {
  const rng = createRng(2026, 61);
  const today = todayCn(now);
  const Y = Number(today.slice(0, 4));
  const district = await db.selectFrom('orgs').select('path').where('id', '=', city.sampleIds.district).executeTakeFirst();
  const branches: Branch[] = await db
    .selectFrom('orgs')
    .select(['id', 'parent_id', sql<string>`path::text`.as('path'), 'established_on'])
    .where('kind', 'in', [...BRANCH_KINDS])
    .where('status', '=', 'active')
    .where('parent_id', 'is not', null)
    .orderBy('id')
    .execute();

  await db.transaction().execute(async (trx) => {
    await ensureDefaultChecklist(trx);
    const checklist = await trx
      .selectFrom('standard_checklists')
      .select('id')
      .orderBy('effective_from')
      .orderBy('id')
      .executeTakeFirstOrThrow();
    const assessments: Insertable<StandardAssessmentsTable>[] = [];
    const ratings: Insertable<StarRatingsTable>[] = [];
    const lastStars = new Map<number, number>();
    let forcedSubmitted = 0;
    for (const b of branches) {
      const quality = drawTotal(rng);
      for (const year of [Y - 2, Y - 1]) {
        if (b.established_on && b.established_on > `${year}-12-31`) continue;
        const total = year === Y - 1 ? quality : clamp(quality + rng.int(-10, 6) / 2);
        const review = sheetFor(rng, items, total);
        const self = sheetFor(rng, items, selfTotalFor(rng, total), () => (rng.chance(0.2) ? '已对照标准自查，个别材料待补充' : null));
        const stars = starsFor(totalScore(items, review), thresholds);
        const drawn = `${year + 1}-${String(rng.int(1, 2)).padStart(2, '0')}-${String(rng.int(5, 25)).padStart(2, '0')}`;
        const reviewedOn = drawn < today ? drawn : today;
        assessments.push({
          org_id: b.id,
          year,
          checklist_id: checklist.id,
          status: 'reviewed',
          self_scores: JSON.stringify(self),
          self_total: String(totalScore(items, self)),
          submitted_at: at(`${year}-12-${String(rng.int(1, 28)).padStart(2, '0')}`),
          review_scores: JSON.stringify(review),
          review_total: String(totalScore(items, review)),
          review_note: rng.pick(REVIEW_NOTES),
          stars,
          reviewer_org_id: b.parent_id,
          reviewed_at: at(reviewedOn, 15),
          version: 3,
        });
        ratings.push({ org_id: b.id, year, stars, rated_on: reviewedOn, rated_by_org_id: b.parent_id });
        if (year === Y - 1) lastStars.set(b.id, stars);
      }
      // This year, in the last weeks: about 40 % submitted, 25 % drafting, a few returned.
      const inDistrict = !!district && pathStrictlyBelow(district.path, b.path);
      const isSample = b.id === city.sampleIds.branch;
      const draw = rng.next();
      const status = isSample
        ? 'draft'
        : inDistrict && forcedSubmitted < 3
          ? 'submitted'
          : draw < 0.4
            ? 'submitted'
            : draw < 0.65
              ? 'draft'
              : draw < 0.68
                ? 'returned'
                : null;
      if (!status) continue;
      if (status === 'submitted' && inDistrict) forcedSubmitted++;
      const own = sheetFor(rng, items, selfTotalFor(rng, clamp(quality + rng.int(-6, 6) / 2)));
      // A draft is filled in part: the first categories scored, the rest still open.
      const sheet = status === 'draft' ? Object.fromEntries(Object.entries(own).slice(0, rng.int(4, 14))) : own;
      const submittedOn = dayjs(today).subtract(rng.int(1, 30), 'day').format('YYYY-MM-DD');
      assessments.push({
        org_id: b.id,
        year: Y,
        checklist_id: checklist.id,
        status,
        self_scores: JSON.stringify(sheet),
        self_total: String(totalScore(items, sheet)),
        submitted_at: status === 'draft' ? null : at(submittedOn),
        version: status === 'draft' ? 1 : status === 'submitted' ? 2 : 3,
        ...(status === 'returned'
          ? { review_note: '组织生活记录不完整，请补充后重新提交', reviewer_org_id: b.parent_id, reviewed_at: at(today, 9) }
          : {}),
      });
    }
    await inBatches(assessments, (chunk) => trx.insertInto('standard_assessments').values(chunk).execute());
    await inBatches(ratings, (chunk) => trx.insertInto('star_ratings').values(chunk).execute());
    // Ratings point at their assessment: one join instead of a round trip per row.
    await sql`update star_ratings s set assessment_id = a.id from standard_assessments a where a.org_id = s.org_id and a.year = s.year and s.assessment_id is null`.execute(
      trx,
    );
    await seedWeakOrgs(trx, rng, branches, lastStars, city, Y, today);
  });
}

/** About 3 % of branches named this year (the low-rated first), with 2–4 tasks at various progress; a few of last year's accepted. */
async function seedWeakOrgs(
  trx: Trx,
  rng: Rng,
  branches: Branch[],
  lastStars: Map<number, number>,
  city: CityResult,
  Y: number,
  today: string,
) {
  const pool = branches.filter((b) => b.id !== city.sampleIds.branch);
  const low = rng.shuffle(pool.filter((b) => (lastStars.get(b.id) ?? 5) <= 2));
  const rest = rng.shuffle(pool.filter((b) => (lastStars.get(b.id) ?? 5) > 2));
  const thisYear = [...low.slice(0, Math.ceil(pool.length * 0.02)), ...rest.slice(0, Math.ceil(pool.length * 0.01))];
  const lastYear = rest.slice(-Math.ceil(pool.length * 0.01));
  const named = [...thisYear.map((b) => ({ b, year: Y })), ...lastYear.map((b) => ({ b, year: Y - 1 }))];
  if (!named.length) return;
  const weakRows = named.map(({ b, year }) => {
    const reasons = new Set<WeakReason>((lastStars.get(b.id) ?? 5) <= 2 && year === Y ? ['low_rating'] : []);
    const want = rng.int(1, 3);
    while (reasons.size < want) reasons.add(rng.pick(WEAK_REASONS.filter((r) => r !== 'other' && r !== 'low_rating')));
    // Named in the spring of its year (today at the latest, early in a year).
    const spring = `${year}-${String(rng.int(3, 5)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}`;
    const identified = spring < today ? spring : today;
    return {
      org_id: b.id,
      year,
      reasons: [...reasons],
      note: '经上级党组织调研排查，列为软弱涣散基层党组织',
      identified_on: identified,
      identified_org_id: b.parent_id,
      status: year === Y ? ('rectifying' as const) : ('rectified' as const),
      rectified_on: year === Y ? null : `${year}-12-${String(rng.int(10, 28)).padStart(2, '0')}`,
    };
  });
  const ids = await trx.insertInto('weak_orgs').values(weakRows).returning(['id', 'org_id', 'year', 'identified_on', 'reasons']).execute();
  const tasks: Insertable<RectificationTasksTable>[] = [];
  for (const w of ids) {
    const templates = [...(w.reasons as WeakReason[]).flatMap((r) => RECTIFICATION_TEMPLATES[r]), ...rng.shuffle(COMMON_TASKS)].slice(
      0,
      rng.int(2, 4),
    );
    for (const tpl of templates) {
      const due = dayjs(w.identified_on).add(rng.int(2, 9), 'month').format('YYYY-MM-DD');
      // Last year's are all done; this year's: most past-due ones done, some late, the later ones under way.
      const done = w.year < Y || (due < today ? rng.chance(0.6) : rng.chance(0.15));
      const progress = done ? 100 : rng.int(1, 9) * 10;
      tasks.push({
        weak_org_id: w.id,
        org_id: w.org_id,
        title: tpl.title,
        measure: tpl.measure,
        owner: rng.pick(['支部书记', '组织委员', '宣传委员', '纪检委员']),
        due_on: due,
        progress,
        status: done ? 'done' : 'open',
        done_on: done ? (due < today ? due : today) : null,
        note: done ? '已完成，资料已归档' : progress >= 50 ? '正在推进' : null,
        updated_at: new Date(at(done && due < today ? due : today, 16)),
      });
    }
  }
  await inBatches(tasks, (chunk) => trx.insertInto('rectification_tasks').values(chunk).execute());
}
