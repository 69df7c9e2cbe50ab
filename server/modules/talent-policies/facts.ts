// A registered talent's facts for the policy evaluator, each with the evidence it comes from: the registry
// (birth, degrees, tier, return from abroad), the employer's verification (registered and taxed in the district),
// what the person's applications declared (social insurance, income tax, contract term) and the payout ledger
// (items already paid, for "no duplicate benefit").
import { sql } from 'kysely';
import type { Db } from '../../db/engine.js';
import type { DegreeLevel, PersonFacts } from '../../../domain/rules/talent-policy.js';
import type { TFacts } from '../../../domain/schemas/talent-policies.js';

const LEVELS: Record<string, DegreeLevel> = {
  doctor: 'doctor',
  phd: 'doctor',
  博士: 'doctor',
  master: 'master',
  硕士: 'master',
  bachelor: 'bachelor',
  学士: 'bachelor',
  本科: 'bachelor',
};

/** The degrees of the registry's jsonb ([{ level, abroad, … }]), whatever words the registry used for the level. */
export function degreesOf(raw: unknown): { level: DegreeLevel; abroad: boolean }[] {
  if (!Array.isArray(raw)) return [];
  return raw.flatMap((d: { level?: unknown; degree?: unknown; abroad?: unknown }) => {
    const level = LEVELS[String(d?.level ?? '').toLowerCase()] ?? LEVELS[String(d?.degree ?? '').toLowerCase()];
    return level ? [{ level, abroad: d.abroad === true }] : [];
  });
}

/** Facts typed by an officer: every one is "录入" evidence. */
export function typedFacts(f: TFacts): PersonFacts {
  const e = <T>(value: T | undefined) => (value === undefined ? undefined : { value, evidence: '录入' });
  return {
    birth: e(f.birth),
    degrees: e(f.degrees),
    tierCode: e(f.tierCode),
    socialInsuranceMonths: e(f.socialInsuranceMonths),
    incomeTaxMonths: e(f.incomeTaxMonths),
    contractYears: e(f.contractYears),
    returnedOn: e(f.returnedOn),
    employerInDistrict: e(f.employerInDistrict),
    paidItems: e(f.paidItems ?? []),
  };
}

/** The registry's columns the facts read, for one person or many. */
function peopleRows(db: Db) {
  return db
    .selectFrom('talent_people as p')
    .leftJoin('talent_tiers as t', 't.id', 'p.tier_id')
    .leftJoin('talent_employers as e', 'e.id', 'p.employer_id')
    .select([
      'p.id',
      'p.birth',
      'p.degrees',
      'p.returned_on',
      'p.district_org_id',
      't.code as tier_code',
      'e.name as employer_name',
      'e.verified_on',
      'e.district_org_id as employer_district',
    ]);
}

/** A declaration counts once the application left the draft and was not withdrawn. */
const DECLARED_EXCLUDED = ['withdrawn', 'draft'] as const;

/**
 * A registered person's facts. The declared months and contract term come from `applicationId` when given, else
 * from the person's latest application declaring them; the ledger leaves out `applicationId` itself (an
 * application being paid does not duplicate itself).
 */
export async function personFacts(db: Db, personId: number, applicationId?: number): Promise<PersonFacts | null> {
  const p = await peopleRows(db).where('p.id', '=', personId).executeTakeFirst();
  if (!p) return null;
  let decl = db
    .selectFrom('talent_applications')
    .select(['id', 'social_insurance_months', 'income_tax_months', 'contract_years'])
    .where('person_id', '=', personId);
  decl = applicationId
    ? decl.where('id', '=', applicationId)
    : decl.where('social_insurance_months', 'is not', null).where('status', 'not in', DECLARED_EXCLUDED).orderBy('id', 'desc');
  const a = await decl.limit(1).executeTakeFirst();
  let paid = db
    .selectFrom('talent_ledger as l')
    .innerJoin('talent_benefit_items as i', 'i.id', 'l.item_id')
    .select('i.code')
    .where('l.person_id', '=', personId)
    .groupBy('i.code')
    .having(sql<number>`sum(l.amount_fen)`, '>', 0)
    .orderBy('i.code');
  if (applicationId) paid = paid.where('l.application_id', '<>', applicationId);
  const paidItems = (await paid.execute()).map((r) => r.code);
  return factsOf(p, a ?? null, paidItems);
}

/**
 * Many registered people's facts at once (the batch evaluation), the same facts `personFacts` gives each of them
 * without an application: three set-based queries whatever the number of people (the registry rows, each person's
 * latest declaring application by `distinct on`, the items paid grouped by person), then `factsOf` per person.
 * People not registered are absent from the map.
 */
export async function peopleFacts(db: Db, personIds: number[]): Promise<Map<number, PersonFacts>> {
  const out = new Map<number, PersonFacts>();
  if (personIds.length === 0) return out;
  const ids = sql<number[]>`${personIds}::int[]`;
  const people = await peopleRows(db)
    .where(sql<boolean>`p.id = any(${ids})`)
    .execute();
  const declared = await db
    .selectFrom('talent_applications')
    .distinctOn('person_id')
    .select(['person_id', 'id', 'social_insurance_months', 'income_tax_months', 'contract_years'])
    .where(sql<boolean>`person_id = any(${ids})`)
    .where('social_insurance_months', 'is not', null)
    .where('status', 'not in', DECLARED_EXCLUDED)
    .orderBy('person_id')
    .orderBy('id', 'desc')
    .execute();
  const paid = await db
    .selectFrom('talent_ledger as l')
    .innerJoin('talent_benefit_items as i', 'i.id', 'l.item_id')
    .select(['l.person_id', 'i.code'])
    .where(sql<boolean>`l.person_id = any(${ids})`)
    .groupBy(['l.person_id', 'i.code'])
    .having(sql<number>`sum(l.amount_fen)`, '>', 0)
    .orderBy('l.person_id')
    .orderBy('i.code')
    .execute();
  const declOf = new Map(declared.map((a) => [a.person_id, a]));
  const paidOf = new Map<number, string[]>();
  for (const r of paid) paidOf.set(r.person_id, [...(paidOf.get(r.person_id) ?? []), r.code]);
  for (const p of people) out.set(p.id, factsOf(p, declOf.get(p.id) ?? null, paidOf.get(p.id) ?? []));
  return out;
}

/** The registry row, the declaring application and the items paid, as facts with their evidence (also the demo's, set-based). */
export function factsOf(
  p: {
    birth: string | null;
    degrees: unknown;
    returned_on: string | null;
    district_org_id: number;
    tier_code: string | null;
    employer_name: string | null;
    verified_on: string | null;
    employer_district: number | null;
  },
  a: { id: number; social_insurance_months: number | null; income_tax_months: number | null; contract_years: number | null } | null,
  paidItems: string[],
): PersonFacts {
  const fromApp = a ? `申请 #${a.id} 申报` : '';
  const inDistrict = p.employer_name ? p.verified_on !== null && p.employer_district === p.district_org_id : null;
  return {
    birth: { value: p.birth, evidence: '人才库登记' },
    degrees: { value: degreesOf(p.degrees), evidence: '人才库' },
    tierCode: { value: p.tier_code, evidence: '人才库认定层次' },
    socialInsuranceMonths: { value: a?.social_insurance_months ?? null, evidence: fromApp },
    incomeTaxMonths: { value: a?.income_tax_months ?? null, evidence: fromApp },
    contractYears: { value: a?.contract_years ?? null, evidence: fromApp },
    returnedOn: { value: p.returned_on, evidence: '人才库登记' },
    employerInDistrict: {
      value: inDistrict,
      evidence: p.employer_name
        ? `用人单位“${p.employer_name}”${p.verified_on ? `于 ${p.verified_on} 核实` : '尚未核实'}`
        : '未登记用人单位',
    },
    paidItems: { value: paidItems, evidence: '发放台账' },
  };
}
