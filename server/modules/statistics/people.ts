// The people (or organizations) behind a number of a statistics table: the same test as the
// number, in SQL, paged. The list's total is its own count, so it can be checked against the cell.
import { sql } from 'kysely';
import type { Db } from '../../db/engine.js';
import { CATEGORY_LABELS, EDUCATION_LABELS, ETHNICITIES, OCCUPATION_LABELS } from '../../../domain/member-fields.js';
import { MEMBER_STATUS_LABELS, type MemberStatus } from '../../../domain/member-status.js';
import { ORG_KIND_LABELS, UNIT_TYPE_LABELS } from '../../../domain/org-kinds.js';
import { ageOn, partyYears } from '../../../domain/rules/members.js';
import { monthEnd } from '../../../domain/rules/statistics.js';
import type { TPeopleList } from '../../../domain/schemas/statistics.js';
import { decodeCursor, encodeCursor } from '../../http/keyset-cursor.js';
import { invalid, notFound } from '../../errors.js';
import { L, type CellColumn, type Label } from './columns.js';
import type { CellTableDef } from './cell-tables.js';
import type { EventTableDef } from './event-tables.js';
import { categoryAt, memberBase, memberColumnSql, orgBase, orgColumnSql } from './predicates.js';
import { eventContext, requireTable, type TableRequest } from './tables.js';

export interface PeopleRequest extends TableRequest {
  row: string;
  col: string;
}

type Item = TPeopleList['items'][number];
type Lbl = Record<string, { zh: string }>;
const label = (labels: Lbl, code: string | null) => (code ? (labels[code]?.zh ?? code) : null);

/** The rows of the table's row: the subtree of the organization or of a child, or what the organization holds itself. */
async function rowScope(db: Db, r: PeopleRequest): Promise<{ path: string; self: boolean; name: string }> {
  if (r.row === 'total') return { path: r.org.path, self: false, name: r.org.name };
  if (r.row === 'self') return { path: r.org.path, self: true, name: `${r.org.name}（本级）` };
  const child = await db
    .selectFrom('orgs')
    .select(['path', 'name'])
    .where('id', '=', Number(r.row))
    .where('parent_id', '=', r.org.id)
    .executeTakeFirst();
  if (!child) throw notFound('统计表中的组织');
  return { path: child.path, self: false, name: child.name };
}

function columnOf<C extends { key: string; path: Label[] }>(cols: C[], key: string): C {
  const c = cols.find((x) => x.key === key);
  if (!c) throw invalid('统计表中没有该栏目', 'col');
  return c;
}

const MEMBER_COLUMNS = [
  ['name', L('姓名', 'Name')],
  ['gender', L('性别', 'Sex')],
  ['age', L('年龄', 'Age')],
  ['ethnicity', L('民族', 'Ethnicity')],
  ['education', L('学历', 'Education')],
  ['occupation', L('职业', 'Occupation')],
  ['category', L('人员类别', 'Category')],
  ['admittedOn', L('入党日期', 'Admitted')],
  ['fullOn', L('转正日期', 'Full member since')],
  ['partyYears', L('党龄', 'Years')],
  ['status', L('状态', 'Status')],
  ['orgName', L('所在党组织', 'Organization')],
  ['idMasked', L('身份证号', 'ID number')],
] as const;

const ORG_COLUMNS = [
  ['name', L('组织名称', 'Name')],
  ['kind', L('组织类型', 'Kind')],
  ['unitType', L('单位类型', 'Unit type')],
  ['parentName', L('上级党组织', 'Parent')],
  ['establishedOn', L('成立日期', 'Founded')],
  ['status', L('状态', 'Status')],
] as const;

const eventColumns = (def: EventTableDef) =>
  [
    ['name', L('姓名', 'Name')],
    ['gender', L('性别', 'Sex')],
    ['orgName', L('所在党组织', 'Organization')],
    ['date', def.dateLabel],
    ['note', L('说明', 'Note')],
    ['idMasked', L('身份证号', 'ID number')],
  ] as const;

export interface Source {
  title: string;
  columns: TPeopleList['columns'];
  count(): Promise<number>;
  /** A page after the cursor (null: from the start); `next` is the cursor of the following page. */
  page(cursor: string | null, limit: number): Promise<{ items: Item[]; next: string | null }>;
}

async function memberSource(db: Db, def: CellTableDef, r: PeopleRequest): Promise<Source> {
  const asOf = monthEnd(r.month);
  // Every minority may have its own column in the sex and ethnicity table.
  const { columns } = def.shape({ month: r.month, ageBands: r.ageBands, minorities: ETHNICITIES.filter((e) => e !== '汉族') });
  const c = columnOf(columns, r.col);
  const scope = await rowScope(db, r);
  const where = sql<boolean>`${memberBase(scope.path, asOf, scope.self)} and ${memberColumnSql(c, asOf)}`;
  return {
    title: `${scope.name} · ${c.path.map((p) => p.zh).join(' · ')}`,
    columns: MEMBER_COLUMNS.map(([key, title]) => ({ key, title })),
    count: async () => (await sql<{ n: number }>`select count(*)::int as n from members m where ${where}`.execute(db)).rows[0].n,
    async page(cursor, limit) {
      const after = decodeCursor(cursor ?? undefined);
      const rows = await sql<{
        id: number;
        name: string;
        gender: string;
        birth_date: string | null;
        ethnicity: string;
        edu_highest: string | null;
        occupation: string | null;
        cat: 'full' | 'probationary';
        admitted_on: string | null;
        full_on: string | null;
        status: string;
        org_id: number;
        org_name: string;
        id_masked: string | null;
        sort_key: string;
      }>`
        select m.id, m.name, m.gender, m.birth_date, m.ethnicity, m.edu_highest, m.occupation, ${categoryAt(asOf)} as cat, m.admitted_on, m.full_on,
          m.status, m.org_id, o.name as org_name, m.id_masked, m.sort_key
        from members m join orgs o on o.id = m.org_id
        where ${where} ${after ? sql`and (m.sort_key, m.id) > (${after.key}, ${after.id})` : sql``}
        order by m.sort_key, m.id limit ${limit + 1}`.execute(db);
      const page = rows.rows.slice(0, limit);
      return {
        items: page.map((m) => ({
          id: String(m.id),
          memberId: m.id,
          orgId: m.org_id,
          values: {
            name: m.name,
            gender: m.gender,
            age: ageOn(m.birth_date, asOf),
            ethnicity: m.ethnicity,
            education: label(EDUCATION_LABELS, m.edu_highest),
            occupation: label(OCCUPATION_LABELS, m.occupation),
            category: CATEGORY_LABELS[m.cat].zh,
            admittedOn: m.admitted_on,
            fullOn: m.cat === 'full' ? m.full_on : null,
            partyYears: m.cat === 'full' ? partyYears(m.full_on, asOf) : null,
            status: MEMBER_STATUS_LABELS[m.status as MemberStatus]?.zh ?? m.status,
            orgName: m.org_name,
            idMasked: m.id_masked,
          },
        })),
        next: rows.rows.length > limit ? encodeCursor(page[page.length - 1]) : null,
      };
    },
  };
}

async function orgSource(db: Db, def: CellTableDef, r: PeopleRequest): Promise<Source> {
  const asOf = monthEnd(r.month);
  const c: CellColumn = columnOf(def.shape({ month: r.month, ageBands: r.ageBands, minorities: [] }).columns, r.col);
  const scope = await rowScope(db, r);
  const where = sql<boolean>`${orgBase(scope.path, asOf, scope.self)} and ${orgColumnSql(c)}`;
  return {
    title: `${scope.name} · ${c.path.map((p) => p.zh).join(' · ')}`,
    columns: ORG_COLUMNS.map(([key, title]) => ({ key, title })),
    count: async () => (await sql<{ n: number }>`select count(*)::int as n from orgs o where ${where}`.execute(db)).rows[0].n,
    async page(cursor, limit) {
      const after = decodeCursor(cursor ?? undefined);
      const rows = await sql<{
        id: number;
        name: string;
        kind: string;
        unit_type: string | null;
        parent_name: string | null;
        established_on: string | null;
        status: string;
        sort_key: string;
      }>`
        select o.id, o.name, o.kind, o.unit_type, p.name as parent_name, o.established_on, o.status, o.sort_key
        from orgs o left join orgs p on p.id = o.parent_id
        where ${where} ${after ? sql`and (o.sort_key, o.id) > (${after.key}, ${after.id})` : sql``}
        order by o.sort_key, o.id limit ${limit + 1}`.execute(db);
      const page = rows.rows.slice(0, limit);
      return {
        items: page.map((o) => ({
          id: String(o.id),
          memberId: null,
          orgId: o.id,
          values: {
            name: o.name,
            kind: label(ORG_KIND_LABELS, o.kind),
            unitType: label(UNIT_TYPE_LABELS, o.unit_type),
            parentName: o.parent_name,
            establishedOn: o.established_on,
            status: o.status === 'active' ? '正常' : '已撤销',
          },
        })),
        next: rows.rows.length > limit ? encodeCursor(page[page.length - 1]) : null,
      };
    },
  };
}

async function eventSource(db: Db, def: EventTableDef, r: PeopleRequest): Promise<Source> {
  const c = columnOf(def.shape().columns, r.col);
  const scope = await rowScope(db, r);
  const facts = sql`select f.*, row_number() over (order by f.on_date desc nulls last, f.person_name, f.member_id, f.note) as seq
    from (${def.facts(eventContext(r))}) f
    where f.col = ${c.key} and ${scope.self ? sql`f.path = ${scope.path}::ltree` : sql`f.path <@ ${scope.path}::ltree`}`;
  return {
    title: `${scope.name} · ${c.path.map((p) => p.zh).join(' · ')}`,
    columns: eventColumns(def).map(([key, title]) => ({ key, title })),
    count: async () => (await sql<{ n: number }>`select count(*)::int as n from (${facts}) x`.execute(db)).rows[0].n,
    async page(cursor, limit) {
      // Event lists are short (a period's events): numbered rows, the cursor holds the last number.
      const after = decodeCursor(cursor ?? undefined)?.id ?? 0;
      const r2 = await sql<{
        seq: number;
        member_id: number | null;
        org_id: number;
        org_name: string;
        person_name: string;
        gender: string | null;
        id_masked: string | null;
        on_date: string | null;
        note: string | null;
      }>`
        select x.seq, x.member_id, x.org_id, o.name as org_name, x.person_name, x.gender, x.id_masked, x.on_date, x.note
        from (${facts}) x join orgs o on o.id = x.org_id where x.seq > ${after} order by x.seq limit ${limit + 1}`.execute(db);
      const page = r2.rows.slice(0, limit);
      return {
        items: page.map((x) => ({
          id: String(x.seq),
          memberId: x.member_id,
          orgId: x.org_id,
          values: { name: x.person_name, gender: x.gender, orgName: x.org_name, date: x.on_date, note: x.note, idMasked: x.id_masked },
        })),
        next: r2.rows.length > limit ? encodeCursor({ sort_key: '#', id: Number(page[page.length - 1].seq) }) : null,
      };
    },
  };
}

export async function peopleSource(db: Db, r: PeopleRequest): Promise<Source> {
  const def = requireTable(r.code);
  if (def.source === 'events') return eventSource(db, def, r);
  return def.source === 'members' ? memberSource(db, def, r) : orgSource(db, def, r);
}

export async function peopleList(db: Db, r: PeopleRequest, cursor: string | undefined, limit: number): Promise<TPeopleList> {
  const src = await peopleSource(db, r);
  const [total, page] = await Promise.all([src.count(), src.page(cursor ?? null, limit)]);
  return { total, title: src.title, columns: src.columns, items: page.items, nextCursor: page.next };
}

/** Every row of the list, page by page (the export). */
export async function* allPeople(src: Source, pageSize = 2000): AsyncGenerator<Item> {
  let cursor: string | null = null;
  for (;;) {
    const { items, next } = await src.page(cursor, pageSize);
    yield* items;
    if (!next) return;
    cursor = next;
  }
}
