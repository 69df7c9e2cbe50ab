// Dashboard endpoints (issue 5 point 2): one GET per panel so a page loads its panels in parallel, each
// for the caller's organization or one of its subtree (?orgId; 404 outside the scope, audited).
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import {
  ZCompliancePanelSchema, ZDashboardQuery, ZDevelopmentPanelSchema, ZDuesPanelSchema, ZMembersPanelSchema, ZStandardsPanelSchema, ZTermsPanelSchema,
} from '../../../domain/schemas/dashboard.js';
import { requireOrg } from '../orgs/service.js';
import { todayCn } from '../../dates.js';
import type { PanelOrg } from './panel-org.js';
import { membersPanel } from './members-panel.js';
import { developmentPanel } from './development-panel.js';
import { compliancePanel } from './compliance-panel.js';
import { duesPanel } from './dues-panel.js';
import { termsPanel } from './terms-panel.js';
import { standardsPanel } from './standards-panel.js';

const tags = ['dashboard'];

export const dashboardRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db, clock } = app.deps;
  const target = async (req: FastifyRequest, orgId: number | undefined, reply: FastifyReply): Promise<PanelOrg> => {
    reply.header('Cache-Control', 'no-store');
    return requireOrg(req, orgId ?? req.actor!.orgId, 'stats.read');
  };
  const config = { action: 'stats.read' } as const;
  const schema = <R extends z.ZodType>(summary: string, response: R) => ({ tags, summary, querystring: ZDashboardQuery, response: { 200: response } });

  app.get('/members', { config, schema: schema('看板：党员数量与结构（性别、年龄、学历、职业、入党时间）', ZMembersPanelSchema) },
    async (req, reply) => membersPanel(db, await target(req, req.query.orgId, reply), todayCn(clock.now())));

  app.get('/development', { config, schema: schema('看板：发展党员各阶段人数、逾期与本年发展数', ZDevelopmentPanelSchema) },
    async (req, reply) => developmentPanel(db, await target(req, req.query.orgId, reply), todayCn(clock.now())));

  app.get('/compliance', { config, schema: schema('看板：本季度组织生活开展情况（按下级组织、按类别）', ZCompliancePanelSchema) },
    async (req, reply) => compliancePanel(db, await target(req, req.query.orgId, reply), todayCn(clock.now())));

  app.get('/dues', { config, schema: schema('看板：本年党费按月应缴与实缴、收缴率', ZDuesPanelSchema) },
    async (req, reply) => duesPanel(db, await target(req, req.query.orgId, reply), clock.now(), todayCn(clock.now())));

  app.get('/terms', { config, schema: schema('看板：换届状态与未来 12 个月届满分布', ZTermsPanelSchema) },
    async (req, reply) => termsPanel(db, await target(req, req.query.orgId, reply), todayCn(clock.now())));

  app.get('/standards', { config, schema: schema('看板：星级评定分布与软弱涣散党组织', ZStandardsPanelSchema) },
    async (req, reply) => standardsPanel(db, req.actor!, await target(req, req.query.orgId, reply), todayCn(clock.now())));
};
