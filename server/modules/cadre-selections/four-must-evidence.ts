// What the 凡提四必 gate shows beside each item (issue 13 point 8): the 三龄二历 review state of the file
// (cadre_reviews, the current rows) and the latest 个人有关事项报告 with its check (read through the supervision
// module's one read for the selection). The rule deciding whether a finding is open is domain/rules/cadre-four-musts.ts.
import type { Db } from '../../db/engine.js';
import { matterCheckOpen, reviewMissing, THREE_AGES_TWO_HISTORIES, type ReviewItem } from '../../../domain/rules/cadre-four-musts.js';
import type { z } from 'zod';
import type { ZFourMustEvidence } from '../../../domain/schemas/cadre-selections.js';
import { latestMatterReports } from '../cadre-supervision/for-selection.js';

type Evidence = z.infer<typeof ZFourMustEvidence>;

const label = (item: string) => THREE_AGES_TWO_HISTORIES[item as ReviewItem] ?? item;

export async function fourMustEvidenceOf(db: Db, cadreIds: readonly number[]): Promise<Map<number, Evidence>> {
  const [reviews, reports] = await Promise.all([
    cadreIds.length
      ? db
          .selectFrom('cadre_reviews')
          .select(['cadre_id', 'item', 'source', 'reviewer_name', 'reviewed_on'])
          .where('cadre_id', 'in', [...cadreIds])
          .where('superseded_at', 'is', null)
          .orderBy('id')
          .execute()
      : Promise.resolve([]),
    latestMatterReports(db, cadreIds),
  ]);
  const out = new Map<number, Evidence>();
  for (const id of cadreIds) {
    const mine = reviews.filter((r) => r.cadre_id === id);
    const report = reports.get(id) ?? null;
    const check = matterCheckOpen(report);
    out.set(id, {
      file: {
        reviewed: mine.map((r) => ({ item: label(r.item), source: r.source, reviewerName: r.reviewer_name, reviewedOn: r.reviewed_on })),
        missing: reviewMissing(mine.map((r) => r.item)).map(label),
      },
      personalMatters: {
        report: report ? { year: report.year, filedOn: report.filedOn, checkKind: report.checkKind, finding: report.finding } : null,
        findingOpen: check.open,
        note: check.note,
      },
    });
  }
  return out;
}
