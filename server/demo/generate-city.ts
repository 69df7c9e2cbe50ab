// The demo city (示范市): a deterministic, fictional city of Party organizations, members and
// demo accounts, for the zero-setup demo, the tests and the benchmark (PRODUCT.md "Zero-setup").
// The same seed and options give the same city, row for row.
import { sql } from 'kysely';
import type { Db } from '../db/engine.js';
import { hashPassword } from '../auth/password.js';
import { shapeCity } from './org-shape.js';
import { drawPeople } from './people.js';
import { orgRows } from './insert-rows.js';
import { insertInBatches } from '../db/batches.js';
import { fillNameKeys } from '../db/name-keys.js';
import { DEMO_PASSWORD, insertDemoAccounts, pickSamples } from './demo-accounts.js';

export interface CityOptions {
  seed: number;
  orgCount: number;
  /** Members of an ordinary branch, [least, most]; a few branches are bigger on purpose. */
  membersPerBranch?: [number, number];
  demoAccounts: boolean;
  cityName?: string;
  /** The "today" the data is written against (terms, founding dates); fixed so the city is reproducible. */
  asOf?: string;
  /** Called after each phase with its duration, for the CLI and the benchmark. */
  onPhase?: (phase: string, ms: number) => void;
}

export interface CityResult {
  orgs: number;
  members: number;
  users: number;
  ms: number;
  sampleIds: { city: number; district: number; township: number; branch: number; otherBranch: number };
}

export const DEFAULT_AS_OF = '2026-11-01';

export async function generateCity(db: Db, opts: CityOptions): Promise<CityResult> {
  const started = performance.now();
  let mark = started;
  const phase = (name: string) => {
    const now = performance.now();
    opts.onPhase?.(name, now - mark);
    mark = now;
  };
  const city = opts.cityName ?? '示范市';
  const [lo, hi] = opts.membersPerBranch ?? [5, 40];
  if (!(Number.isInteger(lo) && Number.isInteger(hi) && lo >= 1 && hi >= lo))
    throw new Error('demo city: membersPerBranch must be integers 1 ≤ least ≤ most');

  const shape = shapeCity(opts.seed, opts.orgCount, city, opts.asOf ?? DEFAULT_AS_OF);
  const people = drawPeople(shape.tree, opts.seed, [lo, hi]);
  const samples = pickSamples(shape, people);
  const orgs = orgRows(shape.tree);
  phase('plan');
  // Hashed once, outside the transaction: argon2 takes tens of milliseconds and would hold the engine.
  const passwordHash = opts.demoAccounts ? await hashPassword(DEMO_PASSWORD) : '';

  let users = 0;
  await db.transaction().execute(async (trx) => {
    const existing = await trx
      .selectFrom('orgs')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    if (Number(existing.n) > 0) throw new Error('demo city: the database already has organizations; generate into an empty one');
    await insertInBatches(trx, 'orgs', orgs);
    // Ids were assigned here, not by the sequence: move it past them so the next insert does not collide.
    await sql`select setval('orgs_id_seq', (select max(id) from orgs))`.execute(trx);
    phase('orgs');
    await insertInBatches(trx, 'org_committee_members', people.committees);
    phase('committees');
    await insertInBatches(trx, 'members', people.members);
    // The rows carry their pinyin keys; this finds none to fill unless a row was built without them.
    await fillNameKeys(trx);
    phase('members');
    if (opts.demoAccounts) users = await insertDemoAccounts(trx, samples, people, opts.seed, city, passwordHash);
  });
  phase('accounts');

  return {
    orgs: orgs.length,
    members: people.members.length,
    users,
    ms: Math.round(performance.now() - started),
    sampleIds: {
      city: samples.city.id,
      district: samples.district.id,
      township: samples.township.id,
      branch: samples.branch.id,
      otherBranch: samples.otherBranch.id,
    },
  };
}
