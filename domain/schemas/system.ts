// API schemas of the health check and the security settings (server/modules/health, server/modules/system).
import { z } from 'zod';

export { ZSettingsSchema, type TSettings } from '../security/settings';

export const ZHealthStatusSchema = z.object({
  status: z.literal('ok'),
  engine: z.enum(['pglite', 'postgres']),
  demo: z.boolean(),
  version: z.string(),
});
export type THealthStatus = z.infer<typeof ZHealthStatusSchema>;
