// Schema pieces shared by several modules.
import { z } from 'zod';

export const ZIdParam = z.strictObject({ id: z.coerce.number().int().positive() });
/** A real calendar day (2026-02-30 and month 13 are refused, never rolled over). */
export const isCalendarDate = (s: string): boolean => {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = new Date(Date.UTC(y, mo - 1, d));
  return y >= 1000 && t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d;
};
export const ZDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD')
  .refine(isCalendarDate, '日期不存在（请检查年月日）');
export const ZError = z.object({ error: z.object({ code: z.string(), message: z.string(), field: z.string().nullable() }) });
export type TError = z.infer<typeof ZError>;
export const ZCursorQuery = {
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
};

/** A database id as the API carries it. */
export type Id = number;
/** A calendar date, `YYYY-MM-DD`. */
export type DateString = string;
/** An ISO 8601 timestamp. */
export type Timestamp = string;

/** A keyset page, `{ items, nextCursor }` (ZCursorQuery asks for one): the shape of every list route's z.object({ items, nextCursor }). */
export type TPage<T> = { items: T[]; nextCursor: string | null };
/** A plain list answer, `{ items }`. */
export type TItems<T> = { items: T[] };
