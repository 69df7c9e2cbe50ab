// Publishing a confirmed unit's results onto the cadre files (年度考核结果, cadre_assessments), which
// the 干部任免审批表 prints ("2025年度考核优秀").
//
// Through the cadre file's one writer (server/modules/cadres/changes.ts): each file gets its
// cadre_history entry naming the assessment, and nothing else writes cadre_assessments.
import type { CadreWriter } from '../cadres/change-types.js';
import { changeCadre } from '../cadres/changes.js';

export interface PublishedResult {
  cadreId: number;
  grade: string;
  /** The comment of a person who gets comments only (不定等次); graded people carry none. */
  note: string;
}

/** Writes (or replaces) each person's result for the year on their file. */
export async function publishToFile(w: CadreWriter, year: number, results: readonly PublishedResult[]): Promise<void> {
  for (const r of results) {
    await changeCadre(w, r.cadreId, {
      section: 'assessments',
      action: 'assessment.publish',
      assessments: { rows: [{ year, grade: r.grade, note: r.note }], mode: 'upsert' },
      reason: `${year}年度考核结果确认`,
    });
  }
}
