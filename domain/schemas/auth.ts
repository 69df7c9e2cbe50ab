import { z } from 'zod';
import { ROLES } from '../permissions';

export const ZLoginSchema = z.strictObject({
  username: z.string().min(1, '请输入用户名').max(64),
  password: z.string().min(1, '请输入密码').max(256),
});

export const ZMeSchema = z.object({
  id: z.number(),
  username: z.string(),
  displayName: z.string(),
  roles: z.array(z.enum(ROLES)),
  orgId: z.number(),
  orgName: z.string(),
  mustChangePassword: z.boolean(),
  demo: z.boolean(),
});
export type TMe = z.infer<typeof ZMeSchema>;

export const ZChangePasswordSchema = z.strictObject({
  oldPassword: z.string().min(1).max(256),
  newPassword: z.string().min(1).max(256),
});
