// Terms and elections (换届, RULES.md §4): a term ending within 6 months with no election under way
// (the organization, and the higher organization whose duty is to remind it), an election overdue, an
// approved election to hold, and the requests, results and term changes awaiting a higher committee.
import { sql, type ExpressionBuilder } from 'kysely';
import type { DB } from '../../../db/types.js';
import { requestWindow, TERM_ARTICLES, TERM_RULES } from '../../../../domain/rules/terms.js';
import { OPEN_ELECTION } from '../../terms/queries.js';
import { monthsAfter, makeItem } from '../item.js';
import { pathFilter, subtreeFilter, type FoundItem, type Target, type TodoContext, type TodoProvider } from '../types.js';

const REMIND_MONTHS = TERM_RULES.reminderMonths;
const link = (orgId: number) => `/terms?orgId=${orgId}`;

/** An election request is under way for the organization of the term `t`. */
const underWay = (eb: ExpressionBuilder<DB & { t: DB['org_terms'] }, 't'>) =>
  eb.exists(eb.selectFrom('elections as e').select('e.id').whereRef('e.org_id', '=', 't.org_id').where('e.status', 'in', OPEN_ELECTION));

/** Current terms ending by `until` (or already ended) with no election under way. */
function terms(ctx: TodoContext, until: string) {
  return ctx.db
    .selectFrom('org_terms as t')
    .innerJoin('orgs as o', 'o.id', 't.org_id')
    .select(['t.id', 't.ends_on', 'o.id as org_id', 'o.name as org_name', sql<string>`o.path::text`.as('org_path')])
    .where('t.ended_on', 'is', null)
    .where('o.status', '=', 'active')
    .where('t.ends_on', '<=', until)
    .where((eb) => eb.not(underWay(eb)));
}

function elections(ctx: TodoContext, status: 'requested' | 'approved' | 'held') {
  return ctx.db
    .selectFrom('elections as e')
    .innerJoin('orgs as o', 'o.id', 'e.org_id')
    .select(['e.id', 'e.planned_on', 'e.held_on', 'o.id as org_id', 'o.name as org_name', sql<string>`o.path::text`.as('org_path')])
    .where('e.status', '=', status);
}

const orgOf = (r: { org_id: number; org_name: string; org_path: string }) => ({ id: r.org_id, name: r.org_name, path: r.org_path });

async function own(ctx: TodoContext, target: Target): Promise<FoundItem[]> {
  const [ending, approved] = await Promise.all([
    terms(ctx, monthsAfter(ctx.today, REMIND_MONTHS)).where(pathFilter('o.path', target)).orderBy('t.ends_on').execute(),
    elections(ctx, 'approved').where(pathFilter('o.path', target)).orderBy('e.id').execute(),
  ]);
  return [
    ...ending.map((t) => {
      if (t.ends_on < ctx.today) {
        return makeItem(ctx, 'election_overdue', orgOf(t), {
          title: `任期已于 ${t.ends_on} 届满，尚未换届`,
          dueOn: t.ends_on,
          link: link(t.org_id),
          ref: t.id,
          rule: TERM_ARTICLES.adjust,
        });
      }
      // The request goes up 2–4 months before the end (local practice): its last day is the deadline.
      const by = requestWindow(t.ends_on).by;
      return makeItem(ctx, 'term_ending', orgOf(t), {
        title: `本届任期将于 ${t.ends_on} 届满，请于 ${by} 前向上级党组织提出换届请示`,
        dueOn: by,
        link: link(t.org_id),
        ref: t.id,
        rule: TERM_ARTICLES.term,
      });
    }),
    ...approved.map((e) =>
      makeItem(ctx, 'election_due', orgOf(e), {
        title: `换届选举已获批复，请${e.planned_on ? `于 ${e.planned_on} ` : ''}召开党员大会进行选举`,
        dueOn: e.planned_on,
        link: link(e.org_id),
        ref: e.id,
        rule: TERM_ARTICLES.adjust,
      }),
    ),
  ];
}

async function approvals(ctx: TodoContext, scopePath: string): Promise<FoundItem[]> {
  const [ending, requested, held, adjustments] = await Promise.all([
    terms(ctx, monthsAfter(ctx.today, REMIND_MONTHS)).where(subtreeFilter('o.path', scopePath)).orderBy('t.ends_on').execute(),
    elections(ctx, 'requested').where(subtreeFilter('o.path', scopePath)).orderBy('e.id').execute(),
    elections(ctx, 'held').where(subtreeFilter('o.path', scopePath)).orderBy('e.id').execute(),
    ctx.db
      .selectFrom('term_adjustments as a')
      .innerJoin('orgs as o', 'o.id', 'a.org_id')
      .select([
        'a.id',
        'a.kind',
        'a.original_end',
        'a.new_end',
        'o.id as org_id',
        'o.name as org_name',
        sql<string>`o.path::text`.as('org_path'),
      ])
      .where('a.status', '=', 'proposed')
      .where(subtreeFilter('o.path', scopePath))
      .orderBy('a.id')
      .execute(),
  ]);
  return [
    ...ending.map((t) =>
      makeItem(ctx, 'term_remind', orgOf(t), {
        title:
          t.ends_on < ctx.today
            ? `任期已于 ${t.ends_on} 届满，尚未提出换届请示，请督促`
            : `任期将于 ${t.ends_on} 届满，尚未提出换届请示，请提醒`,
        dueOn: t.ends_on,
        link: link(t.org_id),
        ref: t.id,
        rule: TERM_ARTICLES.reminder,
      }),
    ),
    ...requested.map((e) =>
      makeItem(ctx, 'election_request', orgOf(e), {
        title: `换届选举请示待批复${e.planned_on ? `（拟于 ${e.planned_on} 选举）` : ''}`,
        dueOn: e.planned_on,
        link: link(e.org_id),
        ref: e.id,
        rule: TERM_ARTICLES.adjust,
      }),
    ),
    ...held.map((e) =>
      makeItem(ctx, 'election_confirm', orgOf(e), {
        title: `${e.held_on ? `${e.held_on} ` : ''}选举结果及书记、副书记人选待审批`,
        dueOn: null,
        link: link(e.org_id),
        ref: e.id,
        rule: TERM_ARTICLES.approval,
      }),
    ),
    ...adjustments.map((a) =>
      makeItem(ctx, 'term_adjustment', orgOf(a), {
        title: `${a.kind === 'delay' ? '延期' : '提前'}换届申请待审批（原届满 ${a.original_end}，拟改为 ${a.new_end}）`,
        dueOn: a.original_end,
        link: link(a.org_id),
        ref: a.id,
        rule: TERM_ARTICLES.adjust,
      }),
    ),
  ];
}

export const termTodos: TodoProvider = { area: 'terms', own, approvals };
