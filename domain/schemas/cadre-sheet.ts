// The 干部任免审批表 as one value: what the printed form shows and what a .lrmx file carries
// (RULES.md §7, PILLARS.md §1–§2). The .lrmx reader and writer, the PDF and Word printers and the
// cadre file service all speak this shape; the cadre file builds it from its structured records.
import { z } from 'zod';

/** A date as precise as its source gave it: `YYYY-MM` or `YYYY-MM-DD` (a .lrmx holds `YYYYMM` or `YYYYMMDD`). */
export const ZPartialDate = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?$/, '日期格式应为 YYYY-MM 或 YYYY-MM-DD');
export type TPartialDate = z.infer<typeof ZPartialDate>;

/** One step of the 简历: from, to (null while current), the text and its sub-items (（其间：…）/（其中：…）).
 * A line that does not parse is kept whole in `text` with `from` null: never dropped. */
export const ZResumeLine = z.object({
  from: ZPartialDate.nullable(),
  to: ZPartialDate.nullable(),
  text: z.string().max(2000),
  sub: z.array(z.string().max(2000)).max(50).default([]),
});
export type TResumeLine = z.infer<typeof ZResumeLine>;

export const ZEducationRow = z.object({
  /** 学历 (e.g. 大学, 研究生). */
  level: z.string().max(100).default(''),
  /** 学位 (e.g. 法学学士). */
  degree: z.string().max(100).default(''),
  /** 毕业院校系及专业 of the 学历. */
  levelSchool: z.string().max(300).default(''),
  /** 毕业院校系及专业 of the 学位. */
  degreeSchool: z.string().max(300).default(''),
});
export type TEducationRow = z.infer<typeof ZEducationRow>;

export const ZFamilyRow = z.object({
  /** 称谓 (GB/T 4761: 父亲, 母亲, 妻子, 丈夫, 儿子, 女儿…). */
  relation: z.string().max(50),
  name: z.string().max(100),
  /** As written (a .lrmx may hold YYYYMM, dotted months, or nothing). */
  birth: ZPartialDate.nullable(),
  political: z.string().max(50).default(''),
  workPost: z.string().max(300).default(''),
  /** 已故/去世: printed without an age. */
  deceased: z.boolean().default(false),
});
export type TFamilyRow = z.infer<typeof ZFamilyRow>;

/** An element of a .lrmx file this version does not model (version 4's DaoLingNianYue, a vendor's own),
 * kept for the round trip: its name, its text, and the known element it followed. */
export const ZLrmxExtra = z.object({ name: z.string().max(100), text: z.string().max(10000), after: z.string().max(100).nullable() });
export type TLrmxExtra = z.infer<typeof ZLrmxExtra>;

export const ZCadreSheet = z.object({
  name: z.string().max(100),
  sex: z.string().max(10).default(''),
  birth: ZPartialDate.nullable(),
  ethnicity: z.string().max(50).default(''),
  nativePlace: z.string().max(100).default(''),
  birthPlace: z.string().max(100).default(''),
  /** 入党时间: a date, and/or the democratic party's name (民盟) when the file says so. */
  partyJoin: ZPartialDate.nullable(),
  partyName: z.string().max(100).default(''),
  workStart: ZPartialDate.nullable(),
  health: z.string().max(100).default(''),
  /** 专业技术职务, possibly ending in （YYYY.MM）. */
  proTitle: z.string().max(200).default(''),
  expertise: z.string().max(500).default(''),
  fullTime: ZEducationRow,
  inService: ZEducationRow,
  currentPost: z.string().max(1000).default(''),
  proposedPost: z.string().max(1000).default(''),
  proposedRemoval: z.string().max(1000).default(''),
  resume: z.array(ZResumeLine).max(200).default([]),
  rewards: z.string().max(5000).default(''),
  assessments: z.string().max(2000).default(''),
  reason: z.string().max(2000).default(''),
  family: z.array(ZFamilyRow).max(50).default([]),
  reportingUnit: z.string().max(200).default(''),
  /** 计算年龄时间: the age on the form is counted at this day (today when null). */
  ageAt: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .nullable(),
  filledOn: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .nullable(),
  filledBy: z.string().max(100).default(''),
  /** 身份证号: exchanged in .lrmx, never printed on the form. */
  idNumber: z.string().max(18).nullable(),
  /** The photo, base64 without line breaks, and its type. */
  photo: z.object({ mime: z.enum(['image/jpeg', 'image/png']), base64: z.string() }).nullable(),
  /** The .lrmx Version this sheet came with (written back unchanged; new files get 3.2.1.16). */
  version: z.string().max(50).nullable(),
  extras: z.array(ZLrmxExtra).max(100).default([]),
});
export type TCadreSheet = z.infer<typeof ZCadreSheet>;
