// Excel export of the health view (SECURITY.md 22): a purpose is required, the rows are the view's own
// (tree order or "needs attention first"), and the export is audited with its filter and row count.
import type { FastifyInstance } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ORG_KIND_LABELS, type OrgKind } from '../../../domain/org-kinds.js';
import { attentionFirst, HEALTH_LEVEL_LABELS, HEALTH_SIGNAL_LABELS, HEALTH_SIGNALS } from '../../../domain/rules/org-health.js';
import { ZHealthExportQuery, type THealthRow } from '../../../domain/schemas/org-health.js';
import { recordRead } from '../../audit/record.js';
import { attachmentHeader, toXlsx, XLSX_TYPE, type Column } from '../../export/xlsx.js';
import { ctxOf } from '../../context.js';
import { loadOrg } from '../orgs/service.js';
import { healthOf } from './service.js';

const signalColumns = (): Column<THealthRow>[] =>
  HEALTH_SIGNALS.flatMap((k): Column<THealthRow>[] => [
    { header: `${HEALTH_SIGNAL_LABELS[k].zh}`, width: 8, value: (r) => (r.cells[k] ? HEALTH_LEVEL_LABELS[r.cells[k].level].zh : '—') },
    {
      header: `${HEALTH_SIGNAL_LABELS[k].zh}情况`,
      width: 48,
      value: (r) => (r.cells[k] ? r.cells[k].reasons.map((x) => x.text).join('；') || r.cells[k].summary : ''),
    },
  ]);

export function registerHealthExport(app: FastifyInstance) {
  const plugin: FastifyPluginAsyncZod = async (r) => {
    r.get(
      '/export',
      {
        config: { action: 'stats.export', rateLimit: { max: 30, timeWindow: 60_000 } },
        schema: { tags: ['org-health'], summary: '导出组织健康度（Excel）', querystring: ZHealthExportQuery },
      },
      async (req, reply) => {
        const ctx = ctxOf(req);
        const org = await loadOrg(ctx, 'stats.export', req.query.orgId ?? ctx.actor.orgId);
        const view = await healthOf(ctx, org);
        const rows = req.query.order === 'attention' ? attentionFirst(view.rows) : view.rows;
        const buf = await toXlsx<THealthRow>(
          '组织健康度',
          [
            { header: '党组织', width: 40, value: (x) => x.orgName },
            { header: '类别', width: 12, value: (x) => ORG_KIND_LABELS[x.orgKind as OrgKind]?.zh ?? x.orgKind },
            { header: '党员数', width: 8, value: (x) => x.members },
            ...signalColumns(),
          ],
          [...rows, { ...view.total, orgName: `${view.org.name}（合计）` }],
        );
        await recordRead(ctx, 'stats.health.export', 'org', {
          purpose: req.query.purpose,
          filter: { orgId: org.id, order: req.query.order },
          rows: rows.length,
        });
        reply
          .header('Content-Type', XLSX_TYPE)
          .header('Cache-Control', 'no-store')
          .header('Content-Disposition', attachmentHeader(`组织健康度-${org.name}-${view.today}.xlsx`));
        return reply.send(buf);
      },
    );
  };
  return app.register(plugin);
}
