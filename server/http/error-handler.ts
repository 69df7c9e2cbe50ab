// Maps every error to { error: { code, message, field } } with a Chinese message and a 4xx status
// where the caller is at fault; anything unexpected is a 500 without internals.
import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError } from '../errors.js';

const CONTEXT: Record<string, string> = { body: '请求体', querystring: '查询参数', params: '路径参数', headers: '请求头' };

export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError, req, reply) => {
    if (err instanceof AppError) {
      return reply.code(err.status).send({ error: { code: err.code, message: err.message, field: err.field ?? null } });
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      const first = err.validation[0];
      const keys = (first.params as { keys?: string[] } | undefined)?.keys;
      const path = first.instancePath.replace(/^\//, '').replace(/\//g, '.');
      const where = CONTEXT[err.validationContext ?? ''] ?? '请求';
      if (first.keyword === 'unrecognized_keys' && keys?.length) {
        const field = (path ? `${path}.` : '') + keys[0];
        return reply.code(400).send({ error: { code: 'UNKNOWN_FIELD', message: `${where}中有不允许的字段：${keys.join('、')}`, field } });
      }
      return reply
        .code(400)
        .send({ error: { code: 'VALIDATION', message: `${where}字段 ${path || '(整体)'} 无效：${first.message}`, field: path || null } });
    }
    if (err.statusCode === 429) {
      return reply.code(429).send({ error: { code: 'RATE_LIMITED', message: '请求过于频繁，请稍后再试', field: null } });
    }
    if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
      const message =
        err.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE'
          ? '不支持的内容类型'
          : err.code === 'FST_ERR_CTP_EMPTY_JSON_BODY'
            ? '请求体不能为空'
            : '请求无效';
      return reply.code(err.statusCode).send({ error: { code: err.code ?? 'BAD_REQUEST', message, field: null } });
    }
    req.log.error({ err }, 'unhandled error');
    return reply.code(500).send({ error: { code: 'INTERNAL', message: '服务器内部错误，请稍后重试', field: null } });
  });
  app.setNotFoundHandler((req, reply) => {
    if (req.url.startsWith('/api/')) return reply.code(404).send({ error: { code: 'NOT_FOUND', message: '接口不存在', field: null } });
    return reply.callNotFound();
  });
}
