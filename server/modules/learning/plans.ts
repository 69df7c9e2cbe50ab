// Learning plans (issue 14 point 2): issued by an organization to its subtree for chosen audiences, with
// materials and optional quizzes (a quiz item is done when the ledger holds the learner's `quiz:<id>`
// row; the quizzes module is separate, so no foreign key), required 学时 and a period; closed at its end.
import { sql } from 'kysely';
import type { TMyPlan, TPlan, TPlanAudience, TPlanCreate } from '../../../domain/schemas/learning.js';
import { audited } from '../../audit/record.js';
import type { Ctx } from '../../context.js';
import type { Db } from '../../db/engine.js';
import { invalid } from '../../errors.js';
import { learnerKeyCol, type Learner } from './learner.js';

interface PlanRow {
  id: number;
  org_id: number;
  org_name: string;
  org_path: string;
  title: string;
  description: string;
  audiences: string[];
  cadre_levels: string[];
  required_hours: string | number;
  starts_on: string;
  ends_on: string;
  closed_at: Date | null;
}

/** A plan is upcoming before its start, closed after its end or when closed by hand, open otherwise. */
export function planStatus(p: Pick<PlanRow, 'starts_on' | 'ends_on' | 'closed_at'>, today: string): TPlan['status'] {
  if (p.closed_at || today > p.ends_on) return 'closed';
  return today < p.starts_on ? 'upcoming' : 'open';
}

const planSelect = (db: Db) =>
  db
    .selectFrom('learning_plans as p')
    .innerJoin('orgs as o', 'o.id', 'p.org_id')
    .select([
      'p.id',
      'p.org_id',
      'o.name as org_name',
      sql<string>`o.path::text`.as('org_path'),
      'p.title',
      'p.description',
      'p.audiences',
      'p.cadre_levels',
      'p.required_hours',
      'p.starts_on',
      'p.ends_on',
      'p.closed_at',
    ]);

async function presentPlans(db: Db, rows: PlanRow[], today: string): Promise<TPlan[]> {
  if (!rows.length) return [];
  const items = await db
    .selectFrom('learning_plan_items as i')
    .leftJoin('learning_materials as m', (j) => j.onRef('m.id', '=', 'i.ref_id').on('i.kind', '=', 'material'))
    .select(['i.plan_id', 'i.kind', 'i.ref_id', 'm.title', 'm.length_seconds'])
    .where(
      'i.plan_id',
      'in',
      rows.map((r) => r.id),
    )
    .orderBy('i.plan_id')
    .orderBy('i.position')
    .execute();
  return rows.map((r) => ({
    id: Number(r.id),
    orgId: Number(r.org_id),
    orgName: r.org_name,
    title: r.title,
    description: r.description,
    audiences: r.audiences as TPlanAudience[],
    cadreLevels: r.cadre_levels,
    requiredHours: Number(r.required_hours),
    startsOn: r.starts_on,
    endsOn: r.ends_on,
    status: planStatus(r, today),
    items: items
      .filter((i) => Number(i.plan_id) === Number(r.id))
      .map((i) => ({ kind: i.kind, refId: Number(i.ref_id), title: i.title ?? null, lengthSeconds: i.length_seconds ?? null })),
  }));
}

export async function listPlans(ctx: Ctx): Promise<TPlan[]> {
  const rows = await planSelect(ctx.db)
    .where(sql<boolean>`o.path <@ ${ctx.actor.scopePath}::ltree`)
    .orderBy('p.starts_on', 'desc')
    .orderBy('p.id', 'desc')
    .limit(200)
    .execute();
  return presentPlans(ctx.db, rows as PlanRow[], ctx.today());
}

export async function loadPlan(
  db: Db,
  id: number,
  today: string,
): Promise<TPlan & { orgPath: string; quizRefs: string[]; materialRefs: string[] }> {
  const row = (await planSelect(db).where('p.id', '=', id).executeTakeFirstOrThrow()) as PlanRow;
  const [plan] = await presentPlans(db, [row], today);
  return {
    ...plan,
    orgPath: row.org_path,
    materialRefs: plan.items.filter((i) => i.kind === 'material').map((i) => `material:${i.refId}`),
    quizRefs: plan.items.filter((i) => i.kind === 'quiz').map((i) => `quiz:${i.refId}`),
  };
}

export async function createPlan(ctx: Ctx, p: TPlanCreate): Promise<number> {
  if (p.audiences.includes('cadres') === false && p.cadreLevels.length) throw invalid('只有学习对象包含干部时才能选择职级', 'cadreLevels');
  const materialIds = [...new Set(p.items.filter((i) => i.kind === 'material').map((i) => i.refId))];
  if (materialIds.length) {
    // A plan lists materials its audience can open: published by its organization, one below it... or above it.
    const ok = await sql<{ id: number }>`select m.id from learning_materials m join orgs o on o.id = m.org_id
        join orgs po on po.id = ${p.orgId}
        where m.id = any(${materialIds}::bigint[]) and m.status = 'published' and (o.path <@ po.path or po.path <@ o.path)`.execute(ctx.db);
    const found = new Set(ok.rows.map((r) => Number(r.id)));
    const missing = materialIds.find((id) => !found.has(id));
    if (missing) throw invalid(`学习材料 ${missing} 不存在或不在本组织可用范围内`, 'items');
  }
  return audited(
    ctx,
    {
      action: 'learning.plan.create',
      objectType: 'learning_plan',
      objectId: (id) => id,
      detail: () => ({ title: p.title, orgId: p.orgId, items: p.items.length }),
    },
    async (trx) => {
      const row = await trx
        .insertInto('learning_plans')
        .values({
          org_id: p.orgId,
          title: p.title,
          description: p.description,
          audiences: p.audiences,
          cadre_levels: p.cadreLevels,
          required_hours: p.requiredHours,
          starts_on: p.startsOn,
          ends_on: p.endsOn,
          created_by: ctx.actor.userId,
          created_at: ctx.clock.now(),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const id = Number(row.id);
      const seen = new Set<string>();
      const items = p.items.filter((i) => !seen.has(`${i.kind}:${i.refId}`) && seen.add(`${i.kind}:${i.refId}`));
      if (items.length)
        await trx
          .insertInto('learning_plan_items')
          .values(items.map((i, position) => ({ plan_id: id, kind: i.kind, ref_id: i.refId, position })))
          .execute();
      return id;
    },
  );
}

export async function closePlan(ctx: Ctx, id: number): Promise<void> {
  await audited(ctx, { action: 'learning.plan.close', objectType: 'learning_plan', objectId: () => id }, (trx) =>
    trx.updateTable('learning_plans').set({ closed_at: ctx.clock.now() }).where('id', '=', id).where('closed_at', 'is', null).execute(),
  );
}

/** What the records say about a learner, for matching plan audiences. */
interface LearnerFacts {
  probationary: boolean;
  committee: boolean;
  cadreLevel: string | null;
  cadrePath: string | null;
}

async function learnerFacts(ctx: Pick<Ctx, 'db' | 'today'>, l: Learner): Promise<LearnerFacts> {
  const r = await sql<LearnerFacts & { cadre_path: string | null; cadre_level: string | null }>`
    select coalesce((select category = 'probationary' from members where id = ${l.memberId}), false) as probationary,
           exists (select 1 from members m join org_committee_members cm on cm.org_id = m.org_id and cm.person_name = m.name
                    where m.id = ${l.memberId} and (cm.term_end is null or cm.term_end >= ${ctx.today()}::date)) as committee,
           c.level as cadre_level, c.manager_path::text as cadre_path
      from (select 1) x left join cadres c on c.status = 'active' and (c.id = ${l.cadreId} or (${l.memberId}::bigint is not null and c.member_id = ${l.memberId}))`.execute(
    ctx.db,
  );
  const f = r.rows[0];
  return { probationary: f.probationary, committee: f.committee, cadreLevel: f.cadre_level, cadrePath: f.cadre_path };
}

const within = (path: string | null, ancestor: string) => !!path && (path === ancestor || path.startsWith(`${ancestor}.`));

/**
 * Whether a plan's audience includes the learner (members by their branch, cadres by their managing
 * organization, activists by the organization training them).
 */
function inAudience(p: { audiences: string[]; cadre_levels: string[]; org_path: string }, l: Learner, f: LearnerFacts): boolean {
  const asMember = l.memberId != null && within(l.orgPath, p.org_path);
  return p.audiences.some((a) => {
    if (a === 'all') return asMember;
    if (a === 'probationary') return asMember && f.probationary;
    if (a === 'committee') return asMember && f.committee;
    if (a === 'activists') return l.devPersonId != null && within(l.orgPath, p.org_path);
    return !!f.cadreLevel && within(f.cadrePath, p.org_path) && (!p.cadre_levels.length || p.cadre_levels.includes(f.cadreLevel));
  });
}

/** The learner's plans (not upcoming ones) with their own progress. */
export async function myPlans(ctx: Pick<Ctx, 'db' | 'today'>, l: Learner): Promise<TMyPlan[]> {
  const f = await learnerFacts(ctx, l);
  const paths = [l.orgPath, f.cadrePath].filter((p): p is string => !!p);
  const rows = (await planSelect(ctx.db)
    .where(sql<boolean>`o.path @> any(${paths}::ltree[])`)
    .where('p.starts_on', '<=', ctx.today())
    .orderBy('p.ends_on', 'desc')
    .limit(100)
    .execute()) as PlanRow[];
  const mine = rows.filter((r) => inAudience(r, l, f));
  const plans = await presentPlans(ctx.db, mine, ctx.today());
  const materialIds = [...new Set(plans.flatMap((p) => p.items.filter((i) => i.kind === 'material').map((i) => i.refId)))];
  const [keyCol, keyVal] = learnerKeyCol(l);
  const [progress, quizzes] = await Promise.all([
    materialIds.length
      ? ctx.db
          .selectFrom('learning_material_progress')
          .select(['material_id', 'credited_seconds'])
          .where(keyCol, '=', keyVal)
          .where('material_id', 'in', materialIds)
          .execute()
      : [],
    ctx.db
      .selectFrom('learning_credits')
      .select(['source_ref', 'hours'])
      .where(keyCol, '=', keyVal)
      .where('status', '=', 'approved')
      .where('source', 'in', ['quiz', 'online'])
      .execute(),
  ]);
  const credited = new Map(progress.map((p) => [Number(p.material_id), p.credited_seconds]));
  const ledger = new Map(quizzes.map((q) => [q.source_ref, Number(q.hours)]));
  return plans.map((p) => {
    const mats = p.items.filter((i) => i.kind === 'material');
    const qs = p.items.filter((i) => i.kind === 'quiz').map((i) => ({ refId: i.refId, done: ledger.has(`quiz:${i.refId}`) }));
    const earned = Math.round(mats.reduce((s, i) => s + (ledger.get(`material:${i.refId}`) ?? 0), 0) * 10) / 10;
    return {
      ...p,
      earnedHours: earned,
      completed: earned >= p.requiredHours && qs.every((q) => q.done),
      materials: mats.map((i) => ({
        refId: i.refId,
        title: i.title ?? '',
        lengthSeconds: i.lengthSeconds ?? 0,
        creditedSeconds: credited.get(i.refId) ?? 0,
      })),
      quizzes: qs,
    };
  });
}
