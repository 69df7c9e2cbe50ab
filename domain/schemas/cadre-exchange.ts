// The exchange of cadre files: .lrmx batches in and out, the printed 任免审批表 (PDF, Word, zips).
import { z } from 'zod';

export const ZLrmxImportQuery = z.strictObject({
  /** Preview only: read and match every file, write nothing. */
  dryRun: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
  /** The managing organization of the cadres the batch creates (default: the actor's own). */
  managerOrgId: z.coerce.number().int().positive().optional(),
});

export const ZLrmxFileResult = z.object({
  file: z.string(),
  /** Preview: create / update / error / skipped; commit: created / updated / error / skipped. */
  status: z.enum(['create', 'update', 'created', 'updated', 'error', 'skipped']),
  name: z.string().nullable(),
  cadreId: z.number().nullable(),
  message: z.string(),
});
export type TLrmxFileResult = z.infer<typeof ZLrmxFileResult>;

export const ZLrmxImportResult = z.object({
  dryRun: z.boolean(),
  files: z.array(ZLrmxFileResult),
  counts: z.object({ ok: z.number(), errors: z.number(), skipped: z.number() }),
});
export type TLrmxImportResult = z.infer<typeof ZLrmxImportResult>;

export const ZFormBatchQuery = z.strictObject({
  ids: z
    .string()
    .regex(/^\d+(,\d+)*$/, '请以逗号分隔干部编号')
    .transform((s) => [...new Set(s.split(',').map(Number))])
    .refine((a) => a.length <= 500, '一次最多 500 人'),
  format: z.enum(['pdf', 'docx', 'lrmx']).default('pdf'),
});
