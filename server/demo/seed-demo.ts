// Demo mode: on the first start with an empty database, generate 示范市 deterministically,
// then each area's demo data on top of it (members' details, development, transfers, dues, meetings, terms, standards, joint
// tasks, cadres).
import { sql } from 'kysely';
import type { Db } from '../db/engine.js';
import type { Keys } from '../crypto/keys.js';
import { generateCity, type CityResult } from './generate-city.js';
import { seedMembersDemo } from '../modules/members/demo.js';
import { seedDevelopmentDemo } from '../modules/development/demo.js';
import { seedTransfersDemo } from '../modules/transfers/demo.js';
import { seedDuesDemo } from '../modules/dues/demo.js';
import { seedMeetingsDemo } from '../modules/meetings/demo.js';
import { seedTermsDemo } from '../modules/terms/demo.js';
import { seedStandardsDemo } from '../modules/standards/demo.js';
import { seedJointTasksDemo } from '../modules/joint-tasks/demo.js';
import { seedCadresDemo } from '../modules/cadres/demo/seed.js';
import { seedAssessmentsDemo } from '../modules/cadre-assessments/demo.js';
import { seedSelectionsDemo } from '../modules/cadre-selections/demo.js';
import { seedEvaluationsDemo } from '../modules/cadre-evaluations/demo.js';
import { seedSupervisionDemo } from '../modules/cadre-supervision/demo.js';
import { seedTalentServicesDemo } from '../modules/talent-services/demo.js';
import { seedQuizzesDemo } from '../modules/learning-quizzes/demo.js';
import { seedLearningClassesDemo } from '../modules/learning-classes/demo.js';
import { seedLearningHoursDemo } from '../modules/learning-hours/demo.js';
import { seedLearningDemo } from '../modules/learning/demo.js';
import { seedTalentDemo } from '../modules/talent/demo.js';
import { seedTalentPoliciesDemo } from '../modules/talent-policies/demo.js';
import { seedTalentPortalDemo } from '../modules/talent-portal/demo.js';
import { seedTalentAgreementsDemo } from '../modules/talent-agreements/demo.js';
import { fillNameKeys } from '../db/name-keys.js';

export const DEMO_SEED = 2026;
export const DEMO_ORG_COUNT = 2000;

/** Each area adds its demo rows, in this order (later areas may use earlier areas' rows). */
export async function seedAreaDemos(db: Db, city: CityResult, keys: Keys): Promise<void> {
  await seedMembersDemo(db, city, keys);
  await seedDevelopmentDemo(db, city, keys);
  await seedTransfersDemo(db, city, keys);
  await seedDuesDemo(db, city, keys);
  await seedMeetingsDemo(db, city, keys);
  await seedTermsDemo(db, city, keys);
  await seedStandardsDemo(db, city, keys);
  await seedJointTasksDemo(db, city, keys);
  await seedCadresDemo(db, city, keys);
  // After the cadre demo (when it is there): last year's assessment of its units.
  await seedAssessmentsDemo(db, city);
  // After the cadre demo (when present): selections need its posts and cadres, and write nothing without them.
  await seedSelectionsDemo(db, city);
  // A 民主测评 finished and one open, of city-managed teams.
  await seedEvaluationsDemo(db, city, keys);
  // The pool, 个人有关事项报告 checks, passports in custody (one overdue), part-time posts.
  await seedSupervisionDemo(db);
  // The question bank of about 300 questions, quizzes, and sittings by the demo member's branch.
  await seedQuizzesDemo(db);
  // Two training classes of the sample district: one finished with certificates, one running with a session today.
  await seedLearningClassesDemo(db, city);
  // A year and a part of 学时 with realistic gaps, 调训/党校 imports, self-reports pending and approved.
  await seedLearningHoursDemo(db, city);
  // Theory learning: a city and a district plan, demo articles and a PDF, some credited study.
  await seedLearningDemo(db, city);
  // The talent registry: two tier sets, employers, ~2,000 talents with cards (some linked to members and cadres).
  await seedTalentDemo(db, keys);
  // Talent policies, calls and 300 applications in every state by the registry's talents (fictional amounts).
  await seedTalentPoliciesDemo(db);
  // After the talents exist: service requests of the registry's talents (the demo account's first).
  await seedTalentServicesDemo(db);
  // The demo employer account's company and staff, the applicants' consents.
  await seedTalentPortalDemo(db, keys);
  // 柔性引才 agreements (some with the demo employer's company) and two years of evaluations of the talents above.
  await seedTalentAgreementsDemo(db);
  // Whatever an area wrote in bulk, every name is found by its initials.
  await fillNameKeys(db);
}

export async function seedDemoIfEmpty(db: Db, keys: Keys): Promise<CityResult | null> {
  if (await db.selectFrom('orgs').select('id').limit(1).executeTakeFirst()) return null;
  const city = await generateCity(db, { seed: DEMO_SEED, orgCount: DEMO_ORG_COUNT, demoAccounts: true });
  await seedAreaDemos(db, city, keys);
  // PGlite never gathers planner statistics by itself: without them the dues ledger reads of a fresh
  // demo city chose plans 5-8x slower (measured on the dashboard and the health view).
  await sql`analyze`.execute(db);
  return city;
}
