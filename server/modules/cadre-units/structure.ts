// Cadre structure tables for any set of teams, in the statistics module's style: rows are the values of
// one dimension, columns the total and each post level; every count drills to the people behind it and
// the whole table exports to Excel. The people are the holders of the posts of the filter's units, one
// per cadre, placed by their highest post in the set.
import ExcelJS from 'exceljs';
import { LEVELS } from '../../../domain/cadre-codes.js';
import { neutralizeCell } from '../../../domain/security/spreadsheet.js';
import { cadreAge, DIM_VALUES, STRUCTURE_DIMS, valueOf, valuerOf, type StructureDim } from '../../../domain/rules/team-structure.js';
import type { TStructurePeopleQuery, TStructurePerson, TStructureTable } from '../../../domain/schemas/cadre-units.js';
import type { Db } from '../../db/engine.js';
import type { HolderRow, UnitFilter } from './queries.js';
import { educationLabel, structurePerson } from './presenters.js';
import { peopleOfFilter } from './service.js';

export const DIM_LABELS: Record<StructureDim, string> = {
  age: '年龄',
  sex: '性别',
  ethnicity: '民族',
  political: '政治面貌',
  education: '学历',
  degree: '学位',
  background: '专业背景',
  yearsInPost: '任现职年限',
};

export function tableOf(people: readonly HolderRow[], dim: StructureDim, onDate: string): TStructureTable {
  const levels = LEVELS.filter((l) => people.some((p) => p.level === l));
  const cells = new Map<string, number[]>();
  const value = valuerOf(dim, onDate);
  for (const p of people) {
    const v = value(structurePerson(p));
    const row = cells.get(v) ?? cells.set(v, Array<number>(levels.length).fill(0)).get(v)!;
    row[levels.indexOf(p.level as (typeof LEVELS)[number])]++;
  }
  const values = [...DIM_VALUES[dim], ...(cells.has('') ? [''] : [])];
  const rows = values.map((value) => {
    const byLevel = cells.get(value) ?? Array<number>(levels.length).fill(0);
    return { value, total: byLevel.reduce((s, n) => s + n, 0), byLevel };
  });
  const byLevel = levels.map((_, i) => rows.reduce((s, r) => s + r.byLevel[i], 0));
  return { onDate, dim, levels, rows, total: { total: people.length, byLevel } };
}

export async function structureTable(db: Db, f: UnitFilter, dim: StructureDim, onDate: string): Promise<TStructureTable> {
  return tableOf(await peopleOfFilter(db, f), dim, onDate);
}

/** The people behind one count of a structure table. */
export async function structurePeople(db: Db, f: UnitFilter, q: TStructurePeopleQuery, onDate: string) {
  const people = (await peopleOfFilter(db, f)).filter(
    (p) => valueOf(structurePerson(p), q.dim, onDate) === q.value && (!q.level || p.level === q.level),
  );
  const unitNames = new Map(
    (people.length
      ? await db
          .selectFrom('cadre_units')
          .select(['id', 'name'])
          .where('id', 'in', [...new Set(people.map((p) => p.unit_id))])
          .execute()
      : []
    ).map((u) => [u.id, u.name]),
  );
  const items: TStructurePerson[] = people.slice(0, 1000).map((p) => ({
    cadreId: p.cadre_id,
    name: p.name,
    sex: p.sex,
    birth: p.birth,
    age: cadreAge(p.birth, onDate),
    unitName: unitNames.get(p.unit_id) ?? '',
    postTitle: p.post_title,
    level: p.level,
    education: educationLabel(p.edu_rank),
  }));
  return { items, total: people.length };
}

/** Every dimension's table on one sheet each, formula-like cells neutralized. */
export async function structureXlsx(db: Db, f: UnitFilter, onDate: string, title: string): Promise<{ buffer: Buffer; people: number }> {
  const people = await peopleOfFilter(db, f);
  const wb = new ExcelJS.Workbook();
  for (const dim of STRUCTURE_DIMS) {
    const t = tableOf(people, dim, onDate);
    const ws = wb.addWorksheet(DIM_LABELS[dim]);
    ws.addRow([neutralizeCell(`${title}：干部${DIM_LABELS[dim]}结构（${onDate}）`)]).font = { bold: true };
    const head = ws.addRow([DIM_LABELS[dim], '合计', ...t.levels]);
    head.font = { bold: true };
    for (const r of t.rows) ws.addRow([neutralizeCell(r.value || '未填写'), r.total, ...r.byLevel]);
    ws.addRow(['合计', t.total.total, ...t.total.byLevel]).font = { bold: true };
    ws.columns.forEach((c, i) => (c.width = i === 0 ? 16 : 10));
  }
  return { buffer: Buffer.from(await wb.xlsx.writeBuffer()), people: people.length };
}
