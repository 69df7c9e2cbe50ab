// Development (发展党员, RULES.md §1): the board's due and overdue steps, and probation ending (转正).
// The next step and its window are the columns the development module keeps from nextDue(); the
// acting organization is the person's branch.
import { sql } from 'kysely';
import { PERSON_STATUS_LABELS, stepDef, type PersonStatus } from '../../../../domain/rules/development-steps.js';
import { ruleSetOn, type DevArticleKey } from '../../../../domain/rules/development-rule-sets.js';
import { ruleSets } from '../../development/queries.js';
import { daysAfter, makeItem } from '../item.js';
import { pathFilter, type FoundItem, type Target, type TodoContext, type TodoProvider, type MemberRef } from '../types.js';

/** The development board's "due soon" window (server/modules/development/reads.ts). */
export const DEV_SOON_DAYS = 30;
const OPEN: PersonStatus[] = ['applicant', 'activist', 'candidate', 'probationary'];
/** The 转正 steps: the written application, the 支部大会, the higher committee's approval. */
const FULL_STEPS = [22, 23, 24];

/** The article behind the deadline of each step that has one. */
const ARTICLE_OF: Partial<Record<number, DevArticleKey>> = {
  2: 'talk',
  6: 'assessment',
  7: 'candidateYear',
  16: 'approval',
  17: 'approval',
  20: 'oath',
  21: 'assessment',
  22: 'fullApply',
  23: 'probation',
  24: 'fullApproval',
};

function people(ctx: TodoContext, soon: string) {
  return ctx.db
    .selectFrom('dev_people as p')
    .innerJoin('orgs as o', 'o.id', 'p.org_id')
    .select([
      'p.id',
      'p.name',
      'p.status',
      'p.next_step',
      'p.next_from',
      'p.next_by',
      'p.probation_end',
      'p.org_id',
      'o.name as org_name',
      sql<string>`o.path::text`.as('org_path'),
    ])
    .where('p.status', 'in', OPEN)
    .where('p.next_step', 'is not', null)
    .where((eb) => eb.or([eb('p.next_by', '<=', soon), eb.and([eb('p.next_by', 'is', null), eb('p.next_from', '<=', soon)])]));
}

async function own(ctx: TodoContext, target: Target): Promise<FoundItem[]> {
  const [rows, sets] = await Promise.all([
    people(ctx, daysAfter(ctx.today, DEV_SOON_DAYS)).where(pathFilter('p.org_path', target)).orderBy('p.id').execute(),
    ruleSets(ctx.db),
  ]);
  const articles = ruleSetOn(ctx.today, sets).articles;
  return rows.map((r) => {
    const step = r.next_step!;
    const org = { id: r.org_id, name: r.org_name, path: r.org_path };
    const full = r.status === 'probationary' && FULL_STEPS.includes(step);
    const key = ARTICLE_OF[step];
    const ends = r.probation_end && (r.probation_end < ctx.today ? `已于 ${r.probation_end} 期满` : `将于 ${r.probation_end} 期满`);
    return makeItem(ctx, full ? 'dev_probation' : 'dev_step', org, {
      title: full
        ? `预备党员${r.name}预备期${ends}，待「${stepDef(step).zh}」`
        : `${PERSON_STATUS_LABELS[r.status].zh}${r.name}待「${stepDef(step).zh}」`,
      // A step with only an earliest date (the 转正 支部大会 after probation ends) has no deadline.
      dueOn: r.next_by,
      link: `/development/${r.id}`,
      ref: r.id,
      rule: key ? articles[key] : null,
    });
  });
}

/** A probationary member's own reminder to hand in the written 转正 application (㉒), in the board's window. */
async function mine(ctx: TodoContext, me: MemberRef): Promise<FoundItem[]> {
  const [rows, sets] = await Promise.all([
    people(ctx, daysAfter(ctx.today, DEV_SOON_DAYS))
      .where('p.member_id', '=', me.memberId)
      .where('p.status', '=', 'probationary')
      .where('p.next_step', '=', 22)
      .execute(),
    ruleSets(ctx.db),
  ]);
  const article = ruleSetOn(ctx.today, sets).articles.fullApply;
  return rows.map((r) =>
    makeItem(
      ctx,
      'my_probation',
      { id: r.org_id, name: r.org_name, path: r.org_path },
      {
        title: `您的预备期将于 ${r.probation_end} 期满，请向党支部提交书面转正申请`,
        dueOn: r.next_by,
        link: '/my-record',
        ref: r.id,
        rule: article,
      },
    ),
  );
}

export const developmentTodos: TodoProvider = { area: 'development', own, mine };
