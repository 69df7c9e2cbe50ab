import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZChangePasswordSchema, ZLoginSchema, ZMeSchema } from '../../../domain/schemas/auth.js';
import { ZError } from '../../../domain/schemas/common.js';
import { login } from '../../auth/login.js';
import { loadSession, revokeSession, SESSION_COOKIE } from '../../auth/sessions.js';
import { audited } from '../../audit/record.js';
import type { Trx } from '../../audit/audit-log.js';
import { changeOwnPassword, describeMe } from './service.js';

export const authRoutes: FastifyPluginAsyncZod<{ loginRateLimit: number }> = async (app, opts) => {
  const { db, clock, settings } = app.deps;

  app.post('/login', {
    config: { public: true, rateLimit: { max: opts.loginRateLimit, timeWindow: 60_000 } },
    schema: { tags: ['auth'], summary: '登录', body: ZLoginSchema, response: { 200: ZMeSchema, 401: ZError } },
  }, async (req, reply) => {
    const now = clock.now();
    const s = await settings.get();
    const { token } = await login(db, s, req.body.username, req.body.password, { now, ip: req.ip, userAgent: req.headers['user-agent'] ?? null, requestId: req.id });
    reply.setCookie(SESSION_COOKIE, token, { path: '/', httpOnly: true, sameSite: 'lax', secure: req.protocol === 'https' });
    const actor = (await loadSession(db, token, now, s))!;
    return describeMe(db, actor, app.deps.demo);
  });

  app.post('/logout', {
    config: { anyUser: true, allowExpiredPassword: true },
    schema: { tags: ['auth'], summary: '退出登录', response: { 204: z.null() } },
  }, async (req, reply) => {
    const a = req.actor!;
    await audited(req, { action: 'auth.logout', objectType: 'user', objectId: () => a.userId }, (trx: Trx) => revokeSession(trx, a.sessionId, clock.now()));
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.code(204).send(null);
  });

  app.get('/me', {
    config: { anyUser: true, allowExpiredPassword: true },
    schema: { tags: ['auth'], summary: '当前用户', response: { 200: ZMeSchema } },
  }, async (req) => describeMe(db, req.actor!, app.deps.demo));

  app.post('/password', {
    config: { anyUser: true, allowExpiredPassword: true },
    schema: { tags: ['auth'], summary: '修改本人密码', body: ZChangePasswordSchema, response: { 204: z.null() } },
  }, async (req, reply) => {
    const a = req.actor!;
    const s = await settings.get();
    await audited(req, { action: 'auth.password_change', objectType: 'user', objectId: () => a.userId }, (trx: Trx) =>
      changeOwnPassword(trx, a, s, req.body.oldPassword, req.body.newPassword, clock.now()));
    return reply.code(204).send(null);
  });
};
