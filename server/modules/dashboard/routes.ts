// Dashboard endpoints (issue 5 point 2): one GET per panel so a page loads its panels in parallel, each
// for the caller's organization or one of its subtree (?orgId; 404 outside the scope, audited).
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import {
  ZCompliancePanelSchema,
  ZDashboardQuery,
  ZDevelopmentPanelSchema,
  ZDuesPanelSchema,
  ZMembersPanelSchema,
  ZStandardsPanelSchema,
  ZTermsPanelSchema,
} from '../../../domain/schemas/dashboard.js';
import { ctxOf, type Ctx } from '../../context.js';
import { loadOrg } from '../orgs/service.js';
import type { PanelOrg } from './panel-org.js';
import { membersPanel } from './members-panel.js';
import { developmentPanel } from './development-panel.js';
import { compliancePanel } from './compliance-panel.js';
import { duesPanel } from './dues-panel.js';
import { termsPanel } from './terms-panel.js';
import { standardsPanel } from './standards-panel.js';
import { cadresPanel } from './cadres-panel.js';
import { ZCadrePanelSchema } from '../../../domain/schemas/cadre-units.js';
import { ZTalentPanelSchema } from '../../../domain/schemas/talent.js';
import { talentPanel } from './talent-panel.js';

const tags = ['dashboard'];

export const dashboardRoutes: FastifyPluginAsyncZod = async (app) => {
  const target = async (ctx: Ctx, orgId: number | undefined, reply: FastifyReply): Promise<PanelOrg> => {
    reply.header('Cache-Control', 'no-store');
    return loadOrg(ctx, 'stats.read', orgId ?? ctx.actor.orgId);
  };
  const config = { action: 'stats.read' } as const;
  const schema = <R extends z.ZodType>(summary: string, response: R) => ({
    tags,
    summary,
    querystring: ZDashboardQuery,
    response: { 200: response },
  });

  app.get(
    '/members',
    { config, schema: schema('看板：党员数量与结构（性别、年龄、学历、职业、入党时间）', ZMembersPanelSchema) },
    async (req, reply) => {
      const ctx = ctxOf(req);
      return membersPanel(ctx.db, await target(ctx, req.query.orgId, reply), ctx.today());
    },
  );

  app.get(
    '/development',
    { config, schema: schema('看板：发展党员各阶段人数、逾期与本年发展数', ZDevelopmentPanelSchema) },
    async (req, reply) => {
      const ctx = ctxOf(req);
      return developmentPanel(ctx.db, await target(ctx, req.query.orgId, reply), ctx.today());
    },
  );

  app.get(
    '/compliance',
    { config, schema: schema('看板：本季度组织生活开展情况（按下级组织、按类别）', ZCompliancePanelSchema) },
    async (req, reply) => {
      const ctx = ctxOf(req);
      return compliancePanel(ctx.db, await target(ctx, req.query.orgId, reply), ctx.today());
    },
  );

  app.get('/dues', { config, schema: schema('看板：本年党费按月应缴与实缴、收缴率', ZDuesPanelSchema) }, async (req, reply) => {
    const ctx = ctxOf(req);
    return duesPanel(ctx.db, await target(ctx, req.query.orgId, reply), ctx.clock.now(), ctx.today());
  });

  app.get('/terms', { config, schema: schema('看板：换届状态与未来 12 个月届满分布', ZTermsPanelSchema) }, async (req, reply) => {
    const ctx = ctxOf(req);
    return termsPanel(ctx.db, await target(ctx, req.query.orgId, reply), ctx.today());
  });

  app.get('/standards', { config, schema: schema('看板：星级评定分布与软弱涣散党组织', ZStandardsPanelSchema) }, async (req, reply) => {
    const ctx = ctxOf(req);
    return standardsPanel(ctx.db, ctx.actor, await target(ctx, req.query.orgId, reply), ctx.today());
  });

  // The cadre officer's panel: cadres managed in the subtree (干部管理权限), shown to whoever reads cadres.
  app.get(
    '/cadres',
    {
      config: { action: 'cadre.read' },
      schema: { ...schema('看板：干部年龄与学历结构、超职数与缺配职位、应换届与结构未达标班子', ZCadrePanelSchema) },
    },
    async (req, reply) => {
      const ctx = ctxOf(req);
      reply.header('Cache-Control', 'no-store');
      return cadresPanel(ctx.db, await loadOrg(ctx, 'cadre.read', req.query.orgId ?? ctx.actor.orgId), ctx.today());
    },
  );

  // The talent office's panel: the registry's structure below the organization, for whoever reads talents.
  app.get(
    '/talent',
    {
      config: { action: 'talent.read' },
      schema: { ...schema('看板：人才总量、人才卡有效与到期、认定办理中、按层次与区的结构', ZTalentPanelSchema) },
    },
    async (req, reply) => {
      const ctx = ctxOf(req);
      reply.header('Cache-Control', 'no-store');
      return talentPanel(ctx.db, await loadOrg(ctx, 'talent.read', req.query.orgId ?? ctx.actor.orgId), ctx.today());
    },
  );
};
