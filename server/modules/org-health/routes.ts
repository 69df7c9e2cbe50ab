// Placeholder: the org-health endpoints (issue 5), written by the area's owner.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

export const orgHealthRoutes: FastifyPluginAsyncZod = async () => {};
