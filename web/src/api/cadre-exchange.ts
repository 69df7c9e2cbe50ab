// The cadre file's exchange: .lrmx batches in (preview, then commit), forms and .lrmx out.
import type { TError } from '../../../domain/schemas/common';
import type { TLrmxFileResult, TLrmxImportResult } from '../../../domain/schemas/cadre-exchange';
import { ApiError, download } from './client';

export type { TLrmxFileResult, TLrmxImportResult };

/** Uploads .lrmx files (or one zip): `dryRun` reads and matches every file and writes nothing. */
export async function uploadLrmx(files: File[], dryRun: boolean): Promise<TLrmxImportResult> {
  const form = new FormData();
  for (const f of files) form.append('file', f, f.name);
  let res: Response;
  try {
    res = await fetch(`/api/cadres/lrmx?dryRun=${dryRun}`, {
      method: 'POST',
      body: form,
      credentials: 'same-origin',
      headers: { Accept: 'application/json' },
    });
  } catch {
    throw new ApiError(0, 'NETWORK', '网络异常，请检查连接后重试');
  }
  const body = (await res.json().catch(() => null)) as (TLrmxImportResult & Partial<TError>) | null;
  if (res.ok && body) return body;
  throw new ApiError(
    res.status,
    body?.error?.code ?? 'HTTP_ERROR',
    body?.error?.message ?? `请求失败（${res.status}）`,
    body?.error?.field ?? undefined,
  );
}

export const downloadForm = (id: number, format: 'pdf' | 'docx' | 'lrmx') =>
  download(format === 'lrmx' ? `/api/cadres/${id}/lrmx` : `/api/cadres/${id}/form.${format}`, {}, `form.${format}`);
export const downloadForms = (ids: number[], format: 'pdf' | 'docx' | 'lrmx') =>
  download('/api/cadres/forms', { ids: ids.join(','), format }, 'forms.zip');
export const downloadMyForm = () => download('/api/cadres/me/form.pdf', {}, 'form.pdf');
