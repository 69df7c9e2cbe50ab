// Excel export of the joint-task board (SECURITY.md 22): the same filters as the table, a purpose,
// and an audit row with the filter and row count.
import type { FastifyInstance } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ZJointTaskExportQuery } from '../../../domain/schemas/joint-tasks.js';
import { CHECK_RESULT_LABELS, JOINT_STAGE_LABELS } from '../../../domain/rules/joint-tasks.js';
import { recordRead } from '../../audit/record.js';
import { ctxOf } from '../../context.js';
import { attachmentHeader, toXlsx, XLSX_TYPE } from '../../export/xlsx.js';
import { loadOrg } from '../orgs/service.js';
import { taskBoard } from './service.js';

export function registerJointTaskExport(app: FastifyInstance) {
  const plugin: FastifyPluginAsyncZod = async (r) => {
    r.get(
      '/export',
      {
        config: { action: 'task.read', rateLimit: { max: 30, timeWindow: 60_000 } },
        schema: { tags: ['joint-tasks'], summary: '导出党建业务融合任务（Excel）', querystring: ZJointTaskExportQuery },
      },
      async (req, reply) => {
        const ctx = ctxOf(req);
        const { purpose, ...filter } = req.query;
        const today = ctx.today();
        const org = await loadOrg(ctx, 'task.read', filter.orgId ?? ctx.actor.orgId);
        const board = await taskBoard(ctx, org, filter);
        const buf = await toXlsx(
          '党建业务融合任务',
          [
            { header: '党组织', width: 28, value: (x) => x.orgName },
            { header: '年度', width: 6, value: (x) => x.year },
            { header: '任务', width: 28, value: (x) => x.title },
            { header: '党建工作', width: 36, value: (x) => x.partySide },
            { header: '业务工作', width: 36, value: (x) => x.businessSide },
            { header: '党建责任人', width: 10, value: (x) => x.partyOwner },
            { header: '业务责任人', width: 10, value: (x) => x.businessOwner },
            { header: '开始日期', width: 11, value: (x) => x.startOn },
            { header: '完成期限', width: 11, value: (x) => x.dueOn },
            { header: '阶段', width: 6, value: (x) => JOINT_STAGE_LABELS[x.stage].zh },
            { header: '进度（%）', width: 8, value: (x) => x.progress },
            { header: '逾期', width: 6, value: (x) => (x.overdue ? '是' : '') },
            { header: '检查结果', width: 8, value: (x) => (x.checkResult ? CHECK_RESULT_LABELS[x.checkResult].zh : '') },
            { header: '检查意见', width: 24, value: (x) => x.checkNote },
            { header: '检查组织', width: 20, value: (x) => x.checkedOrgName },
          ],
          board.items,
        );
        await recordRead(ctx, 'task.export', 'org', { purpose, filter: { ...filter, orgId: org.id }, rows: board.items.length });
        reply
          .header('Content-Type', XLSX_TYPE)
          .header('Content-Disposition', attachmentHeader(`党建业务融合任务-${org.name}-${today}.xlsx`));
        return reply.send(buf);
      },
    );
  };
  return app.register(plugin);
}
