// Requests that change something come only from Zugong's own pages (SECURITY.md, OWASP CSRF
// prevention): for unsafe methods under /api, a browser's Origin (or Sec-Fetch-Site) must name this
// app, and a body must be JSON or, where a route takes files, multipart. A foreign site can neither
// post a form (its content types are refused) nor fetch with credentials (its Origin is refused).
// Clients that are not browsers (the CLI, scripts) send neither header and pass; they hold no
// victim's cookie. Runs at onRequest, before the session is even looked at.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../errors.js';

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);
const BODY_TYPES = ['application/json', 'multipart/form-data'];

export interface CsrfOptions {
  /** Public origins the app is served under (e.g. https://zugong.example.gov.cn), from ZUGONG_ORIGIN. */
  origins?: string[];
}

/** The origin this request was addressed to, as the browser sees it (with TRUST_PROXY, X-Forwarded-Proto/Host). */
const ownOrigin = (req: FastifyRequest): string => `${req.protocol}://${req.host}`;

export function originAllowed(req: FastifyRequest, origins: readonly string[]): boolean {
  const site = req.headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin') return false;
  const origin = req.headers.origin;
  if (origin === undefined) return true;
  return origin === ownOrigin(req) || origins.includes(origin);
}

export function registerCsrfCheck(app: FastifyInstance, opts: CsrfOptions = {}): void {
  const origins = (opts.origins ?? []).map((o) => o.replace(/\/+$/, ''));
  app.addHook('onRequest', async (req) => {
    if (SAFE.has(req.method) || !req.url.startsWith('/api/')) return;
    if (!originAllowed(req, origins)) throw new AppError('CSRF', '请求来源不是本系统页面，已拒绝', 403);
    const type = req.headers['content-type'];
    if (type !== undefined && !BODY_TYPES.some((t) => type.toLowerCase().startsWith(t))) {
      throw new AppError('UNSUPPORTED_MEDIA_TYPE', '请求体须为 JSON（上传文件用 multipart/form-data）', 415);
    }
  });
}
