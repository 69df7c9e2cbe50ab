// Excel of a unit: the 考核结果名册 out (purpose required, audited), and grades in from a sheet
// (姓名, 等次, 评语), all or nothing: any bad row and nothing is written, each row's error reported.
// Uploads pass the spreadsheet guard of the member import first (macros, zip bombs, size).
import multipart from '@fastify/multipart';
import ExcelJS from 'exceljs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ASSESSMENT_GRADES } from '../../../domain/cadre-codes.js';
import { ZExportQuery, ZGradeImportResultSchema, type TUnitDetail } from '../../../domain/schemas/cadre-assessments.js';
import { ZIdParam } from '../../../domain/schemas/common.js';
import { audited, recordRead } from '../../audit/record.js';
import { ctxOf } from '../../context.js';
import { invalid } from '../../errors.js';
import { attachmentHeader, toXlsx, XLSX_TYPE } from '../../export/xlsx.js';
import { assertSafeXlsx } from '../members/import/xlsx-guard.js';
import { saveEntries, unitDetail } from './service.js';

const tags = ['cadre-assessments'];
const MAX_BYTES = 5 * 1024 * 1024;
const MAX_ROWS = 2000;

/** The 名册 as exported: the unit's people with their grade and comment. */
export async function rosterXlsx(d: TUnitDetail): Promise<Buffer> {
  return toXlsx(
    `${d.year}年度考核结果`,
    [
      { header: '序号', width: 6, value: (e) => d.entries.indexOf(e) + 1 },
      { header: '姓名', width: 12, value: (e) => e.name },
      { header: '现任职务', width: 36, value: (e) => e.title },
      { header: '等次', width: 10, value: (e) => e.grade ?? '' },
      { header: '评语', width: 40, value: (e) => e.comment },
      { header: '说明', width: 50, value: (e) => (e.commentsOnly || e.allowedGrades.length < 4 ? e.reason : '') },
    ],
    d.entries,
  );
}

const text = (v: ExcelJS.CellValue): string => {
  if (v === null || v === undefined) return '';
  if (typeof v === 'object' && 'richText' in v)
    return v.richText
      .map((r) => r.text)
      .join('')
      .trim();
  if (typeof v === 'object' && 'text' in v && typeof v.text === 'string') return v.text.trim();
  // A formula: only its cached result is read, never evaluated.
  if (typeof v === 'object' && 'result' in v) return text((v as { result?: ExcelJS.CellValue }).result ?? null);
  return String(v).trim();
};

/** The rows of the first sheet under a header naming 姓名 and 等次 (评语 optional). */
export async function readGradeRows(buf: Buffer): Promise<{ row: number; name: string; grade: string; comment: string | null }[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  const ws = wb.worksheets[0];
  if (!ws) throw invalid('文件中没有工作表', 'file');
  let cols: { name: number; grade: number; comment: number | null } | null = null;
  const out: { row: number; name: string; grade: string; comment: string | null }[] = [];
  ws.eachRow((row, n) => {
    const cells = (row.values as ExcelJS.CellValue[]).map(text);
    if (!cols) {
      const name = cells.indexOf('姓名');
      const grade = cells.findIndex((c) => c === '等次' || c === '考核等次');
      if (name > 0 && grade > 0) cols = { name, grade, comment: cells.indexOf('评语') > 0 ? cells.indexOf('评语') : null };
      return;
    }
    const name = cells[cols.name] ?? '';
    const grade = cells[cols.grade] ?? '';
    if (!name && !grade) return;
    out.push({ row: n, name, grade, comment: cols.comment ? (cells[cols.comment] ?? '') : null });
  });
  if (!cols) throw invalid('未找到表头：须有“姓名”和“等次”两列', 'file');
  if (out.length > MAX_ROWS) throw invalid(`行数超过 ${MAX_ROWS} 行`, 'file');
  return out;
}

export function registerAssessmentExcel(app: FastifyInstance) {
  const plugin: FastifyPluginAsyncZod = async (r) => {
    await r.register(multipart, {
      throwFileSizeLimit: false,
      limits: { fileSize: MAX_BYTES, files: 1, fields: 0, parts: 1, headerPairs: 100 },
    });

    r.get(
      '/units/:id/export',
      {
        config: { action: 'cadre.export', scope: { 'params.id': 'assessment_unit' }, rateLimit: { max: 30, timeWindow: 60_000 } },
        schema: { tags, summary: '导出考核单位的年度考核结果名册（Excel）', params: ZIdParam, querystring: ZExportQuery },
      },
      async (req, reply) => {
        const ctx = ctxOf(req);
        const d = await unitDetail(ctx.db, req.params.id);
        const buf = await rosterXlsx(d);
        await recordRead(ctx, 'cadre.assess.export', 'assessment_unit', {
          purpose: req.query.purpose,
          unitId: d.id,
          rows: d.entries.length,
        });
        reply.header('Content-Type', XLSX_TYPE).header('Content-Disposition', attachmentHeader(`${d.year}年度考核结果-${d.name}.xlsx`));
        return reply.send(buf);
      },
    );

    r.post(
      '/units/:id/import',
      {
        config: { action: 'cadre.assess', scope: { 'params.id': 'assessment_unit' } },
        schema: {
          tags,
          summary: '从 Excel 导入考核等次（姓名、等次、评语；有任何错误则全部不导入）',
          params: ZIdParam,
          response: { 200: ZGradeImportResultSchema },
        },
      },
      async (req) => {
        const ctx = ctxOf(req);
        if (!req.isMultipart()) throw invalid('请以 multipart/form-data 上传文件', 'file');
        const part = await req.file();
        if (!part) throw invalid('请选择要导入的文件', 'file');
        const file = await part.toBuffer();
        if (part.file.truncated) throw invalid(`文件超过 ${MAX_BYTES / 1024 / 1024} MB`, 'file');
        await assertSafeXlsx(file, path.basename(part.filename || '导入文件.xlsx'));
        const rows = await readGradeRows(file);
        const d = await unitDetail(ctx.db, req.params.id);
        const { entries, errors } = mergeRows(d, rows);
        if (errors.length) return { applied: false, rows: rows.length, errors };
        await audited(
          ctx,
          { action: 'cadre.assess.import', objectType: 'assessment_unit', objectId: () => d.id, detail: () => ({ rows: rows.length }) },
          (trx) => saveEntries(trx, d.id, { version: d.version, entries }),
        );
        return { applied: true, rows: rows.length, errors: [] };
      },
    );
  };
  return app.register(plugin);
}

type Row = Awaited<ReturnType<typeof readGradeRows>>[number];

/** The unit's entries with the sheet's grades applied, or every row's error (nothing applied). */
export function mergeRows(d: TUnitDetail, rows: readonly Row[]) {
  const errors: { row: number; name: string; message: string }[] = [];
  const byName = new Map<string, TUnitDetail['entries']>();
  for (const e of d.entries) byName.set(e.name.replace(/\s/g, ''), [...(byName.get(e.name.replace(/\s/g, '')) ?? []), e]);
  const seen = new Set<number>();
  const next = new Map(
    d.entries.map((e) => [e.cadreId, { cadreId: e.cadreId, grade: e.grade, comment: e.comment, newHireUntil: e.newHireUntil }]),
  );
  for (const r of rows) {
    const err = (message: string) => errors.push({ row: r.row, name: r.name, message });
    const found = byName.get(r.name.replace(/\s/g, '')) ?? [];
    if (!r.name) err('姓名为空');
    else if (found.length === 0) err('不是本考核单位参加考核的人员');
    else if (found.length > 1) err('本考核单位有重名人员，请在系统中逐一确定等次');
    else if (seen.has(found[0].cadreId)) err('同一人员出现多次');
    else if (!(ASSESSMENT_GRADES as readonly string[]).includes(r.grade)) err(`等次应为 ${ASSESSMENT_GRADES.join('、')} 之一`);
    else {
      const e = found[0];
      seen.add(e.cadreId);
      if (r.grade === '不定等次' ? false : e.commentsOnly || !(e.allowedGrades as string[]).includes(r.grade))
        err(`不能确定为${r.grade}：${e.reason}`);
      else
        next.set(e.cadreId, {
          ...next.get(e.cadreId)!,
          grade: r.grade as (typeof ASSESSMENT_GRADES)[number],
          comment: r.comment ?? e.comment,
        });
    }
  }
  return { entries: [...next.values()], errors };
}
