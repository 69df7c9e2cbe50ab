import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ZHealthStatusSchema } from '../../../domain/schemas/system.js';

export const healthRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/health',
    {
      config: { public: true },
      schema: { tags: ['health'], summary: '健康检查', response: { 200: ZHealthStatusSchema } },
    },
    async () => ({ status: 'ok' as const, engine: app.deps.engineKind, demo: app.deps.demo, version: app.deps.version }),
  );
};
