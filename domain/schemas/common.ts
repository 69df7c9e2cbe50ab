// Schema pieces shared by several modules.
import { z } from 'zod';

export const ZIdParam = z.strictObject({ id: z.coerce.number().int().positive() });
export const ZDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');
export const ZError = z.object({ error: z.object({ code: z.string(), message: z.string(), field: z.string().nullable() }) });
export const ZCursorQuery = {
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
};
