// Placeholder: the dashboard endpoints (issue 5), written by the area's owner.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

export const dashboardRoutes: FastifyPluginAsyncZod = async () => {};
