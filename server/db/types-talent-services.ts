// Talent services delivered by other departments (migration 031_talent_services.sql, issue 15 point 6).
import type { Generated } from 'kysely';
import type { Json } from './types.js';

type DateCol = string; // 'YYYY-MM-DD'

export interface TalentServiceDepartmentsTable {
  id: Generated<number>;
  code: string;
  name: string;
  created_at: Generated<Date>;
}

export interface TalentServiceDepartmentUsersTable {
  department_id: number;
  user_id: number;
}

export interface TalentServiceTypesTable {
  id: Generated<number>;
  code: string;
  name: string;
  department_id: number;
  response_days: number;
  tier_codes: Json;
  description: Generated<string>;
  active: Generated<boolean>;
  created_at: Generated<Date>;
}

export type ServiceRequestStatus = 'submitted' | 'accepted' | 'answered' | 'closed' | 'withdrawn';

export interface TalentServiceRequestsTable {
  id: Generated<number>;
  person_id: number;
  type_id: number;
  department_id: number;
  detail: string;
  status: Generated<ServiceRequestStatus>;
  submitted_on: DateCol;
  due_on: DateCol;
  accepted_at: Date | null;
  answered_at: Date | null;
  answer: Generated<string>;
  late: Generated<boolean>;
  closed_at: Date | null;
  satisfaction: number | null;
  created_by: number | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
  version: Generated<number>;
}

export interface TalentServiceEventsTable {
  id: Generated<number>;
  request_id: number;
  at: Generated<Date>;
  user_id: number | null;
  action: string;
  note: Generated<string>;
}

export interface TalentServiceTables {
  talent_service_departments: TalentServiceDepartmentsTable;
  talent_service_department_users: TalentServiceDepartmentUsersTable;
  talent_service_types: TalentServiceTypesTable;
  talent_service_requests: TalentServiceRequestsTable;
  talent_service_events: TalentServiceEventsTable;
}
