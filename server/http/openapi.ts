// The OpenAPI document is generated from the routes' zod schemas: /api/openapi.json and /api/docs.
import type { FastifyInstance } from 'fastify';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';

export async function registerOpenApi(app: FastifyInstance): Promise<void> {
  await app.register(swagger, {
    openapi: {
      info: {
        title: '智慧组工 Zugong API',
        version: app.deps.version,
        description: '组织工作平台 HTTP API。错误格式：{ error: { code, message, field } }。',
      },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'zg_session' } } },
      security: [{ session: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  app.get('/api/openapi.json', { config: { public: true }, schema: { hide: true } }, async () => app.swagger());
}
