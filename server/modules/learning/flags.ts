// Study that looks scripted (PILLARS.md §4: hours without a pause, many accounts from one device in
// turn, playback above the allowed rate): listed for learning.approve holders of the learner's subtree
// and reviewed by a person. The credit stays as the server counted it; the review is the record.
import { sql } from 'kysely';
import type { TFlag } from '../../../domain/schemas/learning.js';
import { audited } from '../../audit/record.js';
import type { Ctx } from '../../context.js';

export async function listFlags(ctx: Ctx, open: boolean): Promise<TFlag[]> {
  const r = await sql<{
    id: number;
    kind: TFlag['kind'];
    learner_name: string;
    org_name: string;
    material_title: string | null;
    detail: Record<string, unknown>;
    raised_at: Date;
    review: TFlag['review'];
    review_note: string;
  }>`
    select f.id, f.kind, coalesce(m.name, c.name, d.name) as learner_name, coalesce(mo.name, co.name, dorg.name, '') as org_name,
           lm.title as material_title, f.detail, f.raised_at, f.review, f.review_note
      from learning_flags f
      left join members m on m.id = f.member_id left join orgs mo on mo.id = m.org_id
      left join cadres c on c.id = f.cadre_id left join orgs co on co.id = c.manager_org_id
      left join dev_people d on d.id = f.dev_person_id left join orgs dorg on dorg.id = d.org_id
      left join learning_sessions s on s.id = f.session_id left join learning_materials lm on lm.id = s.material_id
     where coalesce(m.org_path, c.manager_path, d.org_path) <@ ${ctx.actor.scopePath}::ltree
       and ${open ? sql`f.review is null` : sql`true`}
     order by f.raised_at desc limit 200`.execute(ctx.db);
  return r.rows.map((f) => ({
    id: Number(f.id),
    kind: f.kind,
    learnerName: f.learner_name,
    orgName: f.org_name,
    materialTitle: f.material_title,
    detail: typeof f.detail === 'string' ? JSON.parse(f.detail) : f.detail,
    raisedAt: new Date(f.raised_at).toISOString(),
    review: f.review,
    reviewNote: f.review_note,
  }));
}

export async function reviewFlag(ctx: Ctx, id: number, review: 'cleared' | 'upheld', note: string): Promise<void> {
  await audited(
    ctx,
    { action: 'learning.flag.review', objectType: 'learning_flag', objectId: () => id, detail: () => ({ review, note }) },
    (trx) =>
      trx
        .updateTable('learning_flags')
        .set({ review, review_note: note, reviewed_by: ctx.actor.userId, reviewed_at: ctx.clock.now() })
        .where('id', '=', id)
        .execute(),
  );
}
