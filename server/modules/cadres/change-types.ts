// The shapes the cadre writer takes (changes.ts): the columns a change may set, the child rows it
// writes, and the change itself. Kept apart so the writer reads as the workflow it is.
import type { Db } from '../../db/engine.js';
import type { Actor, Clock } from '../../auth/actor.js';
import type { IdCrypto } from '../../crypto/id-crypto.js';
import type { ReviewItem } from '../../../domain/cadre-codes.js';
import type { TEducationRow, TLrmxExtra, TResumeLine } from '../../../domain/schemas/cadre-sheet.js';

/** Who writes and when: a Ctx (bound to the transaction) is one. The crypto seals identity numbers. */
export interface CadreWriter {
  db: Db;
  actor: Pick<Actor, 'userId'> | null;
  clock: Clock;
  crypto: IdCrypto;
}

/** The texts of the form the structured file does not hold (拟任, 拟免, 任免理由, 呈报单位…), see sheet.ts. */
export type FormTexts = Record<string, string | null>;

/** The columns a change may set. Derived columns (current post, level, rank, edu_rank, name keys) are the writer's. */
export interface CadreSet {
  manager_org_id?: number;
  user_id?: number | null;
  name?: string;
  sex?: string;
  birth?: string | null;
  ethnicity?: string;
  /** The identity number in clear: stored encrypted, hashed and masked (never in the history). */
  id_number?: string | null;
  native_place?: string;
  birth_place?: string;
  party_join?: string | null;
  party_name?: string;
  political?: string;
  work_start?: string | null;
  health?: string;
  pro_title?: string;
  expertise?: string;
  background?: string;
  grassroots_months?: number | null;
  edu_full_time?: TEducationRow;
  edu_in_service?: TEducationRow;
  resume?: TResumeLine[];
  photo?: Buffer | null;
  photo_mime?: string | null;
  lrmx_version?: string | null;
  lrmx_extras?: TLrmxExtra[];
  form_texts?: FormTexts;
  status?: string;
  left_on?: string | null;
  left_reason?: string | null;
}

export interface RankIn {
  title: string;
  level: string | null;
  decided_on: string;
  doc_no: string;
  ended_on: string | null;
}
export interface RewardIn {
  kind: 'reward' | 'punishment';
  on_date: string | null;
  text: string;
  on_form: boolean;
  until: string | null;
}
export interface AssessmentIn {
  year: number;
  grade: string;
  note: string;
}
export interface FamilyIn {
  relation: string;
  name: string;
  birth: string | null;
  political: string;
  work_post: string;
  deceased: boolean;
  abroad_country: string | null;
  abroad_status: string | null;
  relative_cadre_id?: number | null;
}
export interface AppointmentIn {
  post_id: number | null;
  unit_id: number | null;
  title: string;
  level: string | null;
  principal: boolean;
  decided_on: string;
  doc_no: string;
  probation_until: string | null;
  concurrent: boolean;
}
export interface ReviewIn {
  item: ReviewItem;
  value: string;
  source: string;
  reviewer_id: number | null;
  reviewer_name: string;
  reviewed_on: string;
  note: string;
}

export interface CadreChange {
  /** The part of the file, as the history names it: basic, education, resume, appointments, ranks, rewards… */
  section: string;
  /** What happened: update, add, end, replace, review, import, correction… */
  action: string;
  set?: CadreSet;
  /** The version the caller read: 409 when the file changed since. */
  version?: number;
  /** Required when a reviewed 三龄二历 item changes; kept in the history. */
  reason?: string | null;
  ranks?: RankIn[];
  /** Replaces the rewards: all of them, or only those shown on the form (a sheet carries only those). */
  rewards?: { rows: RewardIn[]; only: 'all' | 'on_form' };
  /** Replaces the assessments, or adds/overwrites the years given. */
  assessments?: { rows: AssessmentIn[]; mode: 'replace' | 'upsert' };
  family?: FamilyIn[];
  addAppointment?: AppointmentIn;
  endAppointment?: { id: number; ended_on: string; end_doc_no: string | null; end_reason: string | null };
  review?: ReviewIn;
  /** Facts kept in the history beside the change (the correction request it came from). */
  note?: Record<string, unknown>;
}

export interface NewCadre extends CadreSet {
  manager_org_id: number;
  /** The Party member this cadre is: identity comes from the member record (trigger, migration 014). */
  member_id?: number | null;
}
