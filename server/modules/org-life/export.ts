// Excel export of the units with missing meetings (SECURITY.md 22): a purpose is required, the rows are
// exactly the subtree's, and the export is audited with its filter and row count.
import type { FastifyInstance } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { MEETING_KIND_LABELS } from '../../../domain/meeting-kinds.js';
import { ORG_KIND_LABELS, type OrgKind } from '../../../domain/org-kinds.js';
import { periodKeyOf } from '../../../domain/rules/org-life.js';
import { ZMissingExportQuery } from '../../../domain/schemas/org-life.js';
import { recordRead } from '../../audit/record.js';
import { attachmentHeader, toXlsx, XLSX_TYPE } from '../../export/xlsx.js';
import { ctxOf } from '../../context.js';
import { loadOrg } from '../orgs/service.js';
import { missingUnits, periodOrThrow, withParentNames, type MissingUnit } from './compliance-view.js';

const gaps = (u: MissingUnit) =>
  u.checks
    .filter((c) => c.state === 'missing')
    .map((c) => `${MEETING_KIND_LABELS[c.kind].zh} ${c.periodKey}`)
    .join('；');

export function registerComplianceExport(app: FastifyInstance) {
  const plugin: FastifyPluginAsyncZod = async (r) => {
    r.get(
      '/compliance/missing/export',
      {
        config: { action: 'life.read', rateLimit: { max: 30, timeWindow: 60_000 } },
        schema: { tags: ['org-life'], summary: '导出组织生活未开展名单（Excel）', querystring: ZMissingExportQuery },
      },
      async (req, reply) => {
        const ctx = ctxOf(req);
        const { db } = ctx;
        const today = ctx.today();
        const { period: kind, purpose } = req.query;
        const key = req.query.key ?? periodKeyOf(kind, today);
        const period = periodOrThrow(kind, key);
        const org = await loadOrg(ctx, 'life.read', req.query.orgId ?? ctx.actor.orgId);
        const units = await withParentNames(db, await missingUnits(db, org, period, today));
        const buf = await toXlsx<MissingUnit>(
          '组织生活未开展名单',
          [
            { header: '党组织', width: 36, value: (u) => u.orgName },
            { header: '类别', width: 12, value: (u) => ORG_KIND_LABELS[u.orgKind as OrgKind]?.zh ?? u.orgKind },
            { header: '上级组织', width: 30, value: (u) => u.parentName },
            { header: '未开展（项）', width: 12, value: (u) => u.missing },
            { header: '待开展（项）', width: 12, value: (u) => u.due },
            { header: '未开展明细', width: 80, value: gaps },
          ],
          units,
        );
        await recordRead(ctx, 'life.compliance.export', 'org', {
          purpose,
          filter: { orgId: org.id, period: kind, key },
          rows: units.length,
        });
        reply
          .header('Content-Type', XLSX_TYPE)
          .header('Content-Disposition', attachmentHeader(`组织生活未开展名单-${org.name}-${key}-${today}.xlsx`));
        return reply.send(buf);
      },
    );
  };
  return app.register(plugin);
}
