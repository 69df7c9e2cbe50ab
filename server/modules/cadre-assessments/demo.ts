// Demo data of the assessment for 示范市 (called by server/demo/seed-demo.ts after the cadre demo): the
// annual assessment of the year being worked on (workingYear) for the cadre units with serving cadres,
// within the 优秀 quota and the sanctions rules; most units confirmed (on the files), one submitted and
// waiting for confirmation, one over its quota still in draft (its submit button says why). People whose
// file already holds that year's result stay out. It finds the cadres by query and does nothing when
// there are none (the cadre demo is written elsewhere) or when it has already run.
import type { CityResult } from '../../demo/generate-city.js';
import type { Db } from '../../db/engine.js';
import { todayCn } from '../../dates.js';
import { excellentQuota, workingYear } from '../../../domain/rules/assessment.js';
import { allowedFor } from './eligibility.js';
import { publishToFile } from './publish.js';
import { noIdNumbers } from '../../crypto/no-id-numbers.js';

// The demo publishes grades only: the writer never needs to seal an identity number here.
const NO_ID_NUMBERS = noIdNumbers('the assessment demo');

const MAX_UNITS = 12;

export async function seedAssessmentsDemo(db: Db, _city: CityResult, now: Date = new Date()): Promise<void> {
  if (await db.selectFrom('assessment_units').select('id').limit(1).executeTakeFirst()) return;
  const year = workingYear(todayCn(now));
  const cadres = await db
    .selectFrom('cadres as c')
    .innerJoin('cadre_units as u', 'u.id', 'c.current_unit_id')
    .select(['c.id', 'u.id as unit_id', 'u.name as unit_name', 'u.manager_org_id'])
    .where('c.status', '=', 'active')
    .where('u.dissolved_on', 'is', null)
    // People whose file already holds this year's result (the cadre demo writes past years) stay out of it.
    .where((eb) =>
      eb.not(
        eb.exists(
          eb.selectFrom('cadre_assessments as a').select('a.cadre_id').whereRef('a.cadre_id', '=', 'c.id').where('a.year', '=', year),
        ),
      ),
    )
    .orderBy('u.id')
    .orderBy('c.sort_key')
    .orderBy('c.id')
    .execute();
  const byUnit = new Map<number, typeof cadres>();
  for (const c of cadres) byUnit.set(c.unit_id, [...(byUnit.get(c.unit_id) ?? []), c]);
  // Units large enough to have a quota of at least one 优秀.
  const units = [...byUnit.values()].filter((xs) => xs.length >= 5).slice(0, MAX_UNITS);
  if (units.length === 0) return;
  await db.transaction().execute(async (trx) => {
    for (const [i, people] of units.entries()) {
      const last = i === units.length - 1;
      const status = last && units.length > 1 ? 'draft' : i === units.length - 2 ? 'submitted' : 'confirmed';
      const allowed = await allowedFor(
        trx,
        year,
        people.map((p) => ({ cadreId: p.id, newHireUntil: null })),
      );
      // The draft one gives one 优秀 too many: the quota stops its submission.
      let excellent = excellentQuota(people.length) + (status === 'draft' ? 1 : 0);
      const grades = people.map((p, k) => {
        const a = allowed.get(p.id)!;
        if (a.commentsOnly) return { grade: '不定等次', comment: a.reason };
        if (excellent > 0 && a.grades.includes('优秀')) {
          excellent--;
          return { grade: '优秀', comment: '' };
        }
        if (k === people.length - 1 && people.length >= 8 && a.grades.includes('基本称职')) return { grade: '基本称职', comment: '' };
        return { grade: a.grades.includes('称职') ? '称职' : a.grades[0], comment: '' };
      });
      const at = new Date(now.getTime() - (units.length - i) * 3_600_000);
      const u = await trx
        .insertInto('assessment_units')
        .values({
          year,
          name: people[0].unit_name,
          manager_org_id: people[0].manager_org_id,
          cadre_unit_id: people[0].unit_id,
          status,
          submitted_at: status === 'draft' ? null : at,
          decided_at: status === 'confirmed' ? at : null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await trx
        .insertInto('assessment_entries')
        .values(people.map((p, sort) => ({ unit_id: u.id, cadre_id: p.id, year, sort, ...grades[sort] })))
        .execute();
      if (status === 'confirmed')
        await publishToFile(
          { db: trx, actor: null, clock: { now: () => at }, crypto: NO_ID_NUMBERS },
          year,
          people.map((p, k) => ({ cadreId: p.id, grade: grades[k].grade, note: grades[k].grade === '不定等次' ? grades[k].comment : '' })),
        );
    }
  });
}
