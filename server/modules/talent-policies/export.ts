// The finance ledger in Excel (SECURITY.md 22): a purpose is required, the export is audited with its filter and
// row count; amounts in yuan with two decimals from integer fen.
import type { FastifyInstance } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ZLedgerExportQuery, type TLedgerRow } from '../../../domain/schemas/talent-policies.js';
import { recordRead } from '../../audit/record.js';
import { attachmentHeader, toXlsx, XLSX_TYPE } from '../../export/xlsx.js';
import { ctxOf } from '../../context.js';
import { ledgerOf } from './queries.js';

export function registerLedgerExport(app: FastifyInstance) {
  const plugin: FastifyPluginAsyncZod = async (r) => {
    r.get(
      '/ledger/export',
      {
        config: { action: 'talent.export', rateLimit: { max: 30, timeWindow: 60_000 } },
        schema: { tags: ['talent-policies'], summary: '导出发放与追回台账（Excel，须填写用途）', querystring: ZLedgerExportQuery },
      },
      async (req, reply) => {
        const ctx = ctxOf(req);
        const { from, to, purpose } = req.query;
        const ledger = await ledgerOf(ctx.db, ctx.actor.scopePath, { from, to }, 100_000);
        const buf = await toXlsx<TLedgerRow>(
          '人才政策发放台账',
          [
            { header: '记账日期', width: 12, value: (x) => x.bookedOn },
            { header: '申请编号', width: 10, value: (x) => x.applicationId },
            { header: '姓名', width: 12, value: (x) => x.personName },
            { header: '项目代码', width: 14, value: (x) => x.itemCode },
            { header: '项目', width: 24, value: (x) => x.itemName },
            { header: '类别', width: 8, value: (x) => (x.kind === 'payout' ? '发放' : '追回') },
            { header: '金额（元）', width: 14, value: (x) => (x.amountFen / 100).toFixed(2) },
            { header: '说明', width: 40, value: (x) => x.reason },
          ],
          ledger.items,
        );
        await recordRead(ctx, 'talent.ledger.export', 'talent_application', { purpose, filter: { from, to }, rows: ledger.items.length });
        reply
          .header('Content-Type', XLSX_TYPE)
          .header('Cache-Control', 'no-store')
          .header('Content-Disposition', attachmentHeader(`人才政策发放台账-${ctx.today()}.xlsx`));
        return reply.send(buf);
      },
    );
  };
  return app.register(plugin);
}
