// Study sessions (issue 14 point 3): the server credits its own clock's time between accepted heartbeats
// under domain/rules/study-time.ts, keeps one crediting session per account, caps a learner's credit at the
// material's length and writes the ledger row `material:<id>` through its one writer. A heartbeat is one
// read and, when accepted, one short transaction: the ledger is touched only when the rounded 学时 change
// (0.1 h = 6 minutes), so the learner's total is right whenever it is read. Heartbeats are telemetry, not
// audited one by one; the session's start is audited, and its rows are the record.
import { sql } from 'kysely';
import type { THeartbeat, THeartbeatResult, TSessionStart } from '../../../domain/schemas/learning.js';
import {
  answerPresence,
  creditBeat,
  secondsToHours,
  sharedDevice,
  STUDY_TIME_2026,
  STUDY_TIME_SHORT_BEATS,
  type SessionState,
} from '../../../domain/rules/study-time.js';
import { audited } from '../../audit/record.js';
import type { Ctx } from '../../context.js';
import type { Db } from '../../db/engine.js';
import { notFound } from '../../errors.js';
import { upsertCredit } from './credits.js';
import { learnerMaterial } from './materials.js';
import { learnerKeyCol, studyLearnerOfActor, type Learner } from './learner.js';

// The browser tests run the real server and cannot move its clock: they ask for 2-second beats instead.
const RULES = process.env.ZUGONG_E2E_SHORT_HEARTBEATS === '1' ? STUDY_TIME_SHORT_BEATS : STUDY_TIME_2026;
const secs = (d: Date | string) => (d instanceof Date ? d : new Date(d)).getTime() / 1000;
const at = (s: number) => new Date(Math.round(s * 1000));

/** The learner's credited seconds on a material over all sessions. */
type Key = Pick<Learner, 'memberId' | 'cadreId' | 'devPersonId'>;

async function progressOf(db: Db, l: Key, materialId: number): Promise<number> {
  const [col, val] = learnerKeyCol(l);
  const r = await db
    .selectFrom('learning_material_progress')
    .select('credited_seconds')
    .where('material_id', '=', materialId)
    .where(col, '=', val)
    .executeTakeFirst();
  return r?.credited_seconds ?? 0;
}

export async function materialCredited(ctx: Ctx, l: Learner, materialId: number): Promise<number> {
  return progressOf(ctx.db, l, materialId);
}

/** Starts a session: the account's earlier sessions stop earning (one crediting session per account). */
export async function startSession(ctx: Ctx, materialId: number): Promise<TSessionStart> {
  const learner = await studyLearnerOfActor(ctx);
  if (!learner) throw notFound('学习者档案');
  const m = await learnerMaterial(ctx, learner, materialId);
  const now = ctx.clock.now();
  const ip = ctx.origin.ip;
  const sessionId = await audited<number>(
    ctx,
    { action: 'learning.session.start', objectType: 'learning_material', objectId: () => materialId, detail: (id) => ({ sessionId: id }) },
    async (trx) => {
      await trx
        .updateTable('learning_sessions')
        .set({ superseded: true })
        .where('user_id', '=', ctx.actor.userId)
        .where('superseded', '=', false)
        .execute();
      const row = await trx
        .insertInto('learning_sessions')
        .values({
          user_id: ctx.actor.userId,
          member_id: learner.memberId,
          cadre_id: learner.cadreId,
          dev_person_id: learner.devPersonId ?? null,
          material_id: materialId,
          ip,
          started_at: now,
          anchor_at: now,
          presence_at: now,
          streak_from: null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const id = Number(row.id);
      // Many accounts from one address in turn (PILLARS.md §4): flagged for review, crediting goes on.
      const since = new Date(now.getTime() - RULES.sharedDeviceWindowSeconds * 1000);
      const { n } = await trx
        .selectFrom('learning_sessions')
        .select(sql<number>`count(distinct user_id)::int`.as('n'))
        .where('ip', '=', ip)
        .where('started_at', '>=', since)
        .executeTakeFirstOrThrow();
      if (ip && sharedDevice(n, RULES))
        await raiseFlag(trx, id, learner, 'shared_device', { ip, accounts: n, windowSeconds: RULES.sharedDeviceWindowSeconds }, now);
      return id;
    },
  );
  return {
    sessionId,
    heartbeatSeconds: RULES.heartbeatSeconds,
    presenceSeconds: RULES.presenceSeconds,
    materialCreditedSeconds: await progressOf(ctx.db, learner, materialId),
    lengthSeconds: m.length_seconds,
  };
}

async function raiseFlag(
  db: Db,
  sessionId: number,
  l: Key,
  kind: 'nonstop' | 'shared_device' | 'fast_playback',
  detail: object,
  now: Date,
) {
  await sql`insert into learning_flags (kind, session_id, member_id, cadre_id, dev_person_id, detail, raised_at)
    values (${kind}, ${sessionId}, ${l.memberId}, ${l.cadreId}, ${l.devPersonId ?? null}, ${JSON.stringify(detail)}::jsonb, ${now})
    on conflict (session_id, kind) where session_id is not null do nothing`.execute(db);
}

interface SessionRow {
  id: number;
  member_id: number | null;
  cadre_id: number | null;
  dev_person_id: number | null;
  material_id: number;
  anchor_at: Date;
  presence_at: Date;
  streak_from: Date | null;
  credited_seconds: number;
  superseded: boolean;
  length_seconds: number;
  title: string;
  material_credited: number | null;
}

/** The caller's own session with its material and the learner's progress on it, or 404. */
async function ownSession(ctx: Ctx, id: number): Promise<SessionRow> {
  const r = await sql<SessionRow>`
    select s.id, s.member_id, s.cadre_id, s.dev_person_id, s.material_id, s.anchor_at, s.presence_at, s.streak_from, s.credited_seconds,
           s.superseded, m.length_seconds, m.title, p.credited_seconds as material_credited
      from learning_sessions s
      join learning_materials m on m.id = s.material_id
      left join learning_material_progress p on p.material_id = s.material_id
        and (p.member_id = s.member_id or p.cadre_id = s.cadre_id or p.dev_person_id = s.dev_person_id)
     where s.id = ${id} and s.user_id = ${ctx.actor.userId}`.execute(ctx.db);
  if (!r.rows[0]) throw notFound('学习会话');
  return r.rows[0];
}

const stateOf = (s: SessionRow): SessionState => ({
  anchorAt: secs(s.anchor_at),
  presenceAt: secs(s.presence_at),
  streakFrom: s.streak_from ? secs(s.streak_from) : null,
  creditedSeconds: s.credited_seconds,
  materialCreditedSeconds: s.material_credited ?? 0,
  current: !s.superseded,
});

/** One heartbeat: credits the server's time since the last accepted beat under the rules. */
export async function heartbeat(ctx: Ctx, id: number, beat: THeartbeat): Promise<THeartbeatResult> {
  // The beat's time is when it reached the server, not when a busy database got round to it.
  const now = secs(ctx.clock.now());
  const s = await ownSession(ctx, id);
  const res = creditBeat(stateOf(s), { at: now, visible: beat.visible, rate: beat.rate }, s.length_seconds, RULES);
  const answer = {
    creditedSeconds: res.next.creditedSeconds,
    materialCreditedSeconds: res.next.materialCreditedSeconds,
    outcome: res.outcome,
  };
  if (!res.accepted) return answer;
  const n = res.next;
  const written = await ctx.db.transaction().execute(async (trx) => {
    // Two beats of one session in flight at once read the same anchor: only the first to write counts,
    // the other is answered with the session as it now stands (no time is credited twice).
    const moved = await trx
      .updateTable('learning_sessions')
      .set({
        anchor_at: at(n.anchorAt),
        streak_from: n.streakFrom == null ? null : at(n.streakFrom),
        credited_seconds: n.creditedSeconds,
        beats: sql`beats + 1`,
      })
      .where('id', '=', id)
      .where('anchor_at', '=', s.anchor_at)
      .executeTakeFirst();
    if (Number(moved.numUpdatedRows) === 0) return false;
    const learner = { memberId: s.member_id, cadreId: s.cadre_id, devPersonId: s.dev_person_id };
    if (res.credit > 0) {
      const key = sql.ref(learnerKeyCol(learner)[0]);
      await sql`insert into learning_material_progress (member_id, cadre_id, dev_person_id, material_id, credited_seconds, updated_at)
        values (${s.member_id}, ${s.cadre_id}, ${s.dev_person_id}, ${s.material_id}, ${n.materialCreditedSeconds}, ${at(now)})
        on conflict (${key}, material_id) where ${key} is not null
        do update set credited_seconds = excluded.credited_seconds, updated_at = excluded.updated_at`.execute(trx);
      const before = secondsToHours(s.material_credited ?? 0);
      const after = secondsToHours(n.materialCreditedSeconds);
      if (after !== before)
        await upsertCredit(
          { ...ctx, db: trx },
          {
            ...learner,
            source: 'online',
            sourceRef: `material:${s.material_id}`,
            title: s.title,
            hours: after,
            earnedOn: ctx.today(),
            online: true,
          },
        );
    }
    if (res.nonstop) await raiseFlag(trx, id, learner, 'nonstop', { since: at(n.streakFrom ?? now).toISOString() }, at(now));
    if (res.fastPlayback) await raiseFlag(trx, id, learner, 'fast_playback', { rate: beat.rate, position: beat.position }, at(now));
    return true;
  });
  if (written) return answer;
  const current = await ownSession(ctx, id);
  return { creditedSeconds: current.credited_seconds, materialCreditedSeconds: current.material_credited ?? 0, outcome: 'too_early' };
}

/** The learner answered "still there?": crediting resumes from now, the wait earned nothing. */
export async function confirmPresence(ctx: Ctx, id: number): Promise<THeartbeatResult> {
  const s = await ownSession(ctx, id);
  const now = secs(ctx.clock.now());
  const next = answerPresence(stateOf(s), now);
  await ctx.db
    .updateTable('learning_sessions')
    .set({ presence_at: at(next.presenceAt), anchor_at: at(next.anchorAt), streak_from: null })
    .where('id', '=', id)
    .where('superseded', '=', false)
    .execute();
  return {
    creditedSeconds: s.credited_seconds,
    materialCreditedSeconds: s.material_credited ?? 0,
    outcome: s.superseded ? 'superseded' : 'credited',
  };
}
