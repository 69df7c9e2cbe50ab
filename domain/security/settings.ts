// Security settings the system administrator may change, with the defaults of SECURITY.md.
import { z } from 'zod';
import { ROLES, type Role } from '../permissions';

/** SECURITY.md 6: the roles whose accounts must pass the second factor, unless the system administrator says otherwise. */
export const DEFAULT_TOTP_ROLES: Role[] = ['sysadmin', 'secadmin', 'auditor', 'org_dept_admin'];

export const ZSettingsSchema = z.strictObject({
  /** SECURITY.md 2: password expiry (days) */
  passwordMaxAgeDays: z.number().int().min(1).max(3650),
  /** SECURITY.md 2: the last N passwords cannot be reused */
  passwordHistory: z.number().int().min(0).max(24),
  /** SECURITY.md 3: consecutive failures before lockout */
  lockoutThreshold: z.number().int().min(3).max(20),
  /** SECURITY.md 3: lockout duration (minutes) */
  lockoutMinutes: z
    .number()
    .int()
    .min(1)
    .max(24 * 60),
  /** SECURITY.md 5: idle timeout (minutes) */
  sessionIdleMinutes: z
    .number()
    .int()
    .min(1)
    .max(24 * 60),
  /** SECURITY.md 5: absolute session lifetime (hours) */
  sessionAbsoluteHours: z.number().int().min(1).max(72),
  /** SECURITY.md 15: accounts unused this many days are disabled */
  dormantDays: z.number().int().min(7).max(3650),
  /** SECURITY.md 6, issue 11.4: roles that need a TOTP code after the password */
  totpRoles: z.array(z.enum(ROLES)).max(ROLES.length).default(DEFAULT_TOTP_ROLES),
});
export type TSettings = z.infer<typeof ZSettingsSchema>;

export const DEFAULT_SETTINGS: TSettings = {
  passwordMaxAgeDays: 90,
  passwordHistory: 5,
  lockoutThreshold: 5,
  lockoutMinutes: 30,
  sessionIdleMinutes: 30,
  sessionAbsoluteHours: 12,
  dormantDays: 180,
  totpRoles: DEFAULT_TOTP_ROLES,
};
