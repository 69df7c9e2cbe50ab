// Who may reach an application: staff through the scope resource `talent_application` (declared on the route:
// an application lies in its talent's district); an applicant only their own (talent_people.user_id); an employer
// only its staff's (talent_employer_users); anyone else's existing application is a 404 with an audited refusal.
// The same check guards the applicant's own talent record and 人才分类认定 (talent/recognition-own-routes.ts):
// those ids are not in the organization tree, so the declared route scope cannot check them.
import type { Ctx } from '../../context.js';
import type { Db } from '../../db/engine.js';
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

export type OwnedKind = 'talent_person' | 'talent_recognition' | 'talent_application';
type Owner = { user_id: number | null; employer_id: number | null };
type OwnerOf = { noun: string; owner: (db: Db, id: number) => Promise<Owner | undefined> };

/** The records reached from the applicant's side: the name a 404 uses, and whose they are (account, employer). */
const OWNED: Record<OwnedKind, OwnerOf> = {
  talent_person: {
    noun: '人才',
    owner: (db, id) => db.selectFrom('talent_people').select(['user_id', 'employer_id']).where('id', '=', id).executeTakeFirst(),
  },
  talent_recognition: {
    noun: '认定申请',
    owner: (db, id) =>
      db
        .selectFrom('talent_recognitions as r')
        .innerJoin('talent_people as p', 'p.id', 'r.person_id')
        .select(['p.user_id', 'p.employer_id'])
        .where('r.id', '=', id)
        .executeTakeFirst(),
  },
  talent_application: {
    noun: '申请',
    // The employer the application was filed under (it reviews it), not the talent's current one.
    owner: (db, id) =>
      db
        .selectFrom('talent_applications as a')
        .innerJoin('talent_people as p', 'p.id', 'a.person_id')
        .select(['p.user_id', 'a.employer_id'])
        .where('a.id', '=', id)
        .executeTakeFirst(),
  },
};

/**
 * 404 unless the record is the applicant's own (self) or one of the employer's staff's (employer). A missing
 * and a foreign id answer alike; refusing an existing one is audited under the side's action.
 */
export async function requireOwn(ctx: Ctx, side: Side, kind: OwnedKind, id: number): Promise<void> {
  const { noun, owner } = OWNED[kind];
  const o = await owner(ctx.db, id);
  if (o) {
    const mine =
      side === 'self' ? o.user_id === ctx.actor.userId : o.employer_id !== null && (await ownEmployerIds(ctx)).includes(o.employer_id);
    if (mine) return;
    await recordDenied(ctx, SIDE_ACTION[side], kind, id, 'scope');
  }
  throw notFound(noun);
}
