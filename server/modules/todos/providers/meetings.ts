// Organizational life (RULES.md §3): required meetings not yet held in the current month, quarter
// or year, exactly as the compliance monitor counts them (unitCompliance), and for a member the
// meetings planned for their branch in the coming week.
import { sql } from 'kysely';
import { MEETING_KIND_LABELS, type MeetingKind } from '../../../../domain/meeting-kinds.js';
import { periodKeyOf } from '../../../../domain/rules/org-life.js';
import { UNIT_KINDS, unitCompliance } from '../../org-life/compliance.js';
import { daysAfter, makeItem } from '../item.js';
import type { FoundItem, MemberRef, Target, TodoContext, TodoProvider } from '../types.js';

export const PLANNED_SOON_DAYS = 7;
/** Lectures, theme days, appraisals and talks are 开展; the meetings proper are 召开. */
const HELD_WORD: Record<MeetingKind, string> = {
  branch_congress: '召开',
  committee_meeting: '召开',
  group_meeting: '召开',
  party_lecture: '开展',
  theme_day: '开展',
  life_meeting: '召开',
  appraisal: '开展',
  heart_talk: '开展',
};

/** 本月 / 本季度 / 本年度 from the key of a check window ('YYYY-MM', 'YYYY-Qn', 'YYYY'). */
const periodWord = (key: string) => (key.includes('Q') ? '本季度' : key.length === 7 ? '本月' : '本年度');

/**
 * The checks due in the windows around today, as the compliance monitor computes them: asked for the
 * current month, unitCompliance answers every window overlapping it — this month, quarter and year.
 * A 党小组 has no accounts of its own: its checks are its branch's work, so one organization's
 * own list takes in its 党小组 too.
 */
async function own(ctx: TodoContext, target: Target): Promise<FoundItem[]> {
  const period = { kind: 'month' as const, key: periodKeyOf('month', ctx.today) };
  const root = 'org' in target ? target.org : target.subtree;
  // Only branches and 党小组 owe meetings; a branch's subtree is itself and its 党小组, read by path.
  if ('org' in target && !UNIT_KINDS.includes(target.org.kind)) return [];
  const units = await unitCompliance(ctx.db, root.path, period, ctx.today, { openOnly: true });
  const items: FoundItem[] = [];
  for (const u of units) {
    for (const c of u.checks) {
      if (c.state === 'held') continue;
      items.push(
        makeItem(
          ctx,
          c.kind,
          { id: u.orgId, name: u.orgName, path: u.path },
          {
            title: `${periodWord(c.periodKey)}${MEETING_KIND_LABELS[c.kind].zh}尚未${HELD_WORD[c.kind]}`,
            dueOn: c.to,
            overdue: c.state === 'missing',
            link: `/meetings?record=${c.kind}&orgId=${u.orgId}`,
            ref: `${u.orgId}:${c.kind}:${c.periodKey}`,
            rule: c.article,
          },
        ),
      );
    }
  }
  return items;
}

/** Meetings planned for the member's branch within the coming week. */
async function mine(ctx: TodoContext, me: MemberRef): Promise<FoundItem[]> {
  const rows = await ctx.db
    .selectFrom('meetings as m')
    .innerJoin('orgs as o', 'o.id', 'm.org_id')
    .select([
      'm.id',
      'm.kinds',
      'm.topic',
      'm.planned_on',
      'm.start_time',
      'm.place',
      'o.id as org_id',
      'o.name as org_name',
      sql<string>`o.path::text`.as('org_path'),
    ])
    .where('m.org_id', '=', me.orgId)
    .where('m.status', '=', 'planned')
    .where('m.planned_on', '>=', ctx.today)
    .where('m.planned_on', '<=', daysAfter(ctx.today, PLANNED_SOON_DAYS))
    .orderBy('m.planned_on')
    .orderBy('m.id')
    .execute();
  return rows.map((m) =>
    makeItem(
      ctx,
      'my_meeting',
      { id: m.org_id, name: m.org_name, path: m.org_path },
      {
        title: `${m.planned_on}${m.start_time ? ` ${m.start_time}` : ''} ${(m.kinds as MeetingKind[]).map((k) => MEETING_KIND_LABELS[k]?.zh ?? k).join('、')}「${m.topic}」${m.place ? `，地点：${m.place}` : ''}`,
        dueOn: m.planned_on,
        link: '/my-meetings',
        ref: m.id,
      },
    ),
  );
}

export const meetingTodos: TodoProvider = { area: 'meetings', own, mine };
