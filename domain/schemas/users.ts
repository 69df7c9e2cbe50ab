// API schemas for account administration by the security administrator.
import { z } from 'zod';
import { ROLES } from '../permissions';
import { ZCursorQuery } from './common';

const roles = z.array(z.enum(ROLES)).min(1, '至少选择一个角色').max(ROLES.length);

export const ZUserRowSchema = z.object({
  id: z.number(),
  username: z.string(),
  displayName: z.string(),
  orgId: z.number(),
  orgName: z.string(),
  roles: z.array(z.enum(ROLES)),
  disabled: z.boolean(),
  lockedUntil: z.string().nullable(),
  lastLoginAt: z.string().nullable(),
  createdAt: z.string(),
});
export type TUserRow = z.infer<typeof ZUserRowSchema>;

export const ZUserCreateSchema = z.strictObject({
  username: z
    .string()
    .trim()
    .regex(/^[a-z0-9][a-z0-9._-]{2,31}$/, '用户名为 3–32 位小写字母、数字、点、下划线或连字符'),
  displayName: z.string().trim().min(2).max(40),
  orgId: z.number().int().positive(),
  roles,
  password: z.string().min(1).max(256),
});
export type TUserCreate = z.infer<typeof ZUserCreateSchema>;

export const ZUserUpdateSchema = z.strictObject({
  displayName: z.string().trim().min(2).max(40).optional(),
  orgId: z.number().int().positive().optional(),
  roles: roles.optional(),
  disabled: z.boolean().optional(),
});
export type TUserUpdate = z.infer<typeof ZUserUpdateSchema>;

export const ZUserListQuery = z.strictObject({
  q: z.string().trim().max(40).optional(),
  orgId: z.coerce.number().int().positive().optional(),
  ...ZCursorQuery,
});
/** The query as the web sends it: the server fills in the defaults. */
export type TUserListQuery = Partial<z.infer<typeof ZUserListQuery>>;
export const ZResetPasswordSchema = z.strictObject({ password: z.string().min(1).max(256) });
