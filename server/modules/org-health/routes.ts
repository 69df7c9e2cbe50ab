// Organization-health endpoints (issue 5 point 3): the view of a subtree and its Excel export.
// Scope: the organization must lie in the caller's subtree (404 otherwise, audited by requireOrg).
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ZHealthQuery, ZHealthSchema } from '../../../domain/schemas/org-health.js';
import { requireOrg } from '../orgs/service.js';
import { healthOf } from './service.js';
import { registerHealthExport } from './export.js';

const tags = ['org-health'];

export const orgHealthRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db, clock } = app.deps;

  app.get('/', {
    config: { action: 'stats.read' },
    schema: { tags, summary: '组织健康度：下级组织的组织生活、换届、党费、发展党员、标准化建设信号及原因', querystring: ZHealthQuery, response: { 200: ZHealthSchema } },
  }, async (req, reply) => {
    const org = await requireOrg(req, req.query.orgId ?? req.actor!.orgId, 'stats.read');
    reply.header('Cache-Control', 'no-store');
    return healthOf(db, req.actor!, org, clock.now());
  });

  registerHealthExport(app);
};
