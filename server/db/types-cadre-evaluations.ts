// Tables of 民主测评 (migration 016_cadre_evaluations.sql, issue 13 point 5).
import type { Generated } from 'kysely';
import type { Json } from './types.js';

export interface CadreEvaluationsTable {
  id: Generated<number>;
  manager_org_id: number;
  team_id: number | null;
  title: string;
  dimensions: Json;
  answer_set: string;
  team_answer_set: string;
  status: Generated<'draft' | 'open' | 'closed'>;
  opened_at: Date | null;
  closed_at: Date | null;
  created_by: number | null;
  created_at: Generated<Date>;
  version: Generated<number>;
}

export interface CadreEvaluationSubjectsTable {
  evaluation_id: number;
  seq: number;
  kind: 'team' | 'cadre';
  cadre_id: number | null;
  name: string;
  title: Generated<string>;
}

export interface CadreEvaluationCategoriesTable {
  evaluation_id: number;
  key: string;
  name: string;
  /** numeric: read as a string by pg */
  weight: string | number;
  planned: Generated<number>;
  sort: number;
}

/** A voting code: its keyed hash only (never the code), its category and whether it was used. */
export interface CadreEvaluationCodesTable {
  code_hash: string;
  evaluation_id: number;
  category: string;
  used: Generated<boolean>;
}

/** An anonymous ballot: a random key, no code, no voter, no time. */
export interface CadreEvaluationBallotsTable {
  id: string;
  evaluation_id: number;
  category: string;
  answers: Json;
}

export interface CadreEvaluationTables {
  cadre_evaluations: CadreEvaluationsTable;
  cadre_evaluation_subjects: CadreEvaluationSubjectsTable;
  cadre_evaluation_categories: CadreEvaluationCategoriesTable;
  cadre_evaluation_codes: CadreEvaluationCodesTable;
  cadre_evaluation_ballots: CadreEvaluationBallotsTable;
}
