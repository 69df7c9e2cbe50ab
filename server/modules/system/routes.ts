import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ZSettingsSchema } from '../../../domain/security/settings.js';
import { audited } from '../../audit/record.js';
import type { Trx } from '../../audit/audit-log.js';
import { ctxOf } from '../../context.js';

export const systemRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/settings',
    { config: { action: 'system.config' }, schema: { tags: ['system'], summary: '安全参数', response: { 200: ZSettingsSchema } } },
    async (req) => ctxOf(req).settings.get(),
  );
  app.put(
    '/settings',
    {
      config: { action: 'system.config' },
      schema: { tags: ['system'], summary: '修改安全参数', body: ZSettingsSchema, response: { 200: ZSettingsSchema } },
    },
    async (req) => {
      const ctx = ctxOf(req);
      const before = await ctx.settings.get();
      return audited(
        ctx,
        { action: 'system.settings', objectType: 'settings', objectId: () => 'security', detail: () => ({ before, after: req.body }) },
        (trx: Trx) => ctx.settings.put(trx, req.body),
      );
    },
  );
};
