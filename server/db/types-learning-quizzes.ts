// Tables of question banks, quizzes and attempts (migration 026_learning_quizzes.sql, issue 14 point 4).
import type { Generated } from 'kysely';
import type { Json, Timestamp } from './types.js';

type DateCol = string; // 'YYYY-MM-DD'
/** numeric columns read back as strings ('12.5'), written as numbers. */
type Num = number | string;

export interface LearningBanksTable {
  id: Generated<number>;
  org_id: number;
  name: string;
  description: Generated<string>;
  created_by: number | null;
  created_at: Generated<Date>;
}

export interface LearningQuestionsTable {
  id: Generated<number>;
  bank_id: number;
  type: 'single' | 'multiple' | 'judge' | 'fill';
  stem: string;
  options: Json;
  answer: Json;
  category: Generated<string>;
  difficulty: Generated<number>;
  explanation: Generated<string>;
  retired: Generated<boolean>;
  created_at: Generated<Date>;
}

export interface LearningQuizzesTable {
  id: Generated<number>;
  org_id: number;
  title: string;
  description: Generated<string>;
  rules: Json;
  time_limit_minutes: number;
  max_attempts: number | null;
  pass_percent: number;
  multi_scoring: Generated<'all' | 'partial'>;
  hours: Generated<Num>;
  opens_on: DateCol;
  closes_on: DateCol;
  status: Generated<'draft' | 'published' | 'closed'>;
  created_by: number | null;
  created_at: Generated<Date>;
}

export interface LearningAttemptsTable {
  id: Generated<number>;
  quiz_id: number;
  member_id: number | null;
  cadre_id: number | null;
  attempt_no: number;
  seed: number;
  started_at: Timestamp;
  deadline: Timestamp;
  submitted_at: Timestamp | null;
  late: Generated<boolean>;
  earned: Num | null;
  total: Num;
  percent: Num | null;
  passed: boolean | null;
}

export interface LearningAttemptItemsTable {
  attempt_id: number;
  position: number;
  question_id: number;
  option_order: Json;
  points: Num;
  response: Json | null;
  earned: Num | null;
  correct: boolean | null;
}

export interface LearningQuizTables {
  learning_banks: LearningBanksTable;
  learning_questions: LearningQuestionsTable;
  learning_quizzes: LearningQuizzesTable;
  learning_attempts: LearningAttemptsTable;
  learning_attempt_items: LearningAttemptItemsTable;
}
