// Transfers and member status (RULES.md §5): letters the receiving organization must receive or
// confirm while valid, open letters past their last valid day for the side that must take them back,
// and members whose status calls for a decision (the attention list: 失联 ≥ 6 months, 停止党籍 ≥ 2 years).
import { sql } from 'kysely';
import { needingAttention } from '../../member-status/queries.js';
import { makeItem } from '../item.js';
import { pathFilter, type FoundItem, type Target, type TodoContext, type TodoProvider } from '../types.js';

/** No regulation fixes letter validity (local practice, RULES.md §5 L); the receiver must not refuse (第二十五条). */
const RECEIVE_RULE = '《中国共产党党员教育管理工作条例》第二十五条';
const ATTENTION_LIMIT = 10_000;

function openLetters(ctx: TodoContext) {
  return ctx.db
    .selectFrom('transfer_letters as l')
    .select([
      'l.id',
      'l.letter_no',
      'l.kind',
      'l.status',
      'l.member_name',
      'l.from_org_id',
      'l.from_org_name',
      'l.to_org_id',
      'l.to_org_name',
      'l.expires_on',
      sql<string | null>`l.from_path::text`.as('from_path'),
      sql<string | null>`l.to_path::text`.as('to_path'),
    ])
    .where('l.status', 'in', ['issued', 'received']);
}

async function incoming(ctx: TodoContext, target: Target): Promise<FoundItem[]> {
  const rows = await openLetters(ctx)
    .where('l.kind', 'in', ['within_city', 'into_city'])
    .where('l.expires_on', '>=', ctx.today)
    .where(pathFilter('l.to_path', target))
    .orderBy('l.expires_on')
    .orderBy('l.id')
    .execute();
  return rows.map((l) =>
    makeItem(
      ctx,
      'transfer_incoming',
      { id: l.to_org_id!, name: l.to_org_name, path: l.to_path! },
      {
        title: `${l.member_name}的组织关系介绍信（${l.letter_no}，来自${l.from_org_name}）待${l.status === 'issued' ? '接收' : '确认'}`,
        dueOn: l.expires_on,
        link: '/transfers/in',
        ref: l.id,
        rule: RECEIVE_RULE,
      },
    ),
  );
}

/** Past its last valid day a letter is taken back: by the sender, or for a letter from outside the city by the receiver. */
async function overdue(ctx: TodoContext, target: Target): Promise<FoundItem[]> {
  const rows = await openLetters(ctx)
    .where('l.expires_on', '<', ctx.today)
    .where((eb) =>
      eb.or([
        eb.and([eb('l.kind', '<>', 'into_city'), pathFilter('l.from_path', target)]),
        eb.and([eb('l.kind', '=', 'into_city'), pathFilter('l.to_path', target)]),
      ]),
    )
    .orderBy('l.expires_on')
    .orderBy('l.id')
    .execute();
  return rows.map((l) => {
    const sender = l.kind !== 'into_city';
    const org = sender
      ? { id: l.from_org_id!, name: l.from_org_name!, path: l.from_path! }
      : { id: l.to_org_id!, name: l.to_org_name, path: l.to_path! };
    return makeItem(ctx, 'transfer_overdue', org, {
      title: `${l.member_name}的介绍信（${l.letter_no}）已过有效期仍未办结，请退回并视情况重新开具`,
      dueOn: l.expires_on,
      link: '/transfers/overdue',
      ref: l.id,
      rule: RECEIVE_RULE,
    });
  });
}

/** The member-status attention list (第二十四条), computed by the member-status module's own query. */
async function statusDecisions(ctx: TodoContext, target: Target): Promise<FoundItem[]> {
  const root = 'org' in target ? target.org : target.subtree;
  const rows = await needingAttention(ctx.db, root.path, ctx.today, ATTENTION_LIMIT);
  const mine = 'org' in target ? rows.filter((r) => r.orgId === target.org.id) : rows;
  if (mine.length === 0) return [];
  const paths = new Map(
    (
      await ctx.db
        .selectFrom('orgs')
        .select(['id', sql<string>`path::text`.as('path')])
        .where('id', 'in', [...new Set(mine.map((r) => r.orgId))])
        .execute()
    ).map((o) => [o.id, o.path]),
  );
  return mine
    .filter((r) => r.attention)
    .map((r) =>
      makeItem(
        ctx,
        'status_decision',
        { id: r.orgId, name: r.orgName, path: paths.get(r.orgId)! },
        {
          title: `${r.name}${r.attention!.message}`,
          dueOn: r.attention!.dueOn,
          link: '/transfers/status',
          ref: r.memberId,
          rule: r.attention!.article,
        },
      ),
    );
}

async function own(ctx: TodoContext, target: Target): Promise<FoundItem[]> {
  const parts = await Promise.all([incoming(ctx, target), overdue(ctx, target), statusDecisions(ctx, target)]);
  return parts.flat();
}

export const transferTodos: TodoProvider = { area: 'transfers', own };
