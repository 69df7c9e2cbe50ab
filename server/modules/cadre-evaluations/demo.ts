// Demo 民主测评 for 示范市 (hooked after the cadre demo, which makes the units, teams and cadres): one
// finished evaluation with its ballots and one open, both of teams the city manages. Does nothing when there
// are no teams with people in post yet. The codes are random and unknown to anyone: to vote in the open
// one, the officer generates new codes on its page (as on a real day, slips are printed before the meeting).
import { randomBytes, randomUUID } from 'node:crypto';
import type { Db } from '../../db/engine.js';
import type { Keys } from '../../crypto/keys.js';
import { IdCrypto } from '../../crypto/id-crypto.js';
import type { CityResult } from '../../demo/generate-city.js';
import { createRng, type Rng } from '../../demo/prng.js';
import {
  ANSWER_SETS,
  DEFAULT_CATEGORIES,
  DEFAULT_DIMENSIONS,
  itemsOf,
  type AnswerSetKey,
  type EvalDefinition,
} from '../../../domain/rules/democratic-evaluation.js';
import { teamsInScope, type TeamChoice } from './queries.js';

// How demo voters lean: mostly the top two answers, a few lower ones, some 不了解 from service users.
const LEAN: Record<AnswerSetKey, number[]> = { grade: [55, 38, 6, 1], satisfaction: [60, 30, 4, 6], approval: [85, 10, 5] };

function answer(rng: Rng, set: AnswerSetKey): string {
  const weights = LEAN[set];
  let x = rng.int(
    1,
    weights.reduce((s, w) => s + w, 0),
  );
  const options = ANSWER_SETS[set];
  for (let i = 0; i < options.length; i++) if ((x -= weights[i]) <= 0) return options[i].key;
  return options[0].key;
}

async function seedOne(
  db: Db,
  crypto: IdCrypto,
  rng: Rng,
  team: TeamChoice,
  o: { title: string; status: 'open' | 'closed'; turnout: number; now: Date },
): Promise<void> {
  const dimensions = DEFAULT_DIMENSIONS.map((d, i) => ({ key: `d${i + 1}`, label: d.label, weight: d.weight }));
  const e = await db
    .insertInto('cadre_evaluations')
    .values({
      manager_org_id: team.managerOrgId,
      team_id: team.id,
      title: o.title,
      dimensions: JSON.stringify(dimensions),
      answer_set: 'grade',
      team_answer_set: 'satisfaction',
      status: o.status,
      opened_at: o.now,
      closed_at: o.status === 'closed' ? o.now : null,
      created_at: o.now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const id = Number(e.id);
  const subjects = [
    { seq: 0, kind: 'team' as const, cadre_id: null, name: team.name, title: team.unitName },
    ...team.members.map((m, i) => ({ seq: i + 1, kind: 'cadre' as const, cadre_id: m.cadreId, name: m.name, title: m.title })),
  ];
  await db
    .insertInto('cadre_evaluation_subjects')
    .values(subjects.map((s) => ({ evaluation_id: id, ...s })))
    .execute();
  const categories = DEFAULT_CATEGORIES.map((c, i) => ({ key: `c${i + 1}`, name: c.name, weight: c.weight, planned: c.codes }));
  await db
    .insertInto('cadre_evaluation_categories')
    .values(categories.map((c, i) => ({ evaluation_id: id, ...c, sort: i })))
    .execute();
  const def: EvalDefinition = {
    dimensions,
    answerSet: 'grade',
    teamAnswerSet: 'satisfaction',
    subjects,
    categories: categories.map((c) => ({ key: c.key, weight: c.weight })),
  };
  for (const c of categories) {
    const used = Math.round(c.planned * o.turnout);
    // Random codes nobody knows (their clear text is thrown away), the first `used` of them spent.
    const codes = Array.from({ length: c.planned }, (_, i) => ({
      code_hash: crypto.ballotCodeHash(randomBytes(16).toString('hex')),
      evaluation_id: id,
      category: c.key,
      used: i < used,
    }));
    if (codes.length) await db.insertInto('cadre_evaluation_codes').values(codes).execute();
    const ballots = Array.from({ length: used }, () => ({
      id: randomUUID(),
      evaluation_id: id,
      category: c.key,
      answers: JSON.stringify(
        Object.fromEntries(
          def.subjects.map((s) => [String(s.seq), Object.fromEntries(itemsOf(def, s.kind).map((it) => [it.key, answer(rng, it.set)]))]),
        ),
      ),
    }));
    if (ballots.length) await db.insertInto('cadre_evaluation_ballots').values(ballots).execute();
  }
}

export async function seedEvaluationsDemo(db: Db, city: CityResult, keys: Keys, now: Date = new Date()): Promise<void> {
  const root = await db.selectFrom('orgs').select('path').where('id', '=', city.sampleIds.city).executeTakeFirst();
  if (!root) return;
  const teams = (await teamsInScope(db, root.path)).filter((t) => t.members.length > 0 && t.managerOrgId === city.sampleIds.city);
  if (!teams.length) return;
  const rng = createRng(2026, 91);
  const crypto = new IdCrypto(keys);
  const year = now.getFullYear();
  await seedOne(db, crypto, rng, teams[0], { title: `${year - 1}年度${teams[0].name}民主测评`, status: 'closed', turnout: 0.9, now });
  const second = teams[1] ?? teams[0];
  await seedOne(db, crypto, rng, second, { title: `${year}年度${second.name}民主测评`, status: 'open', turnout: 0.3, now });
}
