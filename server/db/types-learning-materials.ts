// Materials, plans and study sessions (migration 025_learning.sql, issue 14 points 1–3).
import type { Generated } from 'kysely';
import type { Json } from './types.js';

type DateCol = string; // 'YYYY-MM-DD'

export interface LearningMaterialsTable {
  id: Generated<number>;
  org_id: number;
  kind: 'article' | 'document' | 'audio' | 'video' | 'link';
  title: string;
  summary: Generated<string>;
  body_html: Generated<string>;
  url: Generated<string>;
  category: Generated<string>;
  tags: Generated<string[]>;
  length_seconds: number;
  search_text: Generated<string>;
  status: Generated<'published' | 'withdrawn'>;
  created_by: number | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface LearningMaterialFilesTable {
  material_id: number;
  file_name: string;
  mime: string;
  size_bytes: number;
  sha256: string;
  content: Buffer;
}

export interface LearningPlansTable {
  id: Generated<number>;
  org_id: number;
  title: string;
  description: Generated<string>;
  audiences: string[];
  cadre_levels: Generated<string[]>;
  /** numeric(6,1): read back as a string. */
  required_hours: number | string;
  starts_on: DateCol;
  ends_on: DateCol;
  closed_at: Date | null;
  created_by: number | null;
  created_at: Generated<Date>;
}

export interface LearningPlanItemsTable {
  id: Generated<number>;
  plan_id: number;
  kind: 'material' | 'quiz';
  ref_id: number;
  position: Generated<number>;
}

export interface LearningSessionsTable {
  id: Generated<number>;
  user_id: number;
  member_id: number | null;
  cadre_id: number | null;
  dev_person_id: Generated<number | null>;
  material_id: number;
  ip: Generated<string>;
  started_at: Date;
  anchor_at: Date;
  presence_at: Date;
  streak_from: Date | null;
  credited_seconds: Generated<number>;
  beats: Generated<number>;
  superseded: Generated<boolean>;
}

export interface LearningMaterialProgressTable {
  id: Generated<number>;
  member_id: number | null;
  cadre_id: number | null;
  dev_person_id: Generated<number | null>;
  material_id: number;
  credited_seconds: Generated<number>;
  updated_at: Generated<Date>;
}

export interface LearningFlagsTable {
  id: Generated<number>;
  kind: 'nonstop' | 'shared_device' | 'fast_playback';
  session_id: number | null;
  member_id: number | null;
  cadre_id: number | null;
  dev_person_id: Generated<number | null>;
  detail: Json;
  raised_at: Date;
  review: 'cleared' | 'upheld' | null;
  review_note: Generated<string>;
  reviewed_by: number | null;
  reviewed_at: Date | null;
}

export interface LearningMaterialTables {
  learning_materials: LearningMaterialsTable;
  learning_material_files: LearningMaterialFilesTable;
  learning_plans: LearningPlansTable;
  learning_plan_items: LearningPlanItemsTable;
  learning_sessions: LearningSessionsTable;
  learning_material_progress: LearningMaterialProgressTable;
  learning_flags: LearningFlagsTable;
}
