// The one authorization entry point (SECURITY.md 11): every /api route declares `public`, `anyUser`
// or the `action` it performs; the check runs here before any handler. A route that declares
// none of them is refused at start-up, so a new endpoint cannot be left open by mistake.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { can } from '../../domain/permissions.js';
import { AppError, forbidden, unauthorized } from '../errors.js';
import { loadSession, SESSION_COOKIE } from '../auth/sessions.js';
import { recordDenied } from '../audit/record.js';

export function registerAuthHook(app: FastifyInstance): void {
  app.decorateRequest('actor', null);

  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/') || route.url.startsWith('/api/docs')) return;
    const c = route.config ?? {};
    if (!c.public && !c.anyUser && !c.action) throw new Error(`route ${route.method} ${route.url} declares no access rule`);
    for (const method of [route.method].flat()) {
      if (method !== 'HEAD')
        app.deps.routes.push({
          method,
          url: route.url,
          public: !!c.public,
          anyUser: !!c.anyUser,
          action: c.action ?? null,
          scope: c.scope ?? null,
        });
    }
  });

  // preValidation, not preHandler: the caller is identified and authorized before its input is
  // even looked at, so a refused caller learns nothing from validation errors.
  app.addHook('preValidation', async (req: FastifyRequest) => {
    if (!req.url.startsWith('/api/')) return;
    const c = req.routeOptions.config ?? {};
    if (c.public || req.url.startsWith('/api/docs')) return;
    const token = req.cookies[SESSION_COOKIE];
    const { db, clock, settings } = req.server.deps;
    const actor = token ? await loadSession(db, token, clock.now(), await settings.get()) : null;
    if (!actor) throw unauthorized();
    req.actor = actor;
    if (actor.mustChangePassword && !c.allowExpiredPassword) {
      throw new AppError('PASSWORD_EXPIRED', '密码已过期，请先修改密码', 403);
    }
    if (c.action && !can(actor.roles, c.action)) {
      await recordDenied(req, c.action, undefined, undefined, 'role');
      throw forbidden();
    }
  });
}
