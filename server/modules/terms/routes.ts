// Placeholder: the terms endpoints (issue 4/5), written by the area's owner.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

export const termRoutes: FastifyPluginAsyncZod = async () => {};
