// Excel exports of the supervision lists (能上能下 adjustments, 个人有关事项报告, passports, trips, part-time posts,
// the young-cadre pool's 一览表) and the pool's batch 任免审批表 (the cadres module's formZip, one file per person
// in a zip). Each asks its purpose, is audited with the list and the row count, is rate-limited per user after
// authorization, and covers the cadres managed under the actor's subtree; cells are neutralized by toXlsx.
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ageOn } from '../../../domain/rules/cadre-age.js';
import { ZPoolFormsQuery, ZSupervisionExportQuery, type TPoolEntry, type TTrip } from '../../../domain/schemas/cadre-supervision.js';
import { recordRead } from '../../audit/record.js';
import { ctxOf } from '../../context.js';
import type { Db } from '../../db/engine.js';
import { attachmentHeader, toXlsx, XLSX_TYPE, type Column } from '../../export/xlsx.js';
import { requireAccess, scopeSql } from '../../scope/access.js';
import { formZip } from '../cadres/form/form-batch.js';
import { sheetOf } from '../cadres/sheet.js';
import { listPool } from './pool.js';
import { tripsUnder } from './trips.js';

const EXPORT_RATE = {
  max: 10,
  timeWindow: 60_000,
  hook: 'preHandler' as const,
  keyGenerator: (req: FastifyRequest) => `cadre-supervision-export:${req.actor?.userId ?? req.ip}`,
};
const tags = ['cadre-supervision'];

type Row = Record<string, string | number | boolean | null>;
const col = (header: string, key: string, width = 14): Column<Row> => ({
  header,
  width,
  value: (r) => {
    const v = r[key];
    return typeof v === 'boolean' ? (v ? '是' : '否') : (v ?? null);
  },
});

const poolLine = (p: TPoolEntry, today: string): Row => ({
  name: p.name,
  birth: p.birth?.slice(0, 7) ?? null,
  age: ageOn(p.birth, today),
  title: p.title,
  level: p.level,
  enteredOn: p.enteredOn,
  source: p.source,
  nominatedBy: p.nominatedBy,
  eligible: p.eligible,
  findings: p.findings.join('；'),
  plans: p.plans.map((x) => `${x.kind}：${x.place}（${x.startsOn}${x.endsOn ? `至${x.endsOn}` : '起'}）`).join('；'),
  lastNote: p.notes.length ? `${p.notes[p.notes.length - 1].notedOn} ${p.notes[p.notes.length - 1].text}` : null,
  leftOn: p.leftOn,
  leave: p.leaveKind ? `${p.leaveKind}：${p.leaveReason ?? ''}` : null,
});

const tripLine = (t: TTrip): Row => ({
  name: t.name,
  destinations: t.destinations,
  purpose: t.purpose,
  fundedBy: t.fundedBy,
  departOn: t.departOn,
  returnOn: t.returnOn,
  status: t.status,
  decidedBy: t.decidedBy,
  refusalReason: t.refusalReason,
  passport: t.passport ? `${t.passport.kind} ${t.passport.number}` : null,
  cameBackOn: t.cameBackOn,
  dueOn: t.passport?.dueOn ?? null,
  returnedOn: t.passport?.returnedOn ?? null,
  overdue: t.overdue,
});

/** Each list: its sheet name, columns and rows under a subtree. */
const LISTS: Record<string, { title: string; columns: Column<Row>[]; rows: (db: Db, path: string, today: string) => Promise<Row[]> }> = {
  adjustments: {
    title: '能上能下调整',
    columns: [
      col('姓名', 'name', 10),
      col('管理单位', 'org', 16),
      col('调整方式', 'kind', 10),
      col('情形', 'situation', 8),
      col('决定日期', 'decided_on', 12),
      col('文号', 'doc_no', 18),
      col('说明', 'note', 30),
    ],
    rows: (db, path) =>
      db
        .selectFrom('cadre_adjustments as t')
        .innerJoin('cadres as c', 'c.id', 't.cadre_id')
        .innerJoin('orgs as o', 'o.id', 'c.manager_org_id')
        .where(scopeSql('c.manager_path', path))
        .select(['c.name', 'o.name as org', 't.kind', 't.situation', 't.decided_on', 't.doc_no', 't.note'])
        .orderBy('t.decided_on', 'desc')
        .orderBy('t.id', 'desc')
        .execute(),
  },
  reports: {
    title: '个人有关事项报告',
    columns: [
      col('姓名', 'name', 10),
      col('管理单位', 'org', 16),
      col('年度', 'year', 8),
      col('报告日期', 'filed_on', 12),
      col('查核方式', 'check_kind', 10),
      col('查核结果', 'finding', 40),
    ],
    rows: async (db, path) =>
      (
        await db
          .selectFrom('cadre_matter_reports as t')
          .innerJoin('cadres as c', 'c.id', 't.cadre_id')
          .innerJoin('orgs as o', 'o.id', 'c.manager_org_id')
          .where(scopeSql('c.manager_path', path))
          .select(['c.name', 'o.name as org', 't.year', 't.filed_on', 't.check_kind', 't.finding'])
          .orderBy('t.year', 'desc')
          .orderBy('t.id')
          .execute()
      ).map((r) => ({ ...r, check_kind: r.check_kind === 'none' ? '未抽查' : `${r.check_kind}抽查` })),
  },
  passports: {
    title: '出国（境）证照保管',
    columns: [
      col('姓名', 'name', 10),
      col('证件类别', 'kind', 12),
      col('证件号码', 'number', 14),
      col('交存日期', 'handed_in_on', 12),
      col('领用日期', 'taken_out_on', 12),
      col('事由', 'trip', 24),
      col('应交回日期', 'due_on', 12),
      col('交回日期', 'returned_on', 12),
      col('逾期未交回', 'overdue', 10),
    ],
    rows: async (db, path, today) =>
      (
        await db
          .selectFrom('cadre_passports as t')
          .innerJoin('cadres as c', 'c.id', 't.cadre_id')
          .innerJoin('orgs as o', 'o.id', 'c.manager_org_id')
          .where(scopeSql('c.manager_path', path))
          .select(['c.name', 't.kind', 't.number', 't.handed_in_on', 't.taken_out_on', 't.trip', 't.due_on', 't.returned_on'])
          .orderBy('c.sort_key')
          .orderBy('t.id')
          .execute()
      ).map((r) => ({ ...r, overdue: !!r.taken_out_on && !r.returned_on && !!r.due_on && r.due_on < today })),
  },
  trips: {
    title: '因私出国（境）',
    columns: [
      col('姓名', 'name', 10),
      col('前往国家（地区）', 'destinations', 18),
      col('事由', 'purpose', 20),
      col('费用来源', 'fundedBy', 12),
      col('出发日期', 'departOn', 12),
      col('回国（境）日期', 'returnOn', 12),
      col('审批结果', 'status', 10),
      col('审批人', 'decidedBy', 12),
      col('不批准理由', 'refusalReason', 20),
      col('领用证照', 'passport', 18),
      col('实际返回', 'cameBackOn', 12),
      col('应交回日期', 'dueOn', 12),
      col('交回日期', 'returnedOn', 12),
      col('逾期未交回', 'overdue', 10),
    ],
    rows: async (db, path, today) => (await tripsUnder(db, path, today)).map(tripLine),
  },
  partTime: {
    title: '兼职审批',
    columns: [
      col('姓名', 'name', 10),
      col('兼职单位', 'organization', 22),
      col('兼任职务', 'post', 14),
      col('批准日期', 'approved_on', 12),
      col('审批机关', 'approved_by', 14),
      col('文号', 'doc_no', 18),
      col('领取报酬', 'paid', 10),
      col('截止日期', 'ends_on', 12),
    ],
    rows: (db, path) =>
      db
        .selectFrom('cadre_part_time_posts as t')
        .innerJoin('cadres as c', 'c.id', 't.cadre_id')
        .innerJoin('orgs as o', 'o.id', 'c.manager_org_id')
        .where(scopeSql('c.manager_path', path))
        .select(['c.name', 't.organization', 't.post', 't.approved_on', 't.approved_by', 't.doc_no', 't.paid', 't.ends_on'])
        .orderBy('t.approved_on', 'desc')
        .orderBy('t.id')
        .execute(),
  },
  pool: {
    title: '优秀年轻干部一览表',
    columns: [
      col('姓名', 'name', 10),
      col('出生年月', 'birth', 10),
      col('年龄', 'age', 6),
      col('现任职务', 'title', 22),
      col('职级', 'level', 8),
      col('入库日期', 'enteredOn', 12),
      col('来源', 'source', 12),
      col('推荐人或单位', 'nominatedBy', 14),
      col('符合入库条件', 'eligible', 10),
      col('核对意见', 'findings', 30),
      col('培养计划', 'plans', 40),
      col('最近跟踪记录', 'lastNote', 30),
      col('调出日期', 'leftOn', 12),
      col('调出原因', 'leave', 20),
    ],
    rows: async (db, path, today) => (await listPool(db, path, true)).map((p) => poolLine(p, today)),
  },
};

export const registerSupervisionExports: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/export',
    {
      config: { action: 'cadre.export', rateLimit: EXPORT_RATE },
      schema: { tags, summary: '导出干部监督记录（Excel，按列表；须填写用途，记入审计）', querystring: ZSupervisionExportQuery },
    },
    async (req, reply) => {
      const ctx = ctxOf(req);
      const { list, purpose } = req.query;
      const def = LISTS[list];
      const today = ctx.today();
      const rows = await def.rows(ctx.db, ctx.actor.scopePath, today);
      const buffer = await toXlsx(def.title, def.columns, rows);
      await recordRead(ctx, 'cadre.supervision.export', 'cadre', { purpose, list, rows: rows.length });
      reply
        .header('Content-Type', XLSX_TYPE)
        .header('Content-Disposition', attachmentHeader(`${def.title}-${today.replaceAll('-', '')}.xlsx`));
      return reply.send(buffer);
    },
  );

  app.get(
    '/pool/forms',
    {
      config: { action: 'cadre.export', rateLimit: EXPORT_RATE },
      schema: {
        tags,
        summary: '批量导出所选优秀年轻干部的任免审批表（PDF 或 Word，每人一个文件，打包为 zip；须填写用途，记入审计）',
        querystring: ZPoolFormsQuery,
      },
    },
    async (req, reply) => {
      const ctx = ctxOf(req);
      const { ids, format, purpose } = req.query;
      await requireAccess(ctx, 'cadre.export', 'cadre_pool_entry', ids);
      const entries = await listPool(ctx.db, ctx.actor.scopePath, true, ids);
      const cadreIds = [...new Set(entries.map((e) => e.cadreId))];
      const sheets = [];
      for (const id of cadreIds) sheets.push({ fileName: '', sheet: await sheetOf(ctx, id) });
      const zip = await formZip(sheets, format, { today: ctx.today() });
      await recordRead(ctx, 'cadre.supervision.pool_forms', 'cadre_pool_entry', { purpose, format, ids, cadreIds });
      return reply
        .header('Content-Type', 'application/zip')
        .header('Content-Disposition', attachmentHeader(`优秀年轻干部任免审批表_${cadreIds.length}人.zip`))
        .send(zip);
    },
  );
};
