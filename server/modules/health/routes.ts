import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';

export const healthRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/health', {
    config: { public: true },
    schema: { tags: ['health'], summary: '健康检查', response: { 200: z.object({ status: z.literal('ok'), engine: z.enum(['pglite', 'postgres']), demo: z.boolean(), version: z.string() }) } },
  }, async () => ({ status: 'ok' as const, engine: app.deps.engineKind, demo: app.deps.demo, version: app.deps.version }));
};
