// The member export: exactly the rows the list shows for the same filters (the same query, paged by
// the same keyset), written by ExcelJS's streaming writer so a large export never holds all rows.
// Asks for its purpose, is audited with filter and row count, and neutralizes formula-like cells.
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ZMemberExportQuery } from '../../../domain/schemas/members.js';
import { CATEGORY_LABELS, DEGREE_LABELS, EDUCATION_LABELS, OCCUPATION_LABELS } from '../../../domain/member-fields.js';
import { MEMBER_STATUS_LABELS, type MemberStatus } from '../../../domain/member-status.js';
import { ageOn, partyYears } from '../../../domain/rules/members.js';
import { recordRead } from '../../audit/record.js';
import { attachmentHeader, toXlsx, XLSX_TYPE } from '../../export/xlsx.js';
import { invalid } from '../../errors.js';
import type { Db } from '../../db/engine.js';
import { ctxOf } from '../../context.js';
import { countMembers, exportPage, type ExportRow, type ResolvedFilter } from './queries.js';
import { resolveFilter } from './service.js';

const EXPORT_MAX = 200_000;
const PAGE = 2000;
// SECURITY.md 26: exports are rate-limited per user, counted after authorization (a refused call is a 403, not a use).
const EXPORT_RATE = {
  max: 10,
  timeWindow: 60_000,
  hook: 'preHandler' as const,
  keyGenerator: (req: FastifyRequest) => `member-export:${req.actor?.userId ?? req.ip}`,
};

type Lbl = Record<string, { zh: string }>;
const label = (labels: Lbl, code: string | null) => (code ? (labels[code]?.zh ?? code) : null);

const COLUMNS: { header: string; width: number; value: (r: ExportRow, today: string) => string | number | null }[] = [
  { header: '姓名', width: 10, value: (r) => r.name },
  { header: '性别', width: 6, value: (r) => r.gender },
  { header: '民族', width: 8, value: (r) => r.ethnicity },
  { header: '出生日期', width: 12, value: (r) => r.birth_date },
  { header: '年龄', width: 6, value: (r, t) => ageOn(r.birth_date, t) },
  // Masked: the full number leaves the system only through the audited reveal (SECURITY.md 21).
  { header: '身份证号', width: 21, value: (r) => r.id_masked },
  { header: '籍贯', width: 12, value: (r) => r.native_place },
  { header: '学历', width: 10, value: (r) => label(EDUCATION_LABELS, r.edu_fulltime) },
  { header: '学位', width: 8, value: (r) => label(DEGREE_LABELS, r.degree_fulltime) },
  { header: '在职学历', width: 10, value: (r) => label(EDUCATION_LABELS, r.edu_inservice) },
  { header: '在职学位', width: 8, value: (r) => label(DEGREE_LABELS, r.degree_inservice) },
  { header: '职业', width: 14, value: (r) => label(OCCUPATION_LABELS, r.occupation) },
  { header: '工作单位及职务', width: 26, value: (r) => [r.work_unit, r.job_post].filter(Boolean).join(' ') || null },
  { header: '联系电话', width: 14, value: (r) => r.phone },
  { header: '家庭住址', width: 28, value: (r) => r.address },
  { header: '人员类别', width: 10, value: (r) => CATEGORY_LABELS[r.category].zh },
  { header: '入党日期', width: 12, value: (r) => r.admitted_on },
  { header: '转正日期', width: 12, value: (r) => r.full_on },
  { header: '党龄', width: 6, value: (r, t) => partyYears(r.full_on, t) },
  { header: '所在党组织', width: 28, value: (r) => r.org_name },
  { header: '组织代码', width: 14, value: (r) => r.org_code },
  { header: '状态', width: 10, value: (r) => MEMBER_STATUS_LABELS[r.status as MemberStatus]?.zh ?? r.status },
];

/** Every row of the filter, page by page through the list's own keyset query. */
async function* filteredRows(db: Db, f: ResolvedFilter): AsyncGenerator<ExportRow> {
  let after: { key: string; id: number } | null = null;
  for (;;) {
    const page = await exportPage(db, f, after, PAGE);
    yield* page;
    if (page.length < PAGE) return;
    after = { key: page[page.length - 1].sort_key, id: page[page.length - 1].id };
  }
}

/** Writes every row of the filter into an .xlsx; returns the file and its row count. */
export async function writeMembersXlsx(db: Db, f: ResolvedFilter, today: string): Promise<{ buffer: Buffer; rows: number }> {
  let rows = 0;
  async function* counted() {
    for await (const r of filteredRows(db, f)) {
      rows++;
      yield r;
    }
  }
  const buffer = await toXlsx(
    '党员信息',
    COLUMNS.map((c) => ({ header: c.header, width: c.width, value: (r: ExportRow) => c.value(r, today) })),
    counted(),
  );
  return { buffer, rows };
}

export const exportRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/export',
    {
      config: { action: 'member.export', rateLimit: EXPORT_RATE },
      schema: { tags: ['members'], summary: '导出党员信息（Excel，与列表筛选一致）', querystring: ZMemberExportQuery },
    },
    async (req, reply) => {
      const ctx = ctxOf(req);
      const { purpose, ...f } = req.query;
      const filter = await resolveFilter(ctx, f);
      if ((await countMembers(ctx.db, filter)) > EXPORT_MAX)
        throw invalid(`导出行数超过 ${EXPORT_MAX.toLocaleString()} 行，请缩小筛选范围`, 'orgId');
      const today = ctx.today();
      const { buffer, rows } = await writeMembersXlsx(ctx.db, filter, today);
      // Audited with its purpose, the filter as asked and the number of rows (SECURITY.md 22).
      await recordRead(ctx, 'member.export', 'member', { purpose, filter: f, rows });
      reply.header('Content-Type', XLSX_TYPE).header('Content-Disposition', attachmentHeader(`党员信息-${today.replaceAll('-', '')}.xlsx`));
      return reply.send(buffer);
    },
  );
};
