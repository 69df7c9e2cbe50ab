// The applicant's side (issue 15 point 8). Public routes (/api/public/talent): the consent notice, the
// city's districts, a one-time code and the registration, each rate-limited per client address
// (SECURITY.md 26) on top of the per-identifier limit the service keeps. Signed-in routes
// (/api/talent-portal): the talent's own home (talent.self) and the employer's own staff (talent.employer);
// no one sees another's record.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZError } from '../../../domain/schemas/common.js';
import {
  ZConsentNoticeSchema,
  ZMyEmployerSchema,
  ZMyTalentSchema,
  ZPublicDistrictsSchema,
  ZRegisterResultSchema,
  ZRegisterSchema,
  ZSendCodeResultSchema,
  ZSendCodeSchema,
  ZStaffCreateSchema,
  ZStaffSchema,
} from '../../../domain/schemas/talent-portal.js';
import { anyCtxOf, ctxOf, inTrx } from '../../context.js';
import { audited } from '../../audit/record.js';
import { MemorySender, type CodeSender } from './sender.js';
import { addStaff, CONSENT, myEmployer, myTalent, publicDistricts, register, sendCode, staffMember } from './service.js';

export const publicTalentRoutes: FastifyPluginAsyncZod<{ rateLimit: number; sender: CodeSender; e2eCodes?: boolean }> = async (
  app,
  opts,
) => {
  const tags = ['public'];
  const limited = { public: true, rateLimit: { max: opts.rateLimit, timeWindow: 60_000 } };
  // The browser tests' way to the code (ZUGONG_E2E=1 with the demo only, main.ts): the codes are kept in
  // memory and the last one for an identifier is readable. Never registered otherwise.
  const memory = opts.e2eCodes ? new MemorySender() : null;
  const sender: CodeSender = memory ?? opts.sender;
  if (memory)
    app.get(
      '/e2e-code',
      {
        config: { public: true },
        schema: {
          tags,
          summary: '仅浏览器测试：取最近的验证码',
          querystring: z.object({ to: z.string().max(80) }),
          response: { 200: z.object({ code: z.string().nullable() }) },
        },
      },
      async (req) => ({ code: memory.lastCode(req.query.to.trim().toLowerCase()) ?? null }),
    );

  app.get(
    '/consent',
    {
      config: { public: true },
      schema: { tags, summary: '人才注册：个人信息处理规则（告知同意书）', response: { 200: ZConsentNoticeSchema } },
    },
    async () => CONSENT,
  );

  app.get(
    '/districts',
    { config: { public: true }, schema: { tags, summary: '人才注册：可选择的区', response: { 200: ZPublicDistrictsSchema } } },
    async (req) => ({ items: await publicDistricts(anyCtxOf(req)) }),
  );

  app.post(
    '/code',
    {
      config: limited,
      logLevel: 'warn',
      schema: {
        tags,
        summary: '人才注册：获取验证码（手机号或邮箱已注册时同样答复，不发验证码）',
        body: ZSendCodeSchema,
        response: { 200: ZSendCodeResultSchema, 400: ZError, 429: ZError },
      },
    },
    async (req, reply) => reply.header('Cache-Control', 'no-store').send(await sendCode(anyCtxOf(req), req.body.identifier, sender)),
  );

  app.post(
    '/register',
    {
      config: limited,
      logLevel: 'warn',
      schema: {
        tags,
        summary: '人才注册：凭验证码注册人才或用人单位账号（须同意个人信息处理规则）',
        body: ZRegisterSchema,
        response: { 201: ZRegisterResultSchema, 400: ZError, 409: ZError, 429: ZError },
      },
    },
    async (req, reply) => {
      const r = await register(anyCtxOf(req), req.body);
      return reply.code(201).send({ username: r.username, kind: req.body.kind });
    },
  );
};

export const talentPortalRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['talent-portal'];

  app.get(
    '/me',
    { config: { action: 'talent.self' }, schema: { tags, summary: '我的人才信息、材料与同意记录', response: { 200: ZMyTalentSchema } } },
    async (req) => myTalent(ctxOf(req)),
  );

  app.get(
    '/employer',
    { config: { action: 'talent.employer' }, schema: { tags, summary: '本单位信息与人才名单', response: { 200: ZMyEmployerSchema } } },
    async (req) => myEmployer(ctxOf(req)),
  );

  app.get(
    '/employer/staff/:id',
    {
      config: { action: 'talent.employer', scope: { 'params.id': 'none' } },
      schema: {
        tags,
        summary: '本单位的一名人才',
        params: z.object({ id: z.coerce.number().int().positive() }),
        response: { 200: ZStaffSchema, 404: ZError },
      },
    },
    async (req) => staffMember(ctxOf(req), req.params.id),
  );

  app.post(
    '/employer/staff',
    {
      config: { action: 'talent.employer' },
      schema: { tags, summary: '为本单位登记一名人才', body: ZStaffCreateSchema, response: { 201: ZStaffSchema, 400: ZError } },
    },
    async (req, reply) => {
      const ctx = ctxOf(req);
      const id = await audited<number>(ctx, { action: 'talent.portal.staff_add', objectType: 'talent_person', objectId: (i) => i }, (trx) =>
        addStaff(inTrx(ctx, trx), req.body),
      );
      return reply.code(201).send(await staffMember(ctx, id));
    },
  );
};
