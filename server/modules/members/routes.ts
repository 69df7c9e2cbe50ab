import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

// Endpoints of this area; filled in by the area's implementation.
export const memberRoutes: FastifyPluginAsyncZod = async () => {};
