// Allow-lists of what leaves the server about units, posts, holders and team terms. A holder shows
// name, sex, birth and age, never the identity number or anything else of the cadre file.
import dayjs from 'dayjs';
import type { Selectable } from 'kysely';
import type { CadrePostsTable, CadreTeamsTable } from '../../db/types-cadres.js';
import { EDUCATION_RANKS } from '../../../domain/cadre-codes.js';
import { cadreAge, yearsInPost, type StructurePerson } from '../../../domain/rules/team-structure.js';
import type { RenewalState, THolder, TPost, TTeamMember, TTeamTerm, TUnit } from '../../../domain/schemas/cadre-units.js';
import type { HolderRow, UnitRow } from './queries.js';

export const presentUnit = (u: UnitRow): TUnit => ({
  id: u.id,
  managerOrgId: u.manager_org_id,
  managerOrgName: u.manager_org_name,
  orgId: u.org_id,
  name: u.name,
  shortName: u.short_name,
  kind: u.kind,
  level: u.level,
  parentUnitId: u.parent_unit_id,
  sort: u.sort,
  dissolvedOn: u.dissolved_on,
  version: u.version,
});

export const presentPost = (p: Selectable<CadrePostsTable>): TPost => ({
  id: p.id,
  unitId: p.unit_id,
  title: p.title,
  level: p.level,
  principal: p.principal,
  line: p.line,
  elected: p.elected,
  quota: p.quota,
  sort: p.sort,
  abolishedOn: p.abolished_on,
  version: p.version,
});

/** Years in post to one decimal (任职时间 counts from the decision date). */
const years = (since: string, onDate: string) => {
  const y = yearsInPost(since, onDate);
  return y === null ? null : Math.floor(y * 10) / 10;
};

export const presentHolder = (h: HolderRow, onDate: string): THolder => ({
  cadreId: h.cadre_id,
  appointmentId: h.appointment_id,
  name: h.name,
  sex: h.sex,
  birth: h.birth,
  age: cadreAge(h.birth, onDate),
  decidedOn: h.decided_on,
  yearsInPost: years(h.decided_on, onDate),
  concurrent: h.concurrent,
});

export const educationLabel = (rank: number | null) => EDUCATION_RANKS.find((e) => e.rank === rank)?.label ?? '';

export const presentMember = (h: HolderRow, onDate: string): TTeamMember => ({
  ...presentHolder(h, onDate),
  postId: h.post_id!,
  postTitle: h.post_title,
  level: h.level,
  principal: h.principal,
  ethnicity: h.ethnicity,
  political: h.political,
  education: educationLabel(h.edu_rank),
  background: h.background,
});

/** What the structure analysis reads of a holder. */
export const structurePerson = (h: HolderRow): StructurePerson => ({
  sex: h.sex,
  birth: h.birth,
  ethnicity: h.ethnicity,
  political: h.political,
  eduRank: h.edu_rank,
  degrees: [h.degree_full, h.degree_in_service].filter(Boolean),
  background: h.background,
  since: h.decided_on,
});

export const presentTerm = (t: Selectable<CadreTeamsTable>): TTeamTerm => ({
  id: t.id,
  name: t.name,
  termYears: t.term_years,
  termStartedOn: t.term_started_on,
  renewDueOn: t.renew_due_on,
  note: t.note,
  version: t.version,
});

/** Months ahead of 应换届时间 that count as due (the to-do list and the team list use the same number). */
export const RENEWAL_REMIND_MONTHS = 6;

export function renewalState(renewDueOn: string | null | undefined, today: string, months = RENEWAL_REMIND_MONTHS): RenewalState {
  if (!renewDueOn) return 'unset';
  if (renewDueOn < today) return 'overdue';
  return renewDueOn <= dayjs(today).add(months, 'month').format('YYYY-MM-DD') ? 'due' : 'normal';
}
