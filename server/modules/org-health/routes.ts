// Organization-health endpoints (issue 5 point 3): the view of a subtree and its Excel export.
// Scope: the organization must lie in the caller's subtree (404 otherwise, audited: scope/access.ts).
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ZHealthQuery, ZHealthSchema } from '../../../domain/schemas/org-health.js';
import { ctxOf } from '../../context.js';
import { loadOrg } from '../orgs/service.js';
import { healthOf } from './service.js';
import { registerHealthExport } from './export.js';

const tags = ['org-health'];

export const orgHealthRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/',
    {
      config: { action: 'stats.read' },
      schema: {
        tags,
        summary: '组织健康度：下级组织的组织生活、换届、党费、发展党员、标准化建设信号及原因',
        querystring: ZHealthQuery,
        response: { 200: ZHealthSchema },
      },
    },
    async (req, reply) => {
      const ctx = ctxOf(req);
      const org = await loadOrg(ctx, 'stats.read', req.query.orgId ?? ctx.actor.orgId);
      reply.header('Cache-Control', 'no-store');
      return healthOf(ctx, org);
    },
  );

  registerHealthExport(app);
};
