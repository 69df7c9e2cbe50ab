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

/** The password was right but the account must pass the second factor (SECURITY.md 6): enrol first, or give a code. */
export const ZLoginPendingSchema = z.object({
  secondFactor: z.enum(['totp', 'enrol']),
});
export type TLoginPending = z.infer<typeof ZLoginPendingSchema>;
export const ZLoginResultSchema = z.union([ZMeSchema, ZLoginPendingSchema]);
export type TLoginResult = z.infer<typeof ZLoginResultSchema>;

/** A 6-digit authenticator code, or a recovery code such as `abcde-fgh23`. */
export const ZTotpCodeSchema = z.strictObject({
  code: z
    .string()
    .trim()
    .min(6, '请输入 6 位验证码或恢复码')
    .max(16)
    .regex(/^[0-9A-Za-z-]+$/, '验证码只含数字（恢复码含字母和连字符）'),
});

export const ZTotpEnrolmentSchema = z.object({
  /** base32, for typing into an authenticator by hand */
  secret: z.string(),
  otpauthUri: z.string(),
  /** the otpauth URI as a PNG data URL */
  qrDataUrl: z.string(),
});
export type TTotpEnrolment = z.infer<typeof ZTotpEnrolmentSchema>;

/** After the second factor: the session's user; on enrolment also the recovery codes, shown once. */
export const ZTotpResultSchema = ZMeSchema.extend({ recoveryCodes: z.array(z.string()).optional() });
export type TTotpResult = z.infer<typeof ZTotpResultSchema>;
