// The one writer of units, posts and team terms (docs/architecture.md "One writer per record"). Every
// change runs in the caller's audited transaction and checks the version the editor saw, so two
// officers editing the same unit do not overwrite each other silently. Appointments (who holds a post)
// are written by the cadre file's writer, never here.
import dayjs from 'dayjs';
import type { Trx } from '../../audit/audit-log.js';
import { conflict, invalid } from '../../errors.js';
import { pinyinInitials } from '../orgs/pinyin.js';
import type { TPostCreate, TPostUpdate, TTeamTermUpdate, TUnitCreate, TUnitUpdate } from '../../../domain/schemas/cadre-units.js';

const stale = (what: string) => conflict(`${what}已被他人修改，请刷新后重试`, 'version');

/** Refuses a parent that is the unit itself or one of its descendants (the line of leadership has no loop). */
async function checkParent(trx: Trx, unitId: number | null, parentId: number | null | undefined): Promise<void> {
  let at = parentId ?? null;
  for (let depth = 0; at !== null && depth < 50; depth++) {
    if (at === unitId) throw invalid('上级单位不能是本单位或其下属单位', 'parentUnitId');
    const row = await trx.selectFrom('cadre_units').select('parent_unit_id').where('id', '=', at).executeTakeFirst();
    at = row?.parent_unit_id ?? null;
  }
}

export async function createUnit(trx: Trx, input: TUnitCreate, now: Date): Promise<{ id: number }> {
  await checkParent(trx, null, input.parentUnitId);
  return trx
    .insertInto('cadre_units')
    .values({
      manager_org_id: input.managerOrgId,
      org_id: input.orgId ?? null,
      name: input.name,
      short_name: input.shortName ?? null,
      kind: input.kind,
      level: input.level,
      parent_unit_id: input.parentUnitId ?? null,
      sort: input.sort ?? 0,
      name_initials: pinyinInitials(input.name),
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
}

export async function updateUnit(trx: Trx, id: number, input: TUnitUpdate, now: Date): Promise<{ id: number; version: number }> {
  if (input.parentUnitId !== undefined) await checkParent(trx, id, input.parentUnitId);
  const { version, orgId, shortName, parentUnitId, dissolvedOn, ...same } = input;
  const row = await trx
    .updateTable('cadre_units')
    .set({
      ...same,
      ...(same.name !== undefined ? { name_initials: pinyinInitials(same.name) } : {}),
      ...(orgId !== undefined ? { org_id: orgId } : {}),
      ...(shortName !== undefined ? { short_name: shortName } : {}),
      ...(parentUnitId !== undefined ? { parent_unit_id: parentUnitId } : {}),
      ...(dissolvedOn !== undefined ? { dissolved_on: dissolvedOn } : {}),
      version: version + 1,
      updated_at: now,
    })
    .where('id', '=', id)
    .where('version', '=', version)
    .returning(['id', 'version'])
    .executeTakeFirst();
  if (!row) throw stale('单位');
  return row;
}

export async function createPost(trx: Trx, unitId: number, input: TPostCreate, now: Date): Promise<{ id: number }> {
  return trx
    .insertInto('cadre_posts')
    .values({
      unit_id: unitId,
      title: input.title,
      level: input.level,
      principal: input.principal,
      line: input.line ?? '行政',
      elected: input.elected ?? false,
      quota: input.quota,
      sort: input.sort ?? 0,
      created_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
}

export async function updatePost(trx: Trx, id: number, input: TPostUpdate): Promise<{ id: number; unitId: number; version: number }> {
  const { version, abolishedOn, ...same } = input;
  const row = await trx
    .updateTable('cadre_posts')
    .set({ ...same, ...(abolishedOn !== undefined ? { abolished_on: abolishedOn } : {}), version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .returning(['id', 'unit_id as unitId', 'version'])
    .executeTakeFirst();
  if (!row) throw stale('职位');
  return row;
}

/** Records or changes a team's term; 应换届时间 defaults to the start plus the term's years. */
export async function saveTeamTerm(trx: Trx, unitId: number, input: TTeamTermUpdate): Promise<{ id: number; renewDueOn: string | null }> {
  const renewDueOn =
    input.renewDueOn === undefined ? dayjs(input.termStartedOn).add(input.termYears, 'year').format('YYYY-MM-DD') : input.renewDueOn;
  if (renewDueOn !== null && renewDueOn <= input.termStartedOn) throw invalid('应换届时间应晚于本届开始时间', 'renewDueOn');
  const values = {
    name: input.name,
    term_years: input.termYears,
    term_started_on: input.termStartedOn,
    renew_due_on: renewDueOn,
    note: input.note ?? '',
  };
  const existing = await trx
    .selectFrom('cadre_teams')
    .select(['id', 'version'])
    .where('unit_id', '=', unitId)
    .forUpdate()
    .executeTakeFirst();
  if (!existing) {
    const row = await trx
      .insertInto('cadre_teams')
      .values({ unit_id: unitId, ...values })
      .returning('id')
      .executeTakeFirstOrThrow();
    return { id: row.id, renewDueOn };
  }
  if (input.version !== existing.version) throw stale('班子届期');
  await trx
    .updateTable('cadre_teams')
    .set({ ...values, version: existing.version + 1 })
    .where('id', '=', existing.id)
    .execute();
  return { id: existing.id, renewDueOn };
}
