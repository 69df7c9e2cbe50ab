// Excel export of the star-rating overview (SECURITY.md 22): a purpose is required, the rows are the
// subtree's branches in tree order (a distribution, not a ranking), and the export is audited with
// its filter and row count.
import type { FastifyInstance } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ZRatingExportQuery } from '../../../domain/schemas/standards.js';
import { STAR_LABELS } from '../../../domain/rules/standards.js';
import { recordRead } from '../../audit/record.js';
import { ctxOf } from '../../context.js';
import { attachmentHeader, toXlsx, XLSX_TYPE } from '../../export/xlsx.js';
import { loadOrg } from '../orgs/service.js';
import { ratingOverview } from './ratings.js';

const STATUS: Record<string, string> = { none: '未自评', draft: '自评中', submitted: '待审核', reviewed: '已定星', returned: '已退回' };

export function registerRatingExport(app: FastifyInstance) {
  const plugin: FastifyPluginAsyncZod = async (r) => {
    r.get(
      '/ratings/export',
      {
        config: { action: 'standard.read', rateLimit: { max: 30, timeWindow: 60_000 } },
        schema: { tags: ['standards'], summary: '导出星级评定情况（Excel）', querystring: ZRatingExportQuery },
      },
      async (req, reply) => {
        const ctx = ctxOf(req);
        const { purpose, year, stars, status } = req.query;
        const org = await loadOrg(ctx, 'standard.read', req.query.orgId ?? ctx.actor.orgId);
        const o = await ratingOverview(ctx.db, org, year, { stars, status });
        const buf = await toXlsx(
          `${year}年星级评定`,
          [
            { header: '上级组织', width: 28, value: (x) => x.parentName },
            { header: '党支部', width: 32, value: (x) => x.orgName },
            { header: '评定状态', width: 10, value: (x) => STATUS[x.status] },
            { header: '自评得分', width: 10, value: (x) => x.selfTotal },
            { header: '审核得分', width: 10, value: (x) => x.reviewTotal },
            { header: '星级', width: 8, value: (x) => (x.stars ? STAR_LABELS[x.stars].zh : '') },
            { header: '近年星级', width: 30, value: (x) => x.history.map((h) => `${h.year}年${STAR_LABELS[h.stars].zh}`).join('，') },
          ],
          o.items,
        );
        await recordRead(ctx, 'standard.export', 'org', {
          purpose,
          filter: { orgId: org.id, year, stars: stars ?? null, status: status ?? null },
          rows: o.items.length,
        });
        reply
          .header('Content-Type', XLSX_TYPE)
          .header('Content-Disposition', attachmentHeader(`${year}年星级评定-${org.name}-${ctx.today()}.xlsx`));
        return reply.send(buf);
      },
    );
  };
  return app.register(plugin);
}
