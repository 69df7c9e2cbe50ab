// API schemas of the applicant's side (issue 15 point 8): self-registration of a talent or an employer
// with a one-time code, the PIPL consent notice, the applicant's home and an employer's staff.
import { z } from 'zod';

const id = z.number().int().positive();
const text = (max: number, label: string) => z.string().trim().min(1, `请填写${label}`).max(max, `${label}不超过 ${max} 字`);

/** A mainland mobile number or an e-mail address: the account's login name. */
export const ZIdentifier = z
  .string()
  .trim()
  .toLowerCase()
  .max(80, '手机号或电子邮箱不超过 80 字')
  .regex(/^1\d{10}$|^[^@\s]+@[^@\s]+\.[^@\s]+$/, '请填写正确的手机号或电子邮箱');

export const ZSendCodeSchema = z.strictObject({ identifier: ZIdentifier });
export type TSendCode = z.infer<typeof ZSendCodeSchema>;

/** The same answer whether the identifier is known or not (no enumeration). */
export const ZSendCodeResultSchema = z.object({ sent: z.literal(true), expiresInMinutes: z.number().int() });

export const PORTAL_KINDS = ['talent', 'employer'] as const;
export type TPortalKind = (typeof PORTAL_KINDS)[number];

export const ZRegisterSchema = z.strictObject({
  kind: z.enum(PORTAL_KINDS, { message: '请选择注册类型' }),
  identifier: ZIdentifier,
  code: z
    .string()
    .trim()
    .regex(/^\d{6}$/, '验证码为 6 位数字'),
  password: z.string().min(1, '请填写密码').max(128, '密码不超过 128 位'),
  /** The person's name (talent) or the contact's name (employer). */
  name: text(40, '姓名'),
  districtOrgId: id,
  employerName: z.string().trim().max(100, '单位名称不超过 100 字').default(''),
  creditCode: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^$|^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/, '统一社会信用代码格式不正确')
    .default(''),
  /** The version of the consent notice the person read and accepted. */
  consentVersion: z.string().trim().max(20, '同意书版本不正确'),
  consent: z.boolean(),
});
export type TRegister = z.infer<typeof ZRegisterSchema>;

export const ZRegisterResultSchema = z.object({ username: z.string(), kind: z.enum(PORTAL_KINDS) });

export const ZConsentNoticeSchema = z.object({
  version: z.string(),
  effectiveOn: z.string(),
  controller: z.string(),
  collected: z.array(z.string()),
  purposes: z.array(z.string()),
  retention: z.string(),
  rights: z.array(z.string()),
  contact: z.string(),
});
export type TConsentNotice = z.infer<typeof ZConsentNoticeSchema>;

export const ZPublicDistrictsSchema = z.object({ items: z.array(z.object({ id, name: z.string() })) });

export const ZConsentRecordSchema = z.object({ version: z.string(), acceptedAt: z.string() });

export const ZMyTalentSchema = z.object({
  person: z
    .object({
      id,
      name: z.string(),
      phone: z.string(),
      email: z.string(),
      districtName: z.string(),
      employerName: z.string().nullable(),
      field: z.string(),
      industry: z.string(),
      tierName: z.string().nullable(),
      cardNo: z.string().nullable(),
      cardIssuedOn: z.string().nullable(),
      cardExpiresOn: z.string().nullable(),
      status: z.string(),
    })
    .nullable(),
  documents: z.array(z.object({ id, kind: z.string(), fileName: z.string(), uploadedAt: z.string() })),
  consents: z.array(ZConsentRecordSchema),
});
export type TMyTalent = z.infer<typeof ZMyTalentSchema>;

export const ZStaffSchema = z.object({
  id,
  name: z.string(),
  phone: z.string(),
  email: z.string(),
  field: z.string(),
  tierName: z.string().nullable(),
  cardNo: z.string().nullable(),
  status: z.string(),
});
export type TStaff = z.infer<typeof ZStaffSchema>;

export const ZMyEmployerSchema = z.object({
  employer: z.object({ id, name: z.string(), creditCode: z.string().nullable(), districtName: z.string() }),
  staff: z.array(ZStaffSchema),
  consents: z.array(ZConsentRecordSchema),
});
export type TMyEmployer = z.infer<typeof ZMyEmployerSchema>;

export const ZStaffCreateSchema = z.strictObject({
  name: text(40, '姓名'),
  phone: z
    .string()
    .trim()
    .regex(/^$|^1\d{10}$/, '手机号格式不正确')
    .default(''),
  email: z
    .string()
    .trim()
    .max(80, '电子邮箱不超过 80 字')
    .regex(/^$|^[^@\s]+@[^@\s]+\.[^@\s]+$/, '电子邮箱格式不正确')
    .default(''),
  field: z.string().trim().max(40, '专业领域不超过 40 字').default(''),
});
export type TStaffCreate = z.infer<typeof ZStaffCreateSchema>;
