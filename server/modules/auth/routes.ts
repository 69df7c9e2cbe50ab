import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ZChangePasswordSchema,
  ZLoginResultSchema,
  ZLoginSchema,
  ZMeSchema,
  ZTotpCodeSchema,
  ZTotpEnrolmentSchema,
  ZTotpResultSchema,
} from '../../../domain/schemas/auth.js';
import { ZError } from '../../../domain/schemas/common.js';
import { login } from '../../auth/login.js';
import { loadSession, revokeSession, SESSION_COOKIE } from '../../auth/sessions.js';
import { audited } from '../../audit/record.js';
import type { Trx } from '../../audit/audit-log.js';
import { PENDING_COOKIE, PENDING_COOKIE_PATH, PENDING_MINUTES, startEnrolment, verifySecondFactor } from '../../auth/totp.js';
import { anyCtxOf } from '../../context.js';
import { changeOwnPassword, describeMe } from './service.js';

export const authRoutes: FastifyPluginAsyncZod<{ loginRateLimit: number }> = async (app, opts) => {
  const { db, clock, settings } = app.deps;

  app.post(
    '/login',
    {
      config: { public: true, rateLimit: { max: opts.loginRateLimit, timeWindow: 60_000 } },
      schema: {
        tags: ['auth'],
        summary: '登录（需第二因素的账号只得到待验证状态）',
        body: ZLoginSchema,
        response: { 200: ZLoginResultSchema, 401: ZError },
      },
    },
    async (req, reply) => {
      const now = clock.now();
      const s = await settings.get();
      const r = await login(db, s, req.body.username, req.body.password, {
        now,
        ip: req.ip,
        userAgent: req.headers['user-agent'] ?? null,
        requestId: req.id,
        demo: app.deps.demo,
      });
      if (r.kind === 'pending') {
        // Only the second-factor endpoints see this cookie (its path), and it is no session (SECURITY.md 6).
        reply.clearCookie(SESSION_COOKIE, { path: '/' });
        reply.setCookie(PENDING_COOKIE, r.pendingToken, {
          path: PENDING_COOKIE_PATH,
          httpOnly: true,
          sameSite: 'strict',
          secure: req.protocol === 'https',
          maxAge: PENDING_MINUTES * 60,
        });
        return { secondFactor: r.enrol ? ('enrol' as const) : ('totp' as const) };
      }
      reply.setCookie(SESSION_COOKIE, r.token, { path: '/', httpOnly: true, sameSite: 'lax', secure: req.protocol === 'https' });
      const actor = (await loadSession(db, r.token, now, s))!;
      return describeMe(db, actor, app.deps.demo);
    },
  );

  // The second factor (SECURITY.md 6, 8, 26): public routes, each authenticated by the pending cookie
  // of a right password, rate-limited like the login.
  app.post(
    '/totp/enrol',
    {
      config: { public: true, rateLimit: { max: opts.loginRateLimit, timeWindow: 60_000 } },
      schema: { tags: ['auth'], summary: '第二因素：绑定认证器（生成密钥和二维码）', response: { 200: ZTotpEnrolmentSchema, 401: ZError } },
    },
    async (req) => startEnrolment(anyCtxOf(req), req.cookies[PENDING_COOKIE]),
  );

  app.post(
    '/totp',
    {
      config: { public: true, rateLimit: { max: opts.loginRateLimit, timeWindow: 60_000 } },
      schema: {
        tags: ['auth'],
        summary: '第二因素：提交验证码或恢复码，成功后签发新会话',
        body: ZTotpCodeSchema,
        response: { 200: ZTotpResultSchema, 401: ZError },
      },
    },
    async (req, reply) => {
      const ctx = anyCtxOf(req);
      const r = await verifySecondFactor(ctx, req.cookies[PENDING_COOKIE], req.body.code, req.headers['user-agent'] ?? null);
      reply.clearCookie(PENDING_COOKIE, { path: PENDING_COOKIE_PATH });
      reply.setCookie(SESSION_COOKIE, r.token, { path: '/', httpOnly: true, sameSite: 'lax', secure: req.protocol === 'https' });
      const actor = (await loadSession(db, r.token, ctx.clock.now(), await settings.get()))!;
      return { ...(await describeMe(db, actor, app.deps.demo)), ...(r.recoveryCodes ? { recoveryCodes: r.recoveryCodes } : {}) };
    },
  );

  app.post(
    '/logout',
    {
      config: { anyUser: true, allowExpiredPassword: true },
      schema: { tags: ['auth'], summary: '退出登录', response: { 204: z.null() } },
    },
    async (req, reply) => {
      const a = req.actor!;
      await audited(req, { action: 'auth.logout', objectType: 'user', objectId: () => a.userId }, (trx: Trx) =>
        revokeSession(trx, a.sessionId, clock.now()),
      );
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/me',
    {
      config: { anyUser: true, allowExpiredPassword: true },
      schema: { tags: ['auth'], summary: '当前用户', response: { 200: ZMeSchema } },
    },
    async (req) => describeMe(db, req.actor!, app.deps.demo),
  );

  app.post(
    '/password',
    {
      config: { anyUser: true, allowExpiredPassword: true },
      schema: { tags: ['auth'], summary: '修改本人密码', body: ZChangePasswordSchema, response: { 204: z.null() } },
    },
    async (req, reply) => {
      const a = req.actor!;
      const s = await settings.get();
      await audited(req, { action: 'auth.password_change', objectType: 'user', objectId: () => a.userId }, (trx: Trx) =>
        changeOwnPassword(trx, a, s, req.body.oldPassword, req.body.newPassword, clock.now()),
      );
      return reply.code(204).send(null);
    },
  );
};
