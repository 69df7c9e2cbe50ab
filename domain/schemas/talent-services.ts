// API schemas of the talent services other departments deliver (issue 15 point 6): service types with
// their department and response time, requests routed to the department, their status for the talent,
// the department and the talent office.
import { z } from 'zod';
import { ZDate } from './common';

const id = z.number().int().positive();
const text = (max: number, label: string) => z.string().trim().min(1, `请填写${label}`).max(max, `${label}不超过 ${max} 字`);
const optText = (max: number, label: string) => z.string().trim().max(max, `${label}不超过 ${max} 字`).default('');

export const SERVICE_STATUSES = ['submitted', 'accepted', 'answered', 'closed', 'withdrawn'] as const;
export type TServiceStatus = (typeof SERVICE_STATUSES)[number];

export const ZServiceDepartmentSchema = z.object({ id, code: z.string(), name: z.string(), accounts: z.number().int() });
export type TServiceDepartment = z.infer<typeof ZServiceDepartmentSchema>;

export const ZServiceDepartmentCreateSchema = z.strictObject({
  code: z
    .string()
    .trim()
    .regex(/^[a-z][a-z0-9-]{1,31}$/, '部门代码须为 2–32 位小写字母、数字或连字符'),
  name: text(60, '部门名称'),
});
export type TServiceDepartmentCreate = z.infer<typeof ZServiceDepartmentCreateSchema>;

export const ZServiceTypeSchema = z.object({
  id,
  code: z.string(),
  name: z.string(),
  departmentId: id,
  departmentName: z.string(),
  responseDays: z.number().int(),
  tierCodes: z.array(z.string()),
  description: z.string(),
  active: z.boolean(),
});
export type TServiceType = z.infer<typeof ZServiceTypeSchema>;

export const ZServiceTypeCreateSchema = z.strictObject({
  code: z
    .string()
    .trim()
    .regex(/^[a-z][a-z0-9-]{1,31}$/, '服务代码须为 2–32 位小写字母、数字或连字符'),
  name: text(60, '服务名称'),
  departmentId: id,
  responseDays: z.number().int().min(1, '办理时限至少 1 个工作日').max(60, '办理时限不超过 60 个工作日'),
  tierCodes: z.array(z.string().trim().min(1).max(10)).max(20).default([]),
  description: optText(500, '说明'),
});
export type TServiceTypeCreate = z.infer<typeof ZServiceTypeCreateSchema>;

export const ZServiceTypeUpdateSchema = ZServiceTypeCreateSchema.omit({ code: true }).partial().extend({ active: z.boolean().optional() });
export type TServiceTypeUpdate = z.infer<typeof ZServiceTypeUpdateSchema>;

export const ZServiceEventSchema = z.object({ at: z.string(), action: z.string(), note: z.string(), by: z.string().nullable() });

export const ZServiceRequestSchema = z.object({
  id,
  personId: id,
  personName: z.string(),
  tierName: z.string().nullable(),
  cardNo: z.string().nullable(),
  typeId: id,
  typeName: z.string(),
  departmentId: id,
  departmentName: z.string(),
  detail: z.string(),
  status: z.enum(SERVICE_STATUSES),
  submittedOn: z.string(),
  dueOn: z.string(),
  /** Past its due date and not yet answered (or answered late). */
  overdue: z.boolean(),
  late: z.boolean(),
  answer: z.string(),
  satisfaction: z.number().int().nullable(),
  version: z.number().int(),
  events: z.array(ZServiceEventSchema),
});
export type TServiceRequest = z.infer<typeof ZServiceRequestSchema>;

export const ZServiceRequestListSchema = z.object({
  items: z.array(ZServiceRequestSchema),
  total: z.number().int(),
  /** Per department: open requests, overdue among them, answered, answered late, average working days to answer. */
  byDepartment: z.array(
    z.object({
      departmentId: id,
      departmentName: z.string(),
      open: z.number().int(),
      overdue: z.number().int(),
      answered: z.number().int(),
      answeredLate: z.number().int(),
    }),
  ),
});
export type TServiceRequestList = z.infer<typeof ZServiceRequestListSchema>;

export const ZServiceRequestQuery = z.strictObject({
  status: z.enum(SERVICE_STATUSES).optional(),
  departmentId: z.coerce.number().int().positive().optional(),
  typeId: z.coerce.number().int().positive().optional(),
  overdue: z.enum(['true', 'false']).optional(),
  q: z.string().trim().max(40, '姓名不超过 40 字').optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
export type TServiceRequestQuery = z.infer<typeof ZServiceRequestQuery>;

/** A talent asking for a service (their own record), or the office entering it for a registered talent. */
export const ZServiceRequestCreateSchema = z.strictObject({
  typeId: id,
  detail: text(2000, '需求说明'),
  personId: id.optional(),
});
export type TServiceRequestCreate = z.infer<typeof ZServiceRequestCreateSchema>;

export const ZServiceAnswerSchema = z.strictObject({ answer: text(2000, '办理结果'), version: z.number().int().positive() });
export type TServiceAnswer = z.infer<typeof ZServiceAnswerSchema>;

export const ZServiceVersionSchema = z.strictObject({ version: z.number().int().positive(), note: optText(500, '说明') });
export type TServiceVersion = z.infer<typeof ZServiceVersionSchema>;

export const ZServiceRouteSchema = z.strictObject({
  departmentId: id,
  version: z.number().int().positive(),
  note: text(500, '转办理由'),
});
export type TServiceRoute = z.infer<typeof ZServiceRouteSchema>;

export const ZServiceCloseSchema = z.strictObject({
  version: z.number().int().positive(),
  satisfaction: z.number().int().min(1, '满意度为 1–5').max(5, '满意度为 1–5').optional(),
  note: optText(500, '说明'),
});
export type TServiceClose = z.infer<typeof ZServiceCloseSchema>;

export const ZServiceDueQuery = z.strictObject({ on: ZDate });
