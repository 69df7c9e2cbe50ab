// The agreements list in Excel (SECURITY.md 22): the list's filters, a purpose required, the export audited with
// its filter and row count; pay in yuan with two decimals from integer fen.
import type { FastifyInstance } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  AGREEMENT_FORM_LABELS,
  AGREEMENT_STATUS_LABELS,
  ZAgreementExportQuery,
  type TAgreementRow,
} from '../../../domain/schemas/talent-agreements.js';
import { recordRead } from '../../audit/record.js';
import { attachmentHeader, toXlsx, XLSX_TYPE } from '../../export/xlsx.js';
import { ctxOf } from '../../context.js';
import { filteredAgreements } from './queries.js';

const yes = (b: boolean) => (b ? '是' : '');

export function registerAgreementExport(app: FastifyInstance) {
  const plugin: FastifyPluginAsyncZod = async (r) => {
    r.get(
      '/agreements/export',
      {
        config: { action: 'talent.export', rateLimit: { max: 30, timeWindow: 60_000 } },
        schema: { tags: ['talent-agreements'], summary: '导出柔性引才协议（Excel，须填写用途）', querystring: ZAgreementExportQuery },
      },
      async (req, reply) => {
        const ctx = ctxOf(req);
        const { purpose, ...filter } = req.query;
        const rows = await filteredAgreements(ctx.db, { scopePath: ctx.actor.scopePath }, filter, ctx.today());
        const buf = await toXlsx<TAgreementRow>(
          '柔性引才协议',
          [
            { header: '协议编号', width: 10, value: (x) => x.id },
            { header: '姓名', width: 12, value: (x) => x.personName },
            { header: '用人单位', width: 28, value: (x) => x.employerName },
            { header: '所在区', width: 14, value: (x) => x.districtName },
            { header: '原单位', width: 24, value: (x) => x.homeInstitution },
            { header: '引才方式', width: 10, value: (x) => AGREEMENT_FORM_LABELS[x.form] },
            { header: '开始日期', width: 12, value: (x) => x.startsOn },
            { header: '截止日期', width: 12, value: (x) => x.endsOn },
            { header: '状态', width: 8, value: (x) => AGREEMENT_STATUS_LABELS[x.status] },
            { header: '约定在岗天数', width: 12, value: (x) => x.onsiteDaysPromised },
            { header: '应到天数', width: 10, value: (x) => x.onsiteDaysDue },
            { header: '已登记天数', width: 10, value: (x) => x.onsiteDaysRecorded },
            { header: '在岗天数不足', width: 12, value: (x) => yes(x.behind) },
            { header: '即将到期', width: 10, value: (x) => yes(x.endingSoon) },
            { header: '报酬（元）', width: 14, value: (x) => (x.payFen / 100).toFixed(2) },
            { header: '成果已验收', width: 10, value: (x) => x.deliverablesAccepted },
            { header: '成果未验收', width: 10, value: (x) => x.deliverablesOpen },
          ],
          rows,
        );
        await recordRead(ctx, 'talent.agreement.export', 'talent_agreement', { purpose, filter, rows: rows.length });
        reply
          .header('Content-Type', XLSX_TYPE)
          .header('Cache-Control', 'no-store')
          .header('Content-Disposition', attachmentHeader(`柔性引才协议-${ctx.today()}.xlsx`));
        return reply.send(buf);
      },
    );
  };
  return app.register(plugin);
}
