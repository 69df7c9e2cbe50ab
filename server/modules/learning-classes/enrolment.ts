// Enrolment of a training class (issue 14 point 5): by list, by a pasted list (all or nothing with the line
// named), or by a learner's application approved by the organizer; the class's capacity holds throughout.
import { sql } from 'kysely';
import type { Ctx } from '../../context.js';
import { AppError, conflict, invalid } from '../../errors.js';
import type { TDecision, TEnrol, TEnrolReport } from '../../../domain/schemas/learning-classes.js';
import type { ClassRow } from './queries.js';
import { loadClass, requireOpen } from './service.js';

export interface Person {
  memberId: number | null;
  cadreId: number | null;
  name: string;
}

async function activeCount(ctx: Ctx, classId: number): Promise<number> {
  const r = await sql<{ n: string }>`
    select count(*) as n from learning_class_trainees where class_id = ${classId} and status in ('enrolled', 'completed')`.execute(ctx.db);
  return Number(r.rows[0].n);
}

function checkCapacity(c: ClassRow, current: number, adding: number): void {
  if (c.capacity != null && current + adding > c.capacity)
    throw invalid(`超出培训班人数上限（${c.capacity} 人，已有 ${current} 人）`, 'capacity');
}

/** Adds people as trainees (skipping those already on the roster); returns how many were added. */
async function addTrainees(
  ctx: Ctx,
  c: ClassRow,
  people: Person[],
  via: 'list' | 'application',
  status: 'enrolled' | 'applied',
): Promise<number> {
  let added = 0;
  for (const p of people) {
    const r = await sql<{ id: number }>`
      insert into learning_class_trainees (class_id, member_id, cadre_id, name, status, via)
      values (${c.id}, ${p.memberId}, ${p.cadreId}, ${p.name}, ${status}, ${via})
      on conflict do nothing returning id`.execute(ctx.db);
    added += r.rows.length;
  }
  return added;
}

/** Enrols members and cadres of the organizer's subtree by list. */
export async function enrolByList(ctx: Ctx, classId: number, b: TEnrol): Promise<number> {
  const c = await loadClass(ctx, classId);
  requireOpen(c);
  const people: Person[] = [];
  if (b.memberIds.length) {
    const rows = await sql<{ id: number; name: string }>`
      select id, name from members where id = any(${b.memberIds}::bigint[]) and org_path <@ ${c.org_path}::ltree and status in ('normal', 'flowing', 'lost_contact')`.execute(
      ctx.db,
    );
    const found = new Set(rows.rows.map((r) => Number(r.id)));
    const missing = b.memberIds.filter((i) => !found.has(i));
    if (missing.length) throw invalid(`党员 ${missing.join('、')} 不在本培训班的组织范围内`, 'memberIds');
    people.push(...rows.rows.map((r) => ({ memberId: Number(r.id), cadreId: null, name: r.name })));
  }
  if (b.cadreIds.length) {
    const rows = await sql<{ id: number; name: string; member_id: number | null }>`
      select id, name, member_id from cadres where id = any(${b.cadreIds}::bigint[]) and manager_path <@ ${c.org_path}::ltree`.execute(
      ctx.db,
    );
    const found = new Set(rows.rows.map((r) => Number(r.id)));
    const missing = b.cadreIds.filter((i) => !found.has(i));
    if (missing.length) throw invalid(`干部 ${missing.join('、')} 不在本培训班的组织范围内`, 'cadreIds');
    // A cadre who is a member learns under the member record (server/modules/learning/learner.ts).
    people.push(
      ...rows.rows.map((r) =>
        r.member_id != null
          ? { memberId: Number(r.member_id), cadreId: null, name: r.name }
          : { memberId: null, cadreId: Number(r.id), name: r.name },
      ),
    );
  }
  if (!people.length) throw invalid('请选择参训人员', 'memberIds');
  checkCapacity(c, await activeCount(ctx, classId), people.length);
  return addTrainees(ctx, c, people, 'list', 'enrolled');
}

/**
 * A pasted list, one person a line: a name, or a name and the member's id number after a space or a comma
 * when names repeat. All or nothing: any row that names nobody, or more than one person, in the organizer's
 * subtree is reported with its line number and nothing is written.
 */
export async function enrolByImport(ctx: Ctx, classId: number, text: string, write = true): Promise<TEnrolReport> {
  const c = await loadClass(ctx, classId);
  requireOpen(c);
  const lines = text
    .split(/\r?\n/)
    .map((l, i) => ({ row: i + 1, value: l.trim() }))
    .filter((l) => l.value);
  if (lines.length > 1000) throw invalid('名单一次最多 1000 行', 'text');
  const errors: TEnrolReport['errors'] = [];
  const people: Person[] = [];
  for (const l of lines) {
    const [name, idPart] = l.value.split(/[\s,，\t]+/);
    const memberId = idPart && /^\d+$/.test(idPart) ? Number(idPart) : null;
    if (idPart && memberId == null) {
      errors.push({ ...l, message: '第二列应为党员编号（数字）' });
      continue;
    }
    const rows = await sql<{ id: number; name: string }>`
      select id, name from members where name = ${name} and org_path <@ ${c.org_path}::ltree and status in ('normal', 'flowing', 'lost_contact')
        ${memberId != null ? sql`and id = ${memberId}` : sql``} limit 3`.execute(ctx.db);
    if (!rows.rows.length) errors.push({ ...l, message: '本组织范围内没有此人' });
    else if (rows.rows.length > 1) errors.push({ ...l, message: '有同名党员，请在姓名后写党员编号' });
    else people.push({ memberId: Number(rows.rows[0].id), cadreId: null, name: rows.rows[0].name });
  }
  if (errors.length || !people.length)
    return { ok: false, added: 0, errors: errors.length ? errors : [{ row: 0, value: '', message: '名单为空' }] };
  checkCapacity(c, await activeCount(ctx, classId), people.length);
  if (!write) return { ok: true, added: 0, errors: [] };
  return { ok: true, added: await addTrainees(ctx, c, people, 'list', 'enrolled'), errors: [] };
}

/** A learner's application (learner side): recorded as 'applied' for approval. */
export async function applyFor(ctx: Ctx, c: ClassRow, p: Person): Promise<number> {
  requireOpen(c);
  if (!c.open_for_application) throw conflict('此培训班不接受报名');
  const added = await addTrainees(ctx, c, [p], 'application', 'applied');
  if (!added) throw conflict('已报名或已在培训班名单中');
  const r = await sql<{ id: number }>`
    select id from learning_class_trainees where class_id = ${c.id} and ${p.memberId != null ? sql`member_id = ${p.memberId}` : sql`cadre_id = ${p.cadreId}`}`.execute(
    ctx.db,
  );
  return Number(r.rows[0].id);
}

export async function traineeOfClass(ctx: Ctx, classId: number, traineeId: number) {
  const t = await ctx.db
    .selectFrom('learning_class_trainees')
    .selectAll()
    .where('id', '=', traineeId)
    .where('class_id', '=', classId)
    .executeTakeFirst();
  if (!t) throw new AppError('NOT_FOUND', '学员不存在', 404, 'traineeId');
  return t;
}

export async function decideApplication(ctx: Ctx, classId: number, traineeId: number, d: TDecision): Promise<void> {
  const c = await loadClass(ctx, classId);
  requireOpen(c);
  const t = await traineeOfClass(ctx, classId, traineeId);
  if (t.status !== 'applied') throw conflict('该报名已处理');
  if (d.approve) checkCapacity(c, await activeCount(ctx, classId), 1);
  await ctx.db
    .updateTable('learning_class_trainees')
    .set({ status: d.approve ? 'enrolled' : 'rejected', status_note: d.note })
    .where('id', '=', traineeId)
    .execute();
}
