// The one read the selection procedure makes of the supervision records (issue 13 point 8 → the 凡提四必 gate
// 个人有关事项报告凡提必核): each cadre's latest 个人有关事项报告 with its check, for a set of cadres.
import type { Db } from '../../db/engine.js';

export interface LatestMatterReport {
  cadreId: number;
  year: number;
  filedOn: string;
  checkKind: '随机' | '重点' | 'none';
  finding: string;
}

export async function latestMatterReports(db: Db, cadreIds: readonly number[]): Promise<Map<number, LatestMatterReport>> {
  if (cadreIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('cadre_matter_reports')
    .select(['cadre_id', 'year', 'filed_on', 'check_kind', 'finding'])
    .where('cadre_id', 'in', [...new Set(cadreIds)])
    .orderBy('cadre_id')
    .orderBy('year', 'desc')
    .execute();
  const out = new Map<number, LatestMatterReport>();
  for (const r of rows)
    if (!out.has(r.cadre_id))
      out.set(r.cadre_id, {
        cadreId: r.cadre_id,
        year: r.year,
        filedOn: r.filed_on,
        checkKind: r.check_kind as LatestMatterReport['checkKind'],
        finding: r.finding,
      });
  return out;
}
