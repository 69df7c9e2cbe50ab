// API schemas for Party-building + business joint tasks (党建和业务融合, issue 4 point 5; rules in
// domain/rules/joint-tasks.ts).
import { z } from 'zod';
import { ZDate } from './common';
import { CHECK_RESULTS, JOINT_STAGES } from '../rules/joint-tasks';

const text = (max: number) => z.string().trim().max(max, `不能超过 ${max} 字`);
const version = z.number().int().positive();
export const ZJointStage = z.enum(JOINT_STAGES);
export const ZCheckResult = z.enum(CHECK_RESULTS);

const fields = {
  title: text(100).min(2, '请填写任务名称'),
  partySide: text(1000).min(2, '请填写党建工作内容'),
  businessSide: text(1000).min(2, '请填写业务工作内容'),
  partyOwner: text(40).min(2, '请填写党建责任人'),
  businessOwner: text(40).min(2, '请填写业务责任人'),
  startOn: ZDate.optional(),
  dueOn: ZDate,
};
const datesInOrder = (t: { startOn?: string; dueOn?: string }) => !t.startOn || !t.dueOn || t.startOn <= t.dueOn;
const datesMessage = { message: '开始日期不能晚于完成期限', path: ['dueOn'] };

export const ZJointTaskCreateSchema = z
  .strictObject({ orgId: z.number().int().positive(), year: z.number().int().min(2000).max(2100), ...fields })
  .refine(datesInOrder, datesMessage);
export type TJointTaskCreate = z.infer<typeof ZJointTaskCreateSchema>;

export const ZJointTaskEditSchema = z
  .strictObject({ ...fields, version })
  .partial()
  .required({ version: true })
  .refine(datesInOrder, datesMessage);
export type TJointTaskEdit = z.infer<typeof ZJointTaskEditSchema>;

export const ZJointTaskUpdateSchema = z.strictObject({
  stage: ZJointStage.optional(),
  progress: z.number().int().min(0, '进度不能为负').max(100, '进度不能超过 100%'),
  note: text(500).optional(),
  version,
});
export type TJointTaskUpdate = z.infer<typeof ZJointTaskUpdateSchema>;

export const ZJointTaskCheckSchema = z.strictObject({ result: ZCheckResult, note: text(500).optional(), version });
export type TJointTaskCheck = z.infer<typeof ZJointTaskCheckSchema>;

const bool = z.enum(['true', 'false']).transform((v) => v === 'true');
export const ZJointTaskListQuery = z.strictObject({
  orgId: z.coerce.number().int().positive().optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  stage: ZJointStage.optional(),
  overdue: bool.optional(),
  /** Tasks of the whole subtree (default) or of the organization itself only. */
  subtree: bool.default(true),
});
export type TJointTaskListQuery = z.infer<typeof ZJointTaskListQuery>;
/** The filter as the web sends it: the server fills in the defaults. */
export type TJointTaskFilter = Partial<TJointTaskListQuery>;
export const ZJointTaskExportQuery = ZJointTaskListQuery.extend({ purpose: z.string().trim().min(2, '请填写导出用途').max(200) });

export const ZJointTaskSchema = z.object({
  id: z.number(),
  orgId: z.number(),
  orgName: z.string(),
  year: z.number(),
  title: z.string(),
  partySide: z.string(),
  businessSide: z.string(),
  partyOwner: z.string(),
  businessOwner: z.string(),
  startOn: z.string().nullable(),
  dueOn: z.string(),
  stage: ZJointStage,
  progress: z.number(),
  overdue: z.boolean(),
  checkResult: ZCheckResult.nullable(),
  checkNote: z.string().nullable(),
  checkedOn: z.string().nullable(),
  checkedOrgName: z.string().nullable(),
  updatedAt: z.string(),
  version: z.number(),
  canCheck: z.boolean(),
});
export type TJointTask = z.infer<typeof ZJointTaskSchema>;
export const ZJointTaskUpdateRowSchema = z.object({
  id: z.number(),
  at: z.string(),
  stage: ZJointStage,
  progress: z.number(),
  note: z.string().nullable(),
  actorName: z.string().nullable(),
});
export type TJointTaskUpdateRow = z.infer<typeof ZJointTaskUpdateRowSchema>;
export const ZJointTaskDetailSchema = ZJointTaskSchema.extend({ updates: z.array(ZJointTaskUpdateRowSchema) });
export type TJointTaskDetail = z.infer<typeof ZJointTaskDetailSchema>;
export const ZJointTaskListSchema = z.object({
  items: z.array(ZJointTaskSchema),
  counts: z.object({
    planned: z.number(),
    deployed: z.number(),
    in_progress: z.number(),
    done: z.number(),
    checked: z.number(),
    overdue: z.number(),
  }),
  truncated: z.boolean(),
});
export type TJointTaskList = z.infer<typeof ZJointTaskListSchema>;
