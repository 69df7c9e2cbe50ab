// The public check of a certificate (issue 14 point 5): anyone holding the code (printed with a QR on the
// certificate) sees the name, the class and its dates, without logging in. Rate-limited per address
// against guessing codes (SECURITY.md 26), like the 民主测评 voting routes; the code space is 31^12.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ZError } from '../../../domain/schemas/common.js';
import { ZCertificateCodeParam, ZCertificateVerifySchema } from '../../../domain/schemas/learning-classes.js';
import { anyCtxOf } from '../../context.js';
import { verifyCertificate } from './certificate.js';

export const publicCertificateRoutes: FastifyPluginAsyncZod<{ rateLimit: number }> = async (app, opts) => {
  app.get(
    '/:code',
    {
      config: { public: true, rateLimit: { max: opts.rateLimit, timeWindow: 60_000 } },
      schema: {
        tags: ['public'],
        summary: '核验结业证书（不需登录；只显示姓名、培训班和日期）',
        params: ZCertificateCodeParam,
        response: { 200: ZCertificateVerifySchema, 404: ZError },
      },
    },
    async (req) => verifyCertificate(anyCtxOf(req), req.params.code),
  );
};
