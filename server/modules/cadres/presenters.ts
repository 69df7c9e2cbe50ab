// Allow-lists of what the cadre API shows: the identity number only masked (the full one through the
// audited reveal), the photo only as "there is one" (fetched on its own), the form without the number.
import { ageOn } from '../../../domain/rules/members.js';
import { REVIEW_ITEMS } from '../../../domain/cadre-codes.js';
import type { TCadreSheet, TEducationRow, TResumeLine } from '../../../domain/schemas/cadre-sheet.js';
import type { TCadreFile, TCadreForm, TCadreRow, TCorrection, TReviewStatus } from '../../../domain/schemas/cadres.js';
import type { CadreChildren, CadreListRow, CadreRow, CorrectionRow } from './queries.js';

const iso = (v: unknown): string => (v instanceof Date ? v.toISOString() : new Date(String(v)).toISOString());

export function presentRow(r: CadreListRow, today: string): TCadreRow {
  return {
    id: r.id,
    name: r.name,
    sex: r.sex,
    birth: r.birth,
    age: ageOn(r.birth, today),
    currentTitle: r.current_title,
    unitName: r.unit_name,
    level: r.level,
    rankTitle: r.rank_title,
    managerOrgId: r.manager_org_id,
    managerOrgName: r.manager_org_name,
    status: r.status,
    memberLinked: r.member_id !== null,
  };
}

/** The form as shown: the sheet without the full identity number and the photo bytes. */
export function presentForm(sheet: TCadreSheet, idMasked: string | null, today: string): TCadreForm {
  const { idNumber: _id, photo, extras: _x, version: _v, ...rest } = sheet;
  return { ...rest, idMasked, hasPhoto: photo !== null, age: ageOn(sheet.birth, sheet.ageAt ?? today) };
}

export function presentReviews(reviews: CadreChildren['reviews']): TReviewStatus[] {
  return REVIEW_ITEMS.map((item) => {
    const r = reviews.find((x) => x.item === item);
    return {
      item,
      reviewed: !!r,
      value: r?.value ?? null,
      source: r?.source ?? null,
      reviewerName: r?.reviewer_name ?? null,
      reviewedOn: r?.reviewed_on ?? null,
      note: r?.note ?? null,
    };
  });
}

export function presentFile(c: CadreRow, k: CadreChildren, form: TCadreForm, today: string): TCadreFile {
  return {
    id: c.id,
    version: c.version,
    status: c.status,
    leftOn: c.left_on,
    leftReason: c.left_reason,
    memberId: c.member_id,
    userId: c.user_id,
    managerOrgId: c.manager_org_id,
    managerOrgName: c.manager_org_name,
    name: c.name,
    sex: c.sex,
    birth: c.birth,
    age: ageOn(c.birth, today),
    ethnicity: c.ethnicity,
    idMasked: c.id_masked,
    nativePlace: c.native_place,
    birthPlace: c.birth_place,
    partyJoin: c.party_join,
    partyName: c.party_name,
    political: c.political,
    workStart: c.work_start,
    health: c.health,
    proTitle: c.pro_title,
    expertise: c.expertise,
    background: c.background,
    grassrootsMonths: c.grassroots_months,
    fullTime: form.fullTime as TEducationRow,
    inService: form.inService as TEducationRow,
    eduRank: c.edu_rank,
    resume: form.resume as TResumeLine[],
    rankTitle: c.rank_title,
    level: c.level,
    currentTitle: c.current_title,
    currentSince: c.current_since,
    hasPhoto: c.has_photo,
    appointments: k.appointments.map((a) => ({
      id: a.id,
      title: a.title,
      unitId: a.unit_id,
      unitName: a.unit_name,
      postId: a.post_id,
      level: a.level,
      principal: a.principal,
      decidedOn: a.decided_on,
      docNo: a.doc_no,
      probationUntil: a.probation_until,
      endedOn: a.ended_on,
      endDocNo: a.end_doc_no,
      endReason: a.end_reason,
      concurrent: a.concurrent,
    })),
    ranks: k.ranks.map((r) => ({
      id: r.id,
      title: r.title,
      level: r.level,
      decidedOn: r.decided_on,
      docNo: r.doc_no,
      endedOn: r.ended_on,
    })),
    rewards: k.rewards.map((r) => ({ id: r.id, kind: r.kind, onDate: r.on_date, text: r.text, onForm: r.on_form, until: r.until })),
    assessments: k.assessments.map((a) => ({ year: a.year, grade: a.grade, note: a.note })),
    family: k.family.map((f) => ({
      id: f.id,
      relation: f.relation,
      name: f.name,
      birth: f.birth,
      political: f.political,
      workPost: f.work_post,
      deceased: f.deceased,
      abroadCountry: f.abroad_country,
      abroadStatus: f.abroad_status,
    })),
    reviews: presentReviews(k.reviews),
    pendingCorrections: k.pending,
    form,
  };
}

export function presentCorrection(r: CorrectionRow): TCorrection {
  return {
    id: r.id,
    cadreId: r.cadre_id,
    cadreName: r.cadre_name,
    field: r.field,
    currentValue: r.current_value,
    proposedValue: r.proposed_value,
    reason: r.reason,
    evidenceName: r.evidence_name,
    status: r.status,
    requestedAt: iso(r.requested_at),
    decidedAt: r.decided_at ? iso(r.decided_at) : null,
    decidedByName: r.decided_by_name,
    decisionNote: r.decision_note,
  };
}
