// The 上会 packet: one 干部任免审批表 per candidate on the agenda, in one PDF (formPdf, server/modules/cadres/form).
import type { Ctx } from '../../context.js';
import type { TCadreSheet } from '../../../domain/schemas/cadre-sheet.js';
import { sheetOf } from '../cadres/sheet.js';
import type { TInspection } from '../../../domain/schemas/cadre-selections.js';
import { formPdf } from '../cadres/form/form-pdf.js';
import { jsonOf } from './presenters.js';
import { candidateRows, selectionRow } from './queries.js';
import { conflict, notFound } from '../../errors.js';

/** The packet of every candidate still on the agenda: the 任免审批表 with 拟任职务 and the 考察 summary as 任免理由. */
export async function packetPdf(ctx: Ctx, selectionId: number): Promise<{ pdf: Buffer; title: string }> {
  const s = await selectionRow(ctx.db, selectionId);
  if (!s) throw notFound('干部选拔任用记录');
  const inspection = jsonOf<TInspection | null>(s.inspection);
  const sheets: TCadreSheet[] = [];
  for (const c of (await candidateRows(ctx.db, [s.id])).filter((x) => !x.dropped_reason)) {
    const sheet = { ...(await sheetOf(ctx, c.cadre_id)), idNumber: null };
    sheets.push({
      ...sheet,
      proposedPost: `${c.unit_name}${c.post_title}`,
      reason: inspection
        ? `考察组：${inspection.team.join('、')}；个别谈话 ${inspection.talkedTo} 人。${inspection.report}`.slice(0, 2000)
        : s.grounds,
      reportingUnit: s.org_name,
    });
  }
  if (sheets.length === 0) throw conflict('没有上会人选', 'id');
  return { pdf: await formPdf(sheets, { today: ctx.today() }), title: s.title };
}
