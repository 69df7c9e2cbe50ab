// Publishing a confirmed unit's results onto the cadre files (年度考核结果, cadre_assessments), which
// the 干部任免审批表 prints ("2025年度考核优秀").
//
// INTEGRATION NOTE: the cadre file has one writer, server/modules/cadres/changes.ts, written on another
// branch (it also writes cadre_history). Until it is merged this is the ONE place that writes
// cadre_assessments; the integrator routes publishToFile through that writer and nothing else changes.
import type { Trx } from '../../audit/audit-log.js';

export interface PublishedResult {
  cadreId: number;
  grade: string;
  /** The comment of a person who gets comments only (不定等次); graded people carry none. */
  note: string;
}

/** Writes (or replaces) each person's result for the year on their file. */
export async function publishToFile(trx: Trx, year: number, results: readonly PublishedResult[]): Promise<void> {
  for (const r of results) {
    await trx
      .insertInto('cadre_assessments')
      .values({ cadre_id: r.cadreId, year, grade: r.grade, note: r.note })
      .onConflict((oc) => oc.columns(['cadre_id', 'year']).doUpdateSet({ grade: r.grade, note: r.note }))
      .execute();
  }
}
