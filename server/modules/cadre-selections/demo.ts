// Demo selections (issue 13 point 10): one in every stage, one held at the 凡提四必 gate, one in 任前公示 across a
// public holiday. The posts and cadres come from the cadre demo (another module) by query: with none, nothing is
// written. Rows are written directly as the bulk demo writers do; the appointment goes through appointOnFile.
import dayjs from 'dayjs';
import chineseDays from 'chinese-days';
import type { Db } from '../../db/engine.js';
import type { CityResult } from '../../demo/generate-city.js';
import { FOUR_MUSTS, type FourMust, type SelectionStep } from '../../../domain/rules/cadre-selection.js';
import { addWorkingDays } from '../../../domain/rules/working-days.js';
import { todayCn } from '../../dates.js';
import { appointOnFile } from './appoint-on-file.js';
import { publicityWindow } from './publicity.js';

const STAGES: SelectionStep[] = ['分析研判和动议', '民主推荐', '考察', '讨论决定', '任前公示', '试用期', '任职'];
const day = (d: string, n: number) => dayjs(d).add(n, 'day').format('YYYY-MM-DD');

/** A 公示 start two working days before the next official holiday, so the window runs across it. */
function startBeforeHoliday(today: string): string {
  const next = chineseDays.getHolidaysInRange(today, day(today, 200), false).find((d) => d > day(today, 2));
  return next ? addWorkingDays(next, -2) : '2026-09-28';
}

const musts = (on: string, open: FourMust[] = []) =>
  JSON.stringify(
    Object.fromEntries(
      (Object.keys(FOUR_MUSTS) as FourMust[])
        .filter((k) => !open.includes(k))
        .map((k) => [k, { evidence: `${FOUR_MUSTS[k]}：无异常`, attachmentName: null, closedBy: '干部科', closedOn: on }]),
    ),
  );

export async function seedSelectionsDemo(db: Db, city: CityResult): Promise<void> {
  const org = await db.selectFrom('orgs').select(['id', 'path']).where('id', '=', city.sampleIds.city).executeTakeFirst();
  if (!org) return;
  const posts = await db
    .selectFrom('cadre_posts as p')
    .innerJoin('cadre_units as u', 'u.id', 'p.unit_id')
    .select(['p.id', 'p.title', 'p.level', 'p.principal', 'p.probation_kind', 'u.id as unit_id', 'u.name as unit_name'])
    .where('u.manager_org_id', '=', org.id)
    .where('p.principal', '=', false)
    .where('p.abolished_on', 'is', null)
    .orderBy('p.id')
    .limit(STAGES.length)
    .execute();
  const cadres = await db
    .selectFrom('cadres')
    .select(['id', 'name'])
    .where('manager_org_id', '=', org.id)
    .where('status', '=', 'active')
    .orderBy('id', 'desc')
    .limit(STAGES.length * 2)
    .execute();
  if (posts.length < STAGES.length || cadres.length < STAGES.length * 2) return;
  const today = todayCn(new Date());
  const start = startBeforeHoliday(today);
  const w = publicityWindow(start);
  const heldOn = addWorkingDays(start, -1);

  for (const [i, stage] of STAGES.entries()) {
    const post = posts[i];
    const [a, b] = [cadres[2 * i], cadres[2 * i + 1]];
    const at = STAGES.indexOf(stage);
    const reached = (s: SelectionStep) => at >= STAGES.indexOf(s);
    const motionOn = day(heldOn, -60);
    const steps: Record<string, string> = { 分析研判和动议: motionOn };
    if (reached('民主推荐')) steps['民主推荐'] = day(motionOn, 7);
    if (reached('考察')) steps['考察'] = day(motionOn, 20);
    if (reached('讨论决定')) steps['讨论决定'] = day(heldOn, -3);
    if (reached('任前公示')) steps['任前公示'] = heldOn;
    const appointed = stage === '试用期' || stage === '任职';
    if (appointed) steps['任职'] = w.endOn;
    await db.transaction().execute(async (trx) => {
      const s = await trx
        .insertInto('cadre_selections')
        .values({
          manager_org_id: org.id,
          title: `${post.unit_name}${post.title}选拔任用`,
          post_ids: JSON.stringify([post.id]),
          motion_on: motionOn,
          grounds: `${post.unit_name}${post.title}空缺，经分析研判需及时选配`,
          scope: '市直机关',
          way: '民主推荐',
          step: stage,
          status: stage === '任职' ? 'closed' : 'open',
          step_dates: JSON.stringify(steps),
          recommendation: reached('民主推荐')
            ? JSON.stringify({
                meeting: { heldOn: steps['民主推荐'], categories: [{ category: '领导班子成员', voters: 9, ballots: 9 }] },
                talks: { heldOn: steps['民主推荐'], talkCount: 28 },
              })
            : null,
          inspection: reached('考察')
            ? JSON.stringify({ startedOn: steps['考察'], team: ['干部科考察组'], talkedTo: 30, report: '德才表现较好，群众公认度较高。' })
            : null,
          meeting: reached('任前公示')
            ? JSON.stringify({
                heldOn,
                body: '常委会',
                members: 9,
                present: ['书记', '副书记', '常委一', '常委二', '常委三', '常委四', '常委五', '常委六'],
                votes: [],
              })
            : null,
          publicity: reached('任前公示')
            ? JSON.stringify({ ...w, exemption: null, reason: '公示期不少于 5 个工作日', channel: '市委组织部网站' })
            : null,
          appointment: appointed
            ? JSON.stringify({
                docNo: `市委干〔${w.endOn.slice(0, 4)}〕${10 + i}号`,
                docOn: day(w.endOn, 1),
                appointmentTalk: { on: day(w.endOn, 2), by: '市委组织部' },
                integrityTalk: { on: day(w.endOn, 2), by: '市纪委监委派驻组' },
                people: 1,
              })
            : null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      if (!reached('民主推荐')) return;
      const votes: { candidateId: number; inFavor: number; against: number; abstain: number }[] = [];
      for (const [k, c] of [a, b].entries()) {
        const passed = k === 0;
        const decided = reached('任前公示');
        const cand = await trx
          .insertInto('cadre_selection_candidates')
          .values({
            selection_id: s.id,
            cadre_id: c.id,
            post_id: post.id,
            votes: 30 - 8 * k,
            training_hours: 560,
            // the one held at the gate: its first candidate's complaints check is still open
            four_musts: reached('考察') ? musts(steps['考察'], stage === '考察' && k === 0 ? ['complaints'] : []) : '{}',
            vote: decided ? JSON.stringify({ inFavor: passed ? 7 : 3, against: passed ? 1 : 4, abstain: passed ? 0 : 1, passed }) : null,
            dropped_reason: decided && !passed ? '讨论决定未获通过' : null,
            sort: k,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        if (decided) votes.push({ candidateId: cand.id, inFavor: passed ? 7 : 3, against: passed ? 1 : 4, abstain: passed ? 0 : 1 });
        if (appointed && passed) {
          const r = await appointOnFile(trx, {
            cadreId: c.id,
            post: {
              id: post.id,
              unitId: post.unit_id,
              title: post.title,
              unitName: post.unit_name,
              level: post.level,
              principal: post.principal,
            },
            decidedOn: heldOn,
            docNo: `市委干〔${w.endOn.slice(0, 4)}〕${10 + i}号`,
            probation: stage === '试用期',
            actorId: null,
            at: new Date(),
          });
          await trx
            .updateTable('cadre_selection_candidates')
            .set({ appointment_id: r.appointmentId, probation_until: r.probationUntil })
            .where('id', '=', cand.id)
            .execute();
        }
      }
      if (votes.length) {
        const meeting = await trx.selectFrom('cadre_selections').select('meeting').where('id', '=', s.id).executeTakeFirstOrThrow();
        await trx
          .updateTable('cadre_selections')
          .set({ meeting: JSON.stringify({ ...(meeting.meeting as object), votes }) })
          .where('id', '=', s.id)
          .execute();
      }
      await trx
        .insertInto('cadre_selection_events')
        .values(
          Object.entries(steps).map(([step, on]) => ({
            selection_id: s.id,
            at: new Date(),
            on_date: on,
            step,
            action: '进入环节',
            actor_name: '干部科',
            summary: `进入“${step}”`,
          })),
        )
        .execute();
    });
  }
}
