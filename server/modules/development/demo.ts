// Demo data of this area for 示范市 (called by server/demo/seed-demo.ts): a few hundred people at
// every one of the 25 steps across the city, some of them overdue, and one at each step in the demo
// branch. Deterministic; every timeline is checked with the same rules the API enforces.
import type { Insertable } from 'kysely';
import type { Db } from '../../db/engine.js';
import type { Keys } from '../../crypto/keys.js';
import type { CityResult } from '../../demo/generate-city.js';
import type { DevStepsTable } from '../../db/types-development.js';
import type { Trx } from '../../audit/audit-log.js';
import { IdCrypto } from '../../crypto/id-crypto.js';
import { createRng, type Rng } from '../../demo/prng.js';
import { addDays, randomDate } from '../../demo/dates.js';
import { personName } from '../../demo/names.js';
import { DEFAULT_AS_OF } from '../../demo/generate-city.js';
import { checkStep, nextDue, progress, stepPassed, type StepRecord } from '../../../domain/rules/development.js';
import { DEV_RULES_2014 } from '../../../domain/rules/development-rule-sets.js';
import { stepDef } from '../../../domain/rules/development-steps.js';
import { EDUCATION_LEVELS, OCCUPATIONS } from '../../../domain/member-fields.js';
import { pinyinInitials, pinyinSortKey } from '../orgs/pinyin.js';
import { idColumns, insertMember } from '../members/insert-member.js';
import { idNumberFor } from '../members/id-numbers.js';
import { cutAndShift, fullTimeline, type PlannedStep } from './demo-timeline.js';

const CITY_PEOPLE = 400;
const SETS = [DEV_RULES_2014];
/** Not one of the member demo's area codes, so an applicant never shares a member's identity number. */
const DEMO_AREA = '370102';

type Branch = { id: number; members: { id: number; name: string }[] };

export async function seedDevelopmentDemo(db: Db, city: CityResult, keys: Keys): Promise<void> {
  const rng = createRng(2026, 31);
  const crypto = new IdCrypto(keys);
  const asOf = DEFAULT_AS_OF;
  const branches = await branchesWithMembers(db);
  if (branches.length === 0) return;
  const sample = branches.find((b) => b.id === city.sampleIds.branch);
  // One person at each step in the demo branch, recent; then people spread over the city, some overdue.
  const plans: { branch: Branch; target: number; endOn: string }[] = [];
  if (sample) for (let s = 1; s <= 25; s++) plans.push({ branch: sample, target: s, endOn: addDays(asOf, -rng.int(3, 20)) });
  for (let i = 0; i < CITY_PEOPLE; i++) {
    const overdue = rng.chance(0.15);
    plans.push({
      branch: rng.pick(branches),
      target: rng.int(1, 25),
      endOn: overdue ? addDays(asOf, -rng.int(100, 300)) : randomDate(rng, addDays(asOf, -60), asOf),
    });
  }
  const used = new Set<string>();
  await db.transaction().execute(async (trx) => {
    for (const plan of plans) await seedPerson(trx, rng, crypto, plan, asOf, used);
  });
}

async function branchesWithMembers(db: Db): Promise<Branch[]> {
  const rows = await db
    .selectFrom('members as m')
    .innerJoin('orgs as o', 'o.id', 'm.org_id')
    .select(['m.id', 'm.name', 'm.org_id'])
    .where('o.kind', '=', 'branch')
    .where('o.status', '=', 'active')
    .where('m.category', '=', 'full')
    .where('m.status', '=', 'normal')
    .orderBy('m.org_id')
    .orderBy('m.id')
    .execute();
  const byOrg = new Map<number, Branch>();
  for (const r of rows) {
    const b = byOrg.get(r.org_id) ?? { id: r.org_id, members: [] };
    b.members.push({ id: r.id, name: r.name });
    byOrg.set(r.org_id, b);
  }
  return [...byOrg.values()].filter((b) => b.members.length >= 3);
}

async function seedPerson(
  trx: Trx,
  rng: Rng,
  crypto: IdCrypto,
  plan: { branch: Branch; target: number; endOn: string },
  asOf: string,
  used: Set<string>,
) {
  const { branch } = plan;
  const shouldAttend = Math.max(3, branch.members.length);
  const steps = cutAndShift(fullTimeline(rng, '2020-01-06', shouldAttend, rng.chance(0.1)), plan.target, plan.endOn);
  const gender = rng.chance(0.45) ? '女' : '男';
  const birthDate = randomDate(rng, addDays(steps[0].doneOn, -45 * 365), addDays(steps[0].doneOn, -19 * 365));
  let idNumber = idNumberFor(DEMO_AREA, birthDate, rng.int(0, 498), gender);
  while (used.has(idNumber)) idNumber = idNumberFor(DEMO_AREA, birthDate, rng.int(0, 498), gender);
  used.add(idNumber);
  if (!timelineKeepsRules(steps, birthDate, asOf)) return;
  const name = personName(rng, gender);
  const pick = rng.shuffle(branch.members);
  const records: StepRecord[] = steps.map((s) => ({
    stepNo: s.stepNo,
    doneOn: s.doneOn,
    passed: true,
    outcome: s.outcome ?? null,
    extensionMonths: s.extensionMonths ?? null,
  }));
  const p = progress(records, SETS);
  const due = nextDue(p, SETS);
  const education = rng.pick(EDUCATION_LEVELS.slice(0, 5));
  const occupation = rng.pick(OCCUPATIONS.slice(0, 7));
  let memberId: number | null = null;
  if (p.approvedOn) {
    memberId = await insertMember(
      trx,
      crypto,
      null,
      {
        org_id: branch.id,
        name,
        gender,
        category: p.status === 'full' ? 'full' : 'probationary',
        birth_date: birthDate,
        idNumber,
        edu_fulltime: education,
        occupation,
        admitted_on: p.admittedOn,
        full_on: p.fullOn,
        status_since: p.admittedOn,
      },
      new Date(`${p.approvedOn}T09:00:00+08:00`),
      'admit',
    );
  }
  const person = await trx
    .insertInto('dev_people')
    .values({
      org_id: branch.id,
      name,
      gender,
      birth_date: birthDate,
      ...idColumns(crypto, idNumber),
      education,
      occupation,
      work_unit: null,
      phone: null,
      name_initials: pinyinInitials(name),
      sort_key: pinyinSortKey(name),
      status: p.status,
      last_step: p.lastStep,
      applied_on: steps[0].doneOn,
      admitted_on: p.admittedOn,
      probation_end: p.probationEnd,
      extension_months: p.extensionMonths,
      full_on: p.fullOn,
      next_step: due?.stepNo ?? null,
      next_from: due?.from ?? null,
      next_by: due?.by ?? null,
      member_id: memberId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await trx
    .insertInto('dev_steps')
    .values(steps.map((s) => stepRow(person.id, s, pick)))
    .execute();
}

/** The same rules as the API, with the demo's "today"; a timeline that breaks one is not seeded. */
function timelineKeepsRules(steps: PlannedStep[], birthDate: string, today: string): boolean {
  const done: StepRecord[] = [];
  for (const s of steps) {
    const people =
      s.stepNo === 5 || s.stepNo === 9
        ? [1, 2].map((id) => ({ memberId: id, name: '', category: 'full' as const, goodStanding: true }))
        : [];
    const input = { ...s, people };
    if (checkStep({ birthDate, records: done, sets: SETS, today }, input).length > 0 || !stepPassed(input)) return false;
    done.push({ stepNo: s.stepNo, doneOn: s.doneOn, passed: true, outcome: s.outcome ?? null, extensionMonths: s.extensionMonths ?? null });
  }
  return true;
}

function stepRow(personId: number, s: PlannedStep, members: { id: number; name: string }[]): Insertable<DevStepsTable> {
  const def = stepDef(s.stepNo);
  const people = def.people
    ? members
        .slice(def.people === 'contact' ? 0 : 1, def.people === 'contact' ? 1 : 3)
        .map((m) => ({ memberId: m.id, name: m.name, role: def.people }))
    : [];
  const vote = s.vote ? { ...s.vote, quorate: true, passed: true } : null;
  return {
    person_id: personId,
    step_no: s.stepNo,
    done_on: s.doneOn,
    passed: true,
    people: JSON.stringify(people),
    documents: JSON.stringify((def.documents ?? []).slice(0, 1).map((name) => ({ name }))),
    note: null,
    vote: vote ? JSON.stringify(vote) : null,
    outcome: s.outcome ?? null,
    extension_months: s.extensionMonths ?? null,
    training_days: s.trainingDays ?? null,
    training_hours: null,
    review_passed: s.reviewPassed ?? null,
    leaving_soon: s.stepNo === 12 ? false : null,
    override_codes: null,
    override_reason: null,
    override_by: null,
    rule_version: DEV_RULES_2014.version,
    actor_id: null,
  };
}
