// Evaluating a policy for a registered person or typed facts (POST /api/talent/policies/:id/evaluate), and an
// application's item on its date: the pure evaluator (domain/rules/talent-policy.ts) on the register's data.
import type { Db } from '../../db/engine.js';
import { notFound } from '../../errors.js';
import { evaluatePolicy, type PolicyEvaluation } from '../../../domain/rules/talent-policy.js';
import type { TEvaluate } from '../../../domain/schemas/talent-policies.js';
import { personFacts, typedFacts } from './facts.js';
import { getPolicy, policyData } from './policies.js';

export async function evaluateFor(db: Db, policyId: number, b: TEvaluate): Promise<PolicyEvaluation> {
  const policy = await getPolicy(db, policyId);
  const facts = b.personId ? await personFacts(db, b.personId) : typedFacts(b.facts!);
  if (!facts) throw notFound('人才');
  return evaluatePolicy(policyData(policy), facts, b.on);
}

/** An application's evaluation: its policy narrowed to the item applied for, with the application's own evidence. */
export async function evaluationFor(
  db: Db,
  personId: number,
  itemId: number,
  on: string,
  applicationId: number,
): Promise<PolicyEvaluation> {
  const item = await db.selectFrom('talent_benefit_items').select(['policy_id', 'code']).where('id', '=', itemId).executeTakeFirstOrThrow();
  const policy = await getPolicy(db, item.policy_id);
  const facts = await personFacts(db, personId, applicationId);
  if (!facts) throw notFound('人才');
  const data = policyData(policy);
  return evaluatePolicy({ ...data, items: data.items.filter((i) => i.code === item.code) }, facts, on);
}
