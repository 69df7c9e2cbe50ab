// Demo joint tasks for 示范市 (called by server/demo/seed-demo.ts): 1–3 tasks this year for about half
// of the committees and a quarter of the branches, across every stage, some late and some checked,
// each with the update log of the stages it went through. The demo branch always has one open task.
import { sql, type Insertable } from 'kysely';
import dayjs from 'dayjs';
import type { Db } from '../../db/engine.js';
import type { Keys } from '../../crypto/keys.js';
import type { JointTasksTable } from '../../db/types-org-life.js';
import type { CityResult } from '../../demo/generate-city.js';
import { createRng } from '../../demo/prng.js';
import { BRANCH_KINDS, type OrgKind } from '../../../domain/org-kinds.js';
import { CHECK_RESULTS, JOINT_STAGE_LABELS, JOINT_STAGES, type JointStage } from '../../../domain/rules/joint-tasks.js';
import { todayCn } from '../../dates.js';
import { personName, templatesFor } from './demo-plan.js';

const BATCH = 2000;
const STAGE_WEIGHT: Record<JointStage, number> = { planned: 10, deployed: 15, in_progress: 35, done: 15, checked: 25 };

export async function seedJointTasksDemo(db: Db, city: CityResult, _keys: Keys, now: Date = new Date()): Promise<void> {
  const rng = createRng(2026, 71);
  const today = todayCn(now);
  const orgs = await db
    .selectFrom('orgs')
    .select(['id', 'parent_id', 'kind', 'unit_type'])
    .where('status', '=', 'active')
    .where('parent_id', 'is not', null)
    .orderBy('id')
    .execute();
  const secretaries = new Map(
    (await db.selectFrom('org_committee_members').select(['org_id', 'person_name']).where('post', '=', 'secretary').execute()).map((c) => [
      c.org_id,
      c.person_name,
    ]),
  );

  const tasks: (Insertable<JointTasksTable> & { stages: JointStage[] })[] = [];
  for (const o of orgs) {
    const isBranch = BRANCH_KINDS.includes(o.kind as OrgKind);
    const sample = o.id === city.sampleIds.branch;
    if (o.kind === 'party_group' || !(sample || rng.chance(isBranch ? 0.25 : 0.5))) continue;
    const templates = rng.shuffle(templatesFor(o.unit_type));
    const n = Math.min(templates.length, sample ? 2 : rng.int(1, 3));
    for (let k = 0; k < n; k++) {
      const tpl = templates[k];
      // The demo branch's first task is under way and on time.
      const stage = sample && k === 0 ? 'in_progress' : rng.weighted(JOINT_STAGES, (s) => STAGE_WEIGHT[s]);
      // Started in the last ten months: the task belongs to the year it started in.
      const start = dayjs(today).subtract(rng.int(20, 300), 'day').format('YYYY-MM-DD');
      // Open tasks are mostly due ahead, about one in five already late; finished ones were due some months after the start.
      const open = stage === 'planned' || stage === 'deployed' || stage === 'in_progress';
      const due =
        sample && k === 0
          ? dayjs(today).add(40, 'day')
          : open
            ? dayjs(today).add(rng.chance(0.2) ? -rng.int(3, 60) : rng.int(10, 120), 'day')
            : dayjs(start).add(rng.int(60, 200), 'day');
      const finalDue = due.format('YYYY-MM-DD') < start ? dayjs(start).add(30, 'day').format('YYYY-MM-DD') : due.format('YYYY-MM-DD');
      const reached = JOINT_STAGES.slice(0, JOINT_STAGES.indexOf(stage) + 1);
      const checked = stage === 'checked';
      tasks.push({
        org_id: o.id,
        year: Number(start.slice(0, 4)),
        title: tpl.title,
        party_side: tpl.party,
        business_side: tpl.business,
        party_owner: secretaries.get(o.id) ?? personName(rng),
        business_owner: `${personName(rng)}（${tpl.owner}）`,
        start_on: start,
        due_on: finalDue,
        stage,
        progress:
          stage === 'done' || checked ? 100 : stage === 'in_progress' ? rng.int(2, 9) * 10 : stage === 'deployed' ? rng.int(0, 2) * 10 : 0,
        check_result: checked ? rng.weighted(CHECK_RESULTS, (r) => ({ excellent: 30, good: 45, passed: 20, failed: 5 })[r]) : null,
        check_note: checked ? '党建和业务目标同步完成，资料齐全' : null,
        checked_org_id: checked ? (rng.chance(0.5) ? o.parent_id : o.id) : null,
        checked_on: checked ? (finalDue < today ? finalDue : today) : null,
        version: reached.length,
        stages: reached,
      });
    }
  }

  await db.transaction().execute(async (trx) => {
    const ids: number[] = [];
    for (let i = 0; i < tasks.length; i += BATCH) {
      const chunk = tasks.slice(i, i + BATCH).map(({ stages: _s, ...t }) => t);
      ids.push(...(await trx.insertInto('joint_tasks').values(chunk).returning('id').execute()).map((r) => r.id));
    }
    // One log entry per stage reached, spread between the start and today.
    const log = {
      task: [] as number[],
      at: [] as string[],
      stage: [] as string[],
      progress: [] as number[],
      note: [] as string[],
      actor: [] as string[],
    };
    tasks.forEach((t, k) => {
      const span = Math.max(1, dayjs(today < t.due_on ? today : t.due_on).diff(t.start_on!, 'day'));
      t.stages.forEach((s, j) => {
        log.task.push(ids[k]);
        log.at.push(
          `${dayjs(t.start_on!)
            .add(Math.floor((span * j) / t.stages.length), 'day')
            .format('YYYY-MM-DD')}T10:00:00+08:00`,
        );
        log.stage.push(s);
        log.actor.push(t.party_owner);
        log.progress.push(j === t.stages.length - 1 ? t.progress! : s === 'done' ? 100 : j * 20);
        log.note.push(
          `${JOINT_STAGE_LABELS[s].zh}：${s === 'planned' ? '支委会与业务部门共同研究' : s === 'checked' ? '检查验收' : '按计划推进'}`,
        );
      });
    });
    if (log.task.length) {
      await sql`insert into joint_task_updates (task_id, at, stage, progress, note, actor_name)
        select * from unnest(${log.task}::bigint[], ${log.at}::timestamptz[], ${log.stage}::text[], ${log.progress}::int[], ${log.note}::text[], ${log.actor}::text[])`.execute(
        trx,
      );
    }
  });
}
