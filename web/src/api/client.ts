// The one way the web app talks to the server: JSON over fetch with the session cookie,
// errors turned into ApiError, and a 401 sending the user back to the login page.
//
// Types: every request and response shape comes only from domain/schemas (the zod Z…Schema the
// server validates with, and its inferred T… type); web/src/api re-exports them and declares none
// of its own (eslint.config.js enforces it). A shape the web needs and domain/schemas lacks is added
// there, next to the schema the server route answers with.
import type { TError } from './types';

export class ApiError extends Error {
  constructor(
    public readonly status: number,
    public readonly code: string,
    message: string,
    public readonly field?: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export type Query = Record<string, string | number | boolean | null | undefined>;

interface RequestOptions {
  query?: Query;
  body?: unknown;
  signal?: AbortSignal;
  /** Login answers 401 for a wrong password; that must not bounce to /login. */
  noAuthRedirect?: boolean;
}

let onUnauthorized: () => void = () => {
  if (window.location.pathname !== '/login') window.location.assign('/login');
};

/** The app replaces the default full-page redirect with a router navigation. */
export function setUnauthorizedHandler(handler: () => void): void {
  onUnauthorized = handler;
}

export function buildUrl(path: string, query?: Query): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

async function send(method: string, path: string, opts: RequestOptions, accept: string): Promise<Response> {
  const headers: Record<string, string> = { Accept: accept };
  if (opts.body !== undefined) headers['Content-Type'] = 'application/json';
  let res: Response;
  try {
    res = await fetch(buildUrl(path, opts.query), {
      method,
      headers,
      credentials: 'same-origin',
      body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
      signal: opts.signal,
    });
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e;
    throw new ApiError(0, 'NETWORK', '网络异常，请检查连接后重试');
  }
  if (res.ok) return res;
  if (res.status === 401 && !opts.noAuthRedirect) onUnauthorized();
  throw await toApiError(res);
}

async function toApiError(res: Response): Promise<ApiError> {
  try {
    const body = (await res.json()) as Partial<TError>;
    if (body.error?.message) return new ApiError(res.status, body.error.code, body.error.message, body.error.field ?? undefined);
  } catch {
    // not JSON (a proxy error page): fall through to a generic message
  }
  const message = res.status === 429 ? '操作过于频繁，请稍后再试' : `请求失败（${res.status}）`;
  return new ApiError(res.status, res.status === 429 ? 'RATE_LIMITED' : 'HTTP_ERROR', message);
}

async function request<T>(method: string, path: string, opts: RequestOptions = {}): Promise<T> {
  const res = await send(method, path, opts, 'application/json');
  if (res.status === 204) return undefined as T;
  return (await res.json()) as T;
}

export const api = {
  get: <T>(path: string, query?: Query, opts?: Omit<RequestOptions, 'query' | 'body'>) => request<T>('GET', path, { ...opts, query }),
  post: <T>(path: string, body?: unknown, opts?: Omit<RequestOptions, 'body'>) => request<T>('POST', path, { ...opts, body: body ?? {} }),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, { body }),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, { body }),
  delete: <T = void>(path: string) => request<T>('DELETE', path),
};

/** Fetches a file (e.g. an Excel export) and hands it to the browser as a download. */
export async function download(path: string, query: Query, fallbackName: string): Promise<void> {
  await save(await send('GET', path, { query }, '*/*'), fallbackName);
}

/** The same for an export whose request is a structured value (a saved query, chosen columns): POSTed as JSON. */
export async function downloadPost(path: string, body: unknown, fallbackName: string): Promise<void> {
  await save(await send('POST', path, { body }, '*/*'), fallbackName);
}

async function save(res: Response, fallbackName: string): Promise<void> {
  const blob = await res.blob();
  const name = fileNameOf(res.headers.get('Content-Disposition')) ?? fallbackName;
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function fileNameOf(disposition: string | null): string | null {
  if (!disposition) return null;
  const star = /filename\*\s*=\s*UTF-8''([^;]+)/i.exec(disposition);
  if (star) return decodeURIComponent(star[1]);
  const plain = /filename\s*=\s*"?([^";]+)"?/i.exec(disposition);
  return plain ? plain[1] : null;
}

export function errorText(e: unknown): string {
  if (e instanceof ApiError) return e.message;
  return '操作失败，请稍后重试';
}
