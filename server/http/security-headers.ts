// Headers for every response; personal data is never cached (SECURITY.md 23).
import type { FastifyInstance } from 'fastify';

const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

export function registerSecurityHeaders(app: FastifyInstance): void {
  app.addHook('onSend', async (req, reply) => {
    reply.header('X-Content-Type-Options', 'nosniff');
    reply.header('X-Frame-Options', 'DENY');
    reply.header('Referrer-Policy', 'same-origin');
    reply.header('X-Request-Id', req.id);
    if (req.url.startsWith('/api/')) reply.header('Cache-Control', 'no-store');
    // Every page, the API browser at /api/docs included, and every API answer carry the policy.
    // antd (and Swagger UI) write styles at run time, hence 'unsafe-inline' for styles only.
    if (!req.url.startsWith('/assets/')) reply.header('Content-Security-Policy', CSP);
  });
}
