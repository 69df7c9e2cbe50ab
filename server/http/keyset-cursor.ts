// Opaque keyset cursors for lists ordered by (sort_key, id): the last row's key and id, base64url.
import { invalid } from '../errors.js';

export const encodeCursor = (r: { sort_key: string; id: number }) => Buffer.from(JSON.stringify([r.sort_key, r.id])).toString('base64url');

export function decodeCursor(cursor: string | undefined): { key: string; id: number } | null {
  if (!cursor) return null;
  try {
    const [key, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as [unknown, unknown];
    if (typeof key === 'string' && Number.isInteger(id)) return { key, id: id as number };
  } catch {
    // fall through to the refusal below
  }
  throw invalid('分页游标无效，请重新查询', 'cursor');
}
