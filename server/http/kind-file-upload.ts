// A named document uploaded with its name (multipart: field `kind` names the material, `file` is the
// file): the talent portal's application attachments and 认定 evidence read their uploads this way.
// The plugin registering the route sets multipart's bounds; a file past them is refused here by name.
import type { FastifyRequest } from 'fastify';
import { invalid } from '../errors.js';

export interface KindFile {
  kind: string;
  name: string;
  content: Buffer;
}

export async function readKindFile(req: FastifyRequest, maxMb: number, kindLabel = '材料名称'): Promise<KindFile> {
  if (!req.isMultipart()) throw invalid('请以 multipart/form-data 上传文件', 'file');
  let kind = '';
  let content: Buffer | null = null;
  let name = '';
  for await (const part of req.parts()) {
    if (part.type === 'field' && part.fieldname === 'kind') kind = String(part.value ?? '').trim();
    else if (part.type === 'file') {
      content = await part.toBuffer();
      if (part.file.truncated) throw invalid(`文件超过 ${maxMb} MB，请压缩后上传`, 'file');
      name = part.filename || '';
    }
  }
  if (!kind || kind.length > 60) throw invalid(`请填写${kindLabel}（不超过 60 字）`, 'kind');
  if (!content) throw invalid('请选择要上传的文件', 'file');
  if (!content.length) throw invalid('文件是空的', 'file');
  return { kind, name, content };
}
