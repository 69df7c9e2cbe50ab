// Who may reach an application: staff through the scope resource `talent_application` (declared on the route:
// an application lies in its talent's district); an applicant only their own (talent_people.user_id); an employer
// only its staff's (talent_employer_users); anyone else's existing application is a 404 with an audited refusal.
import type { Ctx } from '../../context.js';
import { recordDenied } from '../../audit/record.js';
import { notFound } from '../../errors.js';

export type Side = 'self' | 'employer';
export const SIDE_ACTION = { self: 'talent.self', employer: 'talent.employer' } as const;

/** The talent record of an applicant's account. */
export async function ownPersonId(ctx: Ctx): Promise<number | null> {
  const p = await ctx.db.selectFrom('talent_people').select('id').where('user_id', '=', ctx.actor.userId).executeTakeFirst();
  return p?.id ?? null;
}

/** The employers an employer account acts for. */
export async function ownEmployerIds(ctx: Ctx): Promise<number[]> {
  const rows = await ctx.db.selectFrom('talent_employer_users').select('employer_id').where('user_id', '=', ctx.actor.userId).execute();
  return rows.map((r) => r.employer_id);
}

/** 404 unless the application is the applicant's own or the employer's staff's. */
export async function requireOwnApplication(ctx: Ctx, side: Side, id: number): Promise<void> {
  const a = await ctx.db
    .selectFrom('talent_applications as a')
    .innerJoin('talent_people as p', 'p.id', 'a.person_id')
    .select(['a.id', 'a.employer_id', 'p.user_id'])
    .where('a.id', '=', id)
    .executeTakeFirst();
  if (!a) throw notFound('申请');
  const mine =
    side === 'self' ? a.user_id === ctx.actor.userId : a.employer_id !== null && (await ownEmployerIds(ctx)).includes(a.employer_id);
  if (!mine) {
    await recordDenied(ctx, SIDE_ACTION[side], 'talent_application', id, 'scope');
    throw notFound('申请');
  }
}
