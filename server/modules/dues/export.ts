// Excel exports for the finance side (SECURITY.md 22): a purpose is required, the rows are exactly
// the subtree's, formula cells are neutralized (toXlsx), and the export is audited with filter and count.
import type { FastifyInstance } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { sql } from 'kysely';
import { ZIdParam } from '../../../domain/schemas/common.js';
import { ZDuesExportQuery } from '../../../domain/schemas/dues.js';
import { monthsBetween, yuan } from '../../../domain/rules/dues.js';
import { recordRead } from '../../audit/record.js';
import { attachmentHeader, toXlsx, XLSX_TYPE, type Column } from '../../export/xlsx.js';
import { invalid } from '../../errors.js';
import { ctxOf } from '../../context.js';
import { scopeSql } from '../../scope/access.js';
import { orgById } from '../orgs/queries.js';
import { arrearsList, totalsOf } from './service.js';
import { getDuesSettings } from './settings.js';

const EXPORT_MAX = 200_000;
const LEVELS: Record<string, string> = { none: '', notice: '欠缴', warning: '预警', urgent: '紧急' };
const money = (fen: number | null) => (fen == null ? null : Number(yuan(fen)));

export function registerDuesExport(app: FastifyInstance) {
  const plugin: FastifyPluginAsyncZod = async (r) => {
    r.get(
      '/orgs/:id/export',
      {
        config: { scope: { 'params.id': 'org' }, action: 'dues.export', rateLimit: { max: 30, timeWindow: 60_000 } },
        schema: { tags: ['dues'], summary: '导出党费（Excel，供财务）', params: ZIdParam, querystring: ZDuesExportQuery },
      },
      async (req, reply) => {
        const ctx = ctxOf(req);
        const { db, clock } = ctx;
        const { purpose, kind, from, to } = req.query;
        if (to < from) throw invalid('结束月份不能早于开始月份', 'to');
        if (monthsBetween(from, to) >= 24) throw invalid('导出区间最长 24 个月', 'from');
        const org = await orgById(db, req.params.id);
        let buf: Buffer;
        let rows: number;
        if (kind === 'detail') {
          const items = await db
            .selectFrom('dues_payments as p')
            .innerJoin('members as m', 'm.id', 'p.member_id')
            .innerJoin('orgs as o', 'o.id', 'p.org_id')
            .select([
              'o.name as org_name',
              'm.name',
              'p.month',
              'p.kind',
              'p.due_fen',
              'p.amount_fen',
              sql<string>`to_char(p.paid_on, 'YYYY-MM-DD')`.as('paid_on'),
              'p.receipt_no',
              'p.collected_by',
              'p.to_centre',
            ])
            .where(scopeSql('o.path', org.path))
            .where('p.month', '>=', from)
            .where('p.month', '<=', to)
            .orderBy('o.sort_key')
            .orderBy('p.org_id')
            .orderBy('p.month')
            .orderBy('m.sort_key')
            .limit(EXPORT_MAX + 1)
            .execute();
          if (items.length > EXPORT_MAX) throw invalid(`导出行数超过 ${EXPORT_MAX} 行，请缩小组织范围或月份区间`, 'from');
          const cols: Column<(typeof items)[number]>[] = [
            { header: '党组织', width: 30, value: (x) => x.org_name },
            { header: '姓名', width: 10, value: (x) => x.name },
            { header: '所属月份', width: 10, value: (x) => x.month },
            { header: '类型', width: 10, value: (x) => (x.kind === 'regular' ? '按月缴纳' : '自愿多交') },
            { header: '应缴（元）', width: 12, value: (x) => money(x.due_fen) },
            { header: '实缴（元）', width: 12, value: (x) => money(x.amount_fen) },
            { header: '缴纳日期', width: 12, value: (x) => x.paid_on },
            { header: '收据号', value: (x) => x.receipt_no },
            { header: '收缴人', width: 10, value: (x) => x.collected_by },
            { header: '全额上缴中央', width: 12, value: (x) => (x.to_centre ? '是' : '') },
          ];
          buf = await toXlsx('党费收缴明细', cols, items);
          rows = items.length;
        } else if (kind === 'summary') {
          const t = await totalsOf(db, org, from, to);
          const items = [
            ...t.byChild.map((c) => ({ label: c.name, ...c })),
            ...t.byMonth.map((c) => ({ label: `${org.name} ${c.month}`, ...c })),
          ];
          buf = await toXlsx(
            '党费收缴汇总',
            [
              { header: '组织 / 月份', width: 36, value: (x) => x.label },
              { header: '应缴（元）', width: 14, value: (x) => money(x.dueFen) },
              { header: '实缴（元）', width: 14, value: (x) => money(x.paidFen) },
              { header: '自愿多交（元）', width: 14, value: (x) => money(x.voluntaryFen) },
              { header: '上缴中央（元）', width: 14, value: (x) => money(x.toCentreFen) },
              { header: '缴费人次', width: 10, value: (x) => x.payers },
            ],
            items,
          );
          rows = items.length;
        } else {
          const s = await getDuesSettings(db);
          const a = await arrearsList(db, org.path, 'none', EXPORT_MAX, s, clock.now());
          // The lapse period is a setting (党章第九条, R): the label names the configured months.
          const levelText = (l: string) => (l === 'lapsed' ? `已满${s.lapseMonths}个月` : LEVELS[l]);
          buf = await toXlsx(
            '欠缴党费名单',
            [
              { header: '党组织', width: 30, value: (x) => x.orgName },
              { header: '姓名', width: 10, value: (x) => x.name },
              { header: '连续欠缴（月）', width: 14, value: (x) => x.consecutiveUnpaid },
              { header: '欠缴月数', width: 10, value: (x) => x.unpaidMonths },
              { header: '最早欠缴月份', width: 12, value: (x) => x.oldestUnpaid },
              { header: '欠缴金额（元）', width: 14, value: (x) => money(x.owedFen) },
              { header: '预警', width: 12, value: (x) => levelText(x.level) },
            ],
            a.items,
          );
          rows = a.items.length;
        }
        await recordRead(ctx, 'dues.export', 'org', { purpose, filter: { orgId: org.id, kind, from, to }, rows });
        const name = { detail: '党费收缴明细', summary: '党费收缴汇总', arrears: '欠缴党费名单' }[kind];
        reply.header('Content-Type', XLSX_TYPE).header('Content-Disposition', attachmentHeader(`${name}-${org.name}-${ctx.today()}.xlsx`));
        return reply.send(buf);
      },
    );
  };
  return app.register(plugin);
}
