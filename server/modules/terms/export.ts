// Excel export of the term list (SECURITY.md 22): a purpose is required, the rows are exactly the
// subtree's under the same filters as the screen, and the export is audited with filter and count.
import type { FastifyInstance } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ELECTION_STATUS_LABELS, ZTermExportQuery, type ElectionStatus } from '../../../domain/schemas/terms.js';
import { ORG_KIND_LABELS, type OrgKind } from '../../../domain/org-kinds.js';
import { TERM_KIND_LABELS, TERM_STATE_LABELS } from '../../../domain/rules/terms.js';
import { recordRead } from '../../audit/record.js';
import { ctxOf } from '../../context.js';
import { attachmentHeader, toXlsx, XLSX_TYPE } from '../../export/xlsx.js';
import { invalid } from '../../errors.js';
import { loadOrg } from '../orgs/service.js';
import { listTerms } from './queries.js';
import { presentTermRow } from './presenters.js';

const EXPORT_MAX = 50_000;

export function registerTermExport(app: FastifyInstance) {
  const plugin: FastifyPluginAsyncZod = async (r) => {
    r.get(
      '/export',
      {
        config: { action: 'term.read', rateLimit: { max: 30, timeWindow: 60_000 } },
        schema: { tags: ['terms'], summary: '导出届期一览（Excel）', querystring: ZTermExportQuery },
      },
      async (req, reply) => {
        const ctx = ctxOf(req);
        const { purpose, orgId, state, kind, q } = req.query;
        const org = await loadOrg(ctx, 'term.read', orgId ?? ctx.actor.orgId);
        const today = ctx.today();
        const rows = await listTerms(ctx.db, { path: org.path, today, state, kind, q }, null, EXPORT_MAX + 1);
        if (rows.length > EXPORT_MAX) throw invalid(`导出行数超过 ${EXPORT_MAX} 行，请缩小组织范围或筛选条件`, 'orgId');
        const items = rows.map((x) => presentTermRow(x, today));
        const buf = await toXlsx(
          '届期一览',
          [
            { header: '党组织', width: 36, value: (x) => x.orgName },
            { header: '组织类别', width: 14, value: (x) => ORG_KIND_LABELS[x.orgKind as OrgKind]?.zh ?? x.orgKind },
            { header: '届期类别', width: 10, value: (x) => TERM_KIND_LABELS[x.termKind].zh },
            { header: '每届年限', width: 10, value: (x) => x.termYears },
            { header: '选举日期', width: 12, value: (x) => x.electedOn },
            { header: '届满日期', width: 12, value: (x) => x.endsOn },
            { header: '剩余天数', width: 10, value: (x) => x.daysLeft },
            { header: '状态', width: 14, value: (x) => TERM_STATE_LABELS[x.state].zh },
            { header: '书记', width: 10, value: (x) => x.secretary },
            {
              header: '换届进展',
              width: 14,
              value: (x) => (x.election ? (ELECTION_STATUS_LABELS[x.election.status as ElectionStatus]?.zh ?? x.election.status) : null),
            },
          ],
          items,
        );
        await recordRead(ctx, 'term.export', 'org', {
          purpose,
          filter: { orgId: org.id, state: state ?? null, kind: kind ?? null, q: q ?? null },
          rows: items.length,
        });
        reply.header('Content-Type', XLSX_TYPE).header('Content-Disposition', attachmentHeader(`届期一览-${org.name}-${today}.xlsx`));
        return reply.send(buf);
      },
    );
  };
  return app.register(plugin);
}
