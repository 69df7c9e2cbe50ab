// Changing the tree: create, edit, move a subtree, dissolve, set the committee. Each runs inside
// the caller's transaction (with its audit row) and leaves a history row with before and after.
import { sql } from 'kysely';
import type { Trx } from '../../audit/audit-log.js';
import type { Actor } from '../../auth/actor.js';
import { ALLOWED_CHILD_KINDS, ORG_KIND_LABELS, type OrgKind } from '../../../domain/org-kinds.js';
import type { TCommittee, TOrgCreate, TOrgUpdate } from '../../../domain/schemas/orgs.js';
import { conflict, invalid } from '../../errors.js';
import { pinyinInitials, pinyinSortKey } from './pinyin.js';
import { followMove } from '../../scope/path-copies.js';
import { historyFields } from './presenters.js';
import { committeeOf, directMemberCount, type OrgRow } from './queries.js';

const label = (k: string) => ORG_KIND_LABELS[k as OrgKind]?.zh ?? k;

function assertChildKind(parentKind: string, kind: string, field = 'kind'): void {
  if (!ALLOWED_CHILD_KINDS[parentKind as OrgKind]?.includes(kind as OrgKind)) {
    throw invalid(`「${label(parentKind)}」下不能设立「${label(kind)}」`, field);
  }
}

async function assertUniqueName(trx: Trx, parentId: number, name: string, exceptId?: number): Promise<void> {
  let q = trx.selectFrom('orgs').select('id').where('parent_id', '=', parentId).where('name', '=', name).where('status', '=', 'active');
  if (exceptId) q = q.where('id', '!=', exceptId);
  if (await q.executeTakeFirst()) throw conflict('同一上级组织下已有同名组织', 'name');
}

async function assertUniqueCode(trx: Trx, code: string, exceptId?: number): Promise<void> {
  let q = trx.selectFrom('orgs').select('id').where('code', '=', code);
  if (exceptId) q = q.where('id', '!=', exceptId);
  if (await q.executeTakeFirst()) throw conflict('组织代码已被使用', 'code');
}

async function writeHistory(trx: Trx, orgId: number, action: string, actor: Actor, now: Date, before: unknown, after: unknown) {
  await trx
    .insertInto('org_history')
    .values({
      org_id: orgId,
      action,
      actor_id: actor.userId,
      at: now,
      before: before == null ? null : JSON.stringify(before),
      after: after == null ? null : JSON.stringify(after),
    })
    .execute();
}

const reload = (trx: Trx, id: number) => trx.selectFrom('orgs').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

export async function createOrg(trx: Trx, actor: Actor, parent: OrgRow, input: TOrgCreate, now: Date): Promise<OrgRow> {
  if (parent.status !== 'active') throw invalid('上级组织已撤销', 'parentId');
  assertChildKind(parent.kind, input.kind);
  await assertUniqueName(trx, parent.id, input.name);
  const { id } = await sql<{ id: number }>`select nextval('orgs_id_seq')::int as id`.execute(trx).then((r) => r.rows[0]);
  const code = input.code ?? `Z${String(id).padStart(8, '0')}`;
  await assertUniqueCode(trx, code);
  await trx
    .insertInto('orgs')
    .values({
      id,
      parent_id: parent.id,
      path: `${parent.path}.${id}`,
      name: input.name,
      short_name: input.shortName ?? null,
      code,
      kind: input.kind,
      unit_type: input.unitType ?? null,
      established_on: input.establishedOn ?? null,
      name_initials: pinyinInitials(input.name),
      sort_key: pinyinSortKey(input.name),
      created_at: now,
      updated_at: now,
    } as never)
    .execute();
  await trx
    .updateTable('orgs')
    .set((eb) => ({ child_count: eb('child_count', '+', 1) }))
    .where('id', '=', parent.id)
    .execute();
  const org = await reload(trx, id);
  await writeHistory(trx, id, 'create', actor, now, null, historyFields(org));
  return org;
}

export async function updateOrg(trx: Trx, actor: Actor, org: OrgRow, input: TOrgUpdate, now: Date): Promise<OrgRow> {
  if (org.status !== 'active') throw invalid('已撤销的组织不能编辑');
  if (input.kind && input.kind !== org.kind) {
    const parent = org.parent_id ? await reload(trx, org.parent_id) : null;
    if (parent) assertChildKind(parent.kind, input.kind);
    const kids = await trx
      .selectFrom('orgs')
      .select('kind')
      .distinct()
      .where('parent_id', '=', org.id)
      .where('status', '=', 'active')
      .execute();
    for (const k of kids) assertChildKind(input.kind, k.kind);
  }
  if (input.name && input.name !== org.name && org.parent_id) await assertUniqueName(trx, org.parent_id, input.name, org.id);
  if (input.code && input.code !== org.code) await assertUniqueCode(trx, input.code, org.id);
  const set: Record<string, unknown> = { updated_at: now, version: org.version + 1 };
  if (input.name !== undefined)
    Object.assign(set, { name: input.name, name_initials: pinyinInitials(input.name), sort_key: pinyinSortKey(input.name) });
  if (input.shortName !== undefined) set.short_name = input.shortName;
  if (input.code !== undefined) set.code = input.code;
  if (input.kind !== undefined) set.kind = input.kind;
  if (input.unitType !== undefined) set.unit_type = input.unitType;
  if (input.establishedOn !== undefined) set.established_on = input.establishedOn;
  await trx.updateTable('orgs').set(set).where('id', '=', org.id).execute();
  const after = await reload(trx, org.id);
  await writeHistory(trx, org.id, 'update', actor, now, historyFields(org), historyFields(after));
  return after;
}

export async function moveOrg(trx: Trx, actor: Actor, org: OrgRow, newParent: OrgRow, now: Date): Promise<OrgRow> {
  if (!org.parent_id) throw invalid('根组织不能移动');
  if (org.id === actor.orgId) throw invalid('不能移动本人所在的组织', 'newParentId');
  if (newParent.id === org.parent_id) throw invalid('新的上级组织与原上级组织相同', 'newParentId');
  if (newParent.path === org.path || newParent.path.startsWith(`${org.path}.`))
    throw invalid('不能移动到本组织或其下级组织之下', 'newParentId');
  if (newParent.status !== 'active') throw invalid('新的上级组织已撤销', 'newParentId');
  assertChildKind(newParent.kind, org.kind, 'newParentId');
  await assertUniqueName(trx, newParent.id, org.name, org.id);
  // Re-root the whole subtree in one statement: new parent's path + the part below the old parent.
  await sql`update orgs set path = ${newParent.path}::ltree || subpath(path, nlevel(${org.path}::ltree) - 1), updated_at = ${now}
            where path <@ ${org.path}::ltree`.execute(trx);
  // Members, development records and letters keep copies of their organizations' paths: all follow.
  await followMove(trx, org.path);
  await trx
    .updateTable('orgs')
    .set({ parent_id: newParent.id, version: org.version + 1 })
    .where('id', '=', org.id)
    .execute();
  if (org.status === 'active') {
    await trx
      .updateTable('orgs')
      .set((eb) => ({ child_count: eb('child_count', '-', 1) }))
      .where('id', '=', org.parent_id)
      .execute();
    await trx
      .updateTable('orgs')
      .set((eb) => ({ child_count: eb('child_count', '+', 1) }))
      .where('id', '=', newParent.id)
      .execute();
  }
  const after = await reload(trx, org.id);
  await writeHistory(trx, org.id, 'move', actor, now, historyFields(org), historyFields(after));
  return after;
}

export async function dissolveOrg(trx: Trx, actor: Actor, org: OrgRow, dissolvedOn: string, reason: string, now: Date): Promise<OrgRow> {
  if (org.status !== 'active') throw conflict('该组织已撤销');
  if (org.id === actor.orgId || !org.parent_id) throw conflict('不能撤销本人所在的组织或根组织');
  // Never delete: refuse while people or organizations still hang under it (PRODUCT.md).
  if (org.child_count > 0) throw conflict(`该组织尚有 ${org.child_count} 个下级组织，请先撤销或移出`);
  const members = await directMemberCount(trx, org.id);
  if (members > 0) throw conflict(`该组织尚有 ${members} 名党员，请先转出组织关系`);
  if (org.established_on && dissolvedOn < org.established_on) throw invalid('撤销日期不能早于成立日期', 'dissolvedOn');
  await trx
    .updateTable('orgs')
    .set({ status: 'dissolved', dissolved_on: dissolvedOn, updated_at: now, version: org.version + 1 })
    .where('id', '=', org.id)
    .execute();
  await trx
    .updateTable('orgs')
    .set((eb) => ({ child_count: eb('child_count', '-', 1) }))
    .where('id', '=', org.parent_id)
    .execute();
  const after = await reload(trx, org.id);
  await writeHistory(trx, org.id, 'dissolve', actor, now, historyFields(org), { ...historyFields(after), reason });
  return after;
}

export async function setCommittee(trx: Trx, actor: Actor, org: OrgRow, input: TCommittee, now: Date): Promise<void> {
  if (input.members.filter((m) => m.post === 'secretary').length > 1) throw invalid('只能有一名书记', 'members');
  input.members.forEach((m, i) => {
    if (m.termStart && m.termEnd && m.termEnd < m.termStart) throw invalid('任期结束日期不能早于开始日期', `members.${i}.termEnd`);
  });
  // Only the sitting committee is edited here; earlier committees stay as the record of past terms.
  const sitting = await committeeOf(trx, org.id);
  const before = sitting.map((r) => ({ person_name: r.person_name, post: r.post, term_start: r.term_start, term_end: r.term_end }));
  if (sitting.length)
    await trx
      .deleteFrom('org_committee_members')
      .where(
        'id',
        'in',
        sitting.map((r) => r.id),
      )
      .execute();
  if (input.members.length) {
    await trx
      .insertInto('org_committee_members')
      .values(
        input.members.map((m) => ({
          org_id: org.id,
          person_name: m.personName,
          post: m.post,
          term_start: m.termStart ?? null,
          term_end: m.termEnd ?? null,
        })),
      )
      .execute();
  }
  await writeHistory(trx, org.id, 'committee', actor, now, before, input.members);
}
