// What the published grades bring, over the years (consequences(), 《公务员考核规定》2020 第十九条、
// 第二十一条; 公务员法 第五十条、第八十八条): listed per unit and year, and sent to the cadre officers'
// to-do lists (server/modules/todos/providers/cadre-assessments.ts).
import type { RawBuilder } from 'kysely';
import { ANNUAL_GRADES, consequences, type AnnualGrade } from '../../../domain/rules/assessment.js';
import type { TConsequence } from '../../../domain/schemas/cadre-assessments.js';
import type { Db } from '../../db/engine.js';
import { confirmedEntries, gradeHistory } from './queries.js';

export interface FoundConsequence extends TConsequence {
  managerOrgId: number;
  managerPath: string;
}

/** Each cadre's graded years as consequences() takes them (不定等次 years are left out, so they break a run). */
export async function gradesByCadre(db: Db, cadreIds: readonly number[]): Promise<Map<number, Record<number, AnnualGrade>>> {
  const out = new Map<number, Record<number, AnnualGrade>>();
  for (const r of await gradeHistory(db, cadreIds)) {
    if (!(ANNUAL_GRADES as readonly string[]).includes(r.grade)) continue;
    const m = out.get(r.cadre_id) ?? {};
    m[r.year] = r.grade as AnnualGrade;
    out.set(r.cadre_id, m);
  }
  return out;
}

/** The consequences of the confirmed units of `years` whose managing organization matches `where`. */
export async function consequencesOf(db: Db, years: readonly number[], where: RawBuilder<boolean>): Promise<FoundConsequence[]> {
  const entries = await confirmedEntries(db, years, where);
  const history = await gradesByCadre(db, [...new Set(entries.map((e) => e.cadre_id))]);
  const out: FoundConsequence[] = [];
  for (const e of entries) {
    for (const c of consequences(history.get(e.cadre_id) ?? {})) {
      if (c.year !== e.year) continue;
      out.push({
        cadreId: e.cadre_id,
        cadreName: e.cadre_name,
        unitId: e.unit_id,
        unitName: e.unit_name,
        year: c.year,
        kind: c.kind,
        text: c.text,
        article: c.article,
        managerOrgId: e.manager_org_id,
        managerPath: e.manager_path,
      });
    }
  }
  return out;
}

export const presentConsequence = ({ managerOrgId: _o, managerPath: _p, ...c }: FoundConsequence): TConsequence => c;
