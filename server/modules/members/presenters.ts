// Explicit allow-lists of the fields a member record shows through the API: the identity number
// only ever leaves masked here (SECURITY.md 21); the clear number goes out through the audited reveal.
import type { TMemberDetail, TMemberRow } from '../../../domain/schemas/members.js';
import type { MemberStatus } from '../../../domain/member-status.js';
import { ageOn, partyYears, politicalBirthday } from '../../../domain/rules/members.js';
import type { DetailRow, ListRow } from './queries.js';

export function presentRow(r: ListRow | DetailRow, today: string): TMemberRow {
  return {
    id: r.id,
    name: r.name,
    gender: r.gender,
    birthDate: r.birth_date,
    age: ageOn(r.birth_date, today),
    ethnicity: r.ethnicity,
    education: r.edu_highest,
    category: r.category,
    status: r.status as MemberStatus,
    admittedOn: r.admitted_on,
    partyYears: partyYears(r.full_on, today),
    orgId: r.org_id,
    orgName: r.org_name,
    idMasked: r.id_masked,
  };
}

export function presentDetail(r: DetailRow, orgPath: { id: number; name: string }[], today: string): TMemberDetail {
  return {
    ...presentRow(r, today),
    nativePlace: r.native_place,
    eduFulltime: r.edu_fulltime,
    degreeFulltime: r.degree_fulltime,
    eduInservice: r.edu_inservice,
    degreeInservice: r.degree_inservice,
    occupation: r.occupation,
    workUnit: r.work_unit,
    jobPost: r.job_post,
    phone: r.phone,
    address: r.address,
    fullOn: r.full_on,
    statusSince: r.status_since,
    leftReason: r.left_reason,
    politicalBirthday: politicalBirthday(r.admitted_on, today),
    orgPath,
    hasIdNumber: r.id_cipher !== null,
    version: r.version,
    updatedAt: new Date(r.updated_at).toISOString(),
  };
}
