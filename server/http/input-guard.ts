// Text that no form produces never reaches a handler: a control character (NUL above all, which
// PostgreSQL refuses in text and answered 500) anywhere in the path parameters, query or JSON body
// is refused with 400 naming the field. Tab, line feed and carriage return stay allowed (minutes,
// addresses). Runs before authorization, so login and public routes are covered too.
import type { FastifyInstance } from 'fastify';
import { AppError } from '../errors.js';

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
const WHERE: Record<string, string> = { params: '路径参数', query: '查询参数', body: '请求体' };

/** The dotted path of the first string (or key) holding a control character, or null. */
export function findControlChar(value: unknown, path = ''): string | null {
  if (typeof value === 'string') return CONTROL.test(value) ? path : null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const hit = findControlChar(value[i], path ? `${path}.${i}` : String(i));
      if (hit !== null) return hit;
    }
    return null;
  }
  if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      const p = path ? `${path}.${k}` : k;
      if (CONTROL.test(k)) return p;
      const hit = findControlChar(v, p);
      if (hit !== null) return hit;
    }
  }
  return null;
}

export function registerInputGuard(app: FastifyInstance): void {
  app.addHook('preValidation', async (req) => {
    if (!req.url.startsWith('/api/')) return;
    for (const part of ['params', 'query', 'body'] as const) {
      const field = findControlChar(req[part]);
      if (field !== null)
        throw new AppError('CONTROL_CHAR', `${WHERE[part]}字段 ${field || '(整体)'} 含有不允许的控制字符`, 400, field || undefined);
    }
  });
}
