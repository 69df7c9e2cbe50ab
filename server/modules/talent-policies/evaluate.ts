// Evaluating a policy for a registered person or typed facts (POST /api/talent/policies/:id/evaluate), and an
// application's item on its date: the pure evaluator (domain/rules/talent-policy.ts) on the register's data.
import { sql } from 'kysely';
import type { Db } from '../../db/engine.js';
import { notFound } from '../../errors.js';
import { evaluatePolicy, type PolicyEvaluation } from '../../../domain/rules/talent-policy.js';
import type { TEvaluate, TEvaluationsPage, TEvaluationsQuery } from '../../../domain/schemas/talent-policies.js';
import { peopleFacts, personFacts, typedFacts } from './facts.js';
import { getPolicy, policyData } from './policies.js';

export async function evaluateFor(db: Db, policyId: number, b: TEvaluate): Promise<PolicyEvaluation> {
  const policy = await getPolicy(db, policyId);
  const facts = b.personId ? await personFacts(db, b.personId) : typedFacts(b.facts!);
  if (!facts) throw notFound('人才');
  return evaluatePolicy(policyData(policy), facts, b.on);
}

/**
 * One policy for many registered people on a date (the batch path: the office's list, the bench): the policy read
 * once, every person's facts in a few set-based queries, then the pure evaluator per person. Each result equals
 * `evaluateFor` with that person's id; ids not registered are left out.
 */
export async function evaluateMany(
  db: Db,
  policyId: number,
  personIds: number[],
  on: string,
): Promise<{ personId: number; evaluation: PolicyEvaluation }[]> {
  const data = policyData(await getPolicy(db, policyId));
  const facts = await peopleFacts(db, personIds);
  return personIds.flatMap((personId) => {
    const f = facts.get(personId);
    return f ? [{ personId, evaluation: evaluatePolicy(data, f, on) }] : [];
  });
}

/** A page of the registered talents in a subtree (or those who applied to a call), each evaluated for the policy. */
export async function evaluationsPage(db: Db, scopePath: string, policyId: number, q: TEvaluationsQuery): Promise<TEvaluationsPage> {
  let people = db
    .selectFrom('talent_people as p')
    .select(['p.id', 'p.name'])
    .where(sql<boolean>`p.district_path <@ ${scopePath}::ltree`)
    .orderBy('p.id')
    .limit(q.limit + 1);
  if (q.cursor) people = people.where('p.id', '>', q.cursor);
  if (q.callId) {
    const callId = q.callId;
    people = people.where(({ exists, selectFrom }) =>
      exists(selectFrom('talent_applications as a').select('a.id').whereRef('a.person_id', '=', 'p.id').where('a.call_id', '=', callId)),
    );
  }
  const rows = await people.execute();
  const page = rows.slice(0, q.limit);
  const nameOf = new Map(page.map((r) => [r.id, r.name]));
  const evaluated = await evaluateMany(
    db,
    policyId,
    page.map((r) => r.id),
    q.on,
  );
  return {
    items: evaluated.map(({ personId, evaluation: e }) => ({
      personId,
      name: nameOf.get(personId)!,
      eligible: e.eligible,
      amountFen: e.amountFen,
      conditions: e.conditions,
    })),
    nextCursor: rows.length > q.limit ? page[page.length - 1].id : null,
  };
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
