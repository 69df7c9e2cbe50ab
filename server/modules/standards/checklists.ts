// Checklist versions (standard_checklists): the default of domain/rules/standards.ts becomes the first
// row the first time it is needed, so a city without demo data still has a checklist; a new version
// takes effect from its date, and a year always uses the version in force on its 1 January.
import { sql, type Selectable } from 'kysely';
import type { Db } from '../../db/engine.js';
import type { Trx } from '../../audit/audit-log.js';
import type { StandardChecklistsTable } from '../../db/types-org-life.js';
import { checklistForYear, DEFAULT_CHECKLIST, type StandardItem, type StarThreshold } from '../../../domain/rules/standards.js';
import type { TChecklistCreate } from '../../../domain/schemas/standards.js';
import { conflict, invalid } from '../../errors.js';

export interface Checklist {
  id: number;
  name: string;
  effectiveFrom: string;
  items: StandardItem[];
  starThresholds: StarThreshold[];
  createdAt: string;
  createdBy: string | null;
  used: number;
}

type Row = Selectable<StandardChecklistsTable> & { created_by_name: string | null; used: number };

const present = (r: Row): Checklist => ({
  id: r.id,
  name: r.name,
  effectiveFrom: r.effective_from,
  items: r.items as StandardItem[],
  starThresholds: (r.star_thresholds as StarThreshold[]).slice().sort((a, b) => b.stars - a.stars),
  createdAt: new Date(r.created_at).toISOString(),
  createdBy: r.created_by_name,
  used: r.used,
});

function rows(db: Db) {
  return db
    .selectFrom('standard_checklists as c')
    .selectAll('c')
    .select([
      sql<string | null>`(select display_name from users u where u.id = c.created_by)`.as('created_by_name'),
      sql<number>`(select count(*)::int from standard_assessments a where a.checklist_id = c.id)`.as('used'),
    ]);
}

/** Inserts the default checklist when there is none (idempotent; the demo and the first assessment both call it). */
export async function ensureDefaultChecklist(db: Db | Trx): Promise<void> {
  if (await db.selectFrom('standard_checklists').select('id').limit(1).executeTakeFirst()) return;
  // One statement that re-checks emptiness, so two first requests at once rarely both insert.
  await sql`insert into standard_checklists (name, effective_from, items, star_thresholds)
    select ${DEFAULT_CHECKLIST.name}, ${DEFAULT_CHECKLIST.effectiveFrom}::date, ${JSON.stringify(DEFAULT_CHECKLIST.items)}::jsonb, ${JSON.stringify(DEFAULT_CHECKLIST.starThresholds)}::jsonb
    where not exists (select 1 from standard_checklists)`.execute(db);
}

export async function listChecklists(db: Db): Promise<Checklist[]> {
  await ensureDefaultChecklist(db);
  return (await rows(db).orderBy('c.effective_from', 'desc').orderBy('c.id', 'desc').execute()).map(present);
}

export async function checklistById(db: Db | Trx, id: number): Promise<Checklist> {
  return present(
    await rows(db as Db)
      .where('c.id', '=', id)
      .executeTakeFirstOrThrow(),
  );
}

/** The version in force on 1 January of the year (400 when the year precedes every version). */
export async function checklistOfYear(db: Db | Trx, year: number): Promise<Checklist> {
  await ensureDefaultChecklist(db);
  const all = await db.selectFrom('standard_checklists').select(['id', 'effective_from']).execute();
  const hit = checklistForYear(
    all.map((c) => ({ id: c.id, effectiveFrom: c.effective_from })),
    year,
  );
  if (!hit) throw invalid(`${year}年没有生效的标准清单`, 'year');
  return checklistById(db, hit.id);
}

export async function createChecklist(trx: Trx, userId: number, body: TChecklistCreate): Promise<number> {
  await ensureDefaultChecklist(trx);
  const same = await trx.selectFrom('standard_checklists').select('id').where('effective_from', '=', body.effectiveFrom).executeTakeFirst();
  if (same) throw conflict(`已有自 ${body.effectiveFrom} 起生效的版本，请换一个生效日期`, 'effectiveFrom');
  // A year already assessed keeps one checklist for every organization: the new version starts after it.
  const last = await trx
    .selectFrom('standard_assessments')
    .select((e) => e.fn.max('year').as('y'))
    .executeTakeFirst();
  if (last?.y != null && body.effectiveFrom <= `${last.y}-01-01`) {
    throw conflict(`${last.y}年度已开始评定，新版本的生效日期应晚于 ${last.y}-01-01`, 'effectiveFrom');
  }
  const row = await trx
    .insertInto('standard_checklists')
    .values({
      name: body.name,
      effective_from: body.effectiveFrom,
      items: JSON.stringify(body.items),
      star_thresholds: JSON.stringify([...body.starThresholds].sort((a, b) => b.stars - a.stars)),
      created_by: userId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}
