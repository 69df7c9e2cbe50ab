// Who may get which grade (gradeAllowed, 《公务员考核规定》2020 第二十五条、第二十九条): the facts are
// read from the cadre file (punishments in 奖惩情况) and from the unit's entry (a new hire's 试用期,
// which the file does not hold).
import { GRADED_SANCTIONS, gradeAllowed, type AssessedPerson, type GradedSanction } from '../../../domain/rules/assessment.js';
import type { Db } from '../../db/engine.js';
import { punishmentsOf } from './queries.js';

// Longest first, so that 党内严重警告 is not read as 警告.
const BY_LENGTH = [...GRADED_SANCTIONS].sort((a, b) => b.length - a.length);

/** The sanction a punishment's text names (受党内警告处分 → 党内警告), or null for other punishments (通报批评). */
export function sanctionOf(text: string): { kind: GradedSanction; years?: 1 | 2 } | null {
  const kind = BY_LENGTH.find((k) => text.includes(k));
  if (!kind) return null;
  // 留党察看 lasts one or two years (党章第四十条); the text says which.
  return kind === '留党察看' && /[二两2]年/.test(text) ? { kind, years: 2 } : { kind };
}

export type Allowed = ReturnType<typeof gradeAllowed>;

/** gradeAllowed() for each cadre of a unit's year. */
export async function allowedFor(
  db: Db,
  year: number,
  people: readonly { cadreId: number; newHireUntil: string | null }[],
): Promise<Map<number, Allowed>> {
  const punishments = await punishmentsOf(
    db,
    people.map((p) => p.cadreId),
  );
  const out = new Map<number, Allowed>();
  for (const p of people) {
    const sanctions: AssessedPerson['sanctions'][number][] = [];
    for (const r of punishments) {
      if (r.cadre_id !== p.cadreId || !r.on_date) continue;
      const s = sanctionOf(r.text);
      if (s) sanctions.push({ ...s, on: r.on_date });
    }
    // The file does not say when a new hire's probation began: only its end matters to the rule.
    const probation = p.newHireUntil ? { from: '0001-01-01', to: p.newHireUntil } : null;
    out.set(p.cadreId, gradeAllowed({ sanctions, probation }, year));
  }
  return out;
}
