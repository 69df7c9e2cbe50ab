// The applicant's side (migration 032_talent_portal.sql, issue 15 point 8).
import type { Generated } from 'kysely';

export interface TalentPortalCodesTable {
  id: Generated<number>;
  identifier_hash: string;
  code_hash: string | null;
  ip: string | null;
  created_at: Date;
  expires_at: Date;
  attempts: Generated<number>;
  used_at: Date | null;
}

export interface TalentPortalConsentsTable {
  id: Generated<number>;
  user_id: number;
  version: string;
  accepted_at: Date;
  ip: string | null;
}

export interface TalentPortalTables {
  talent_portal_codes: TalentPortalCodesTable;
  talent_portal_consents: TalentPortalConsentsTable;
}
