// The city a kept bench database already holds (BENCH_PAGES_KEEP, BENCH_MEMBERS_KEEP): its size, its root and
// the district of the demo account district-admin, as generateCity reported them; null when it holds none.
import { sql } from 'kysely';
import type { Engine } from '../server/db/engine.js';

export interface KeptCity {
  orgs: number;
  members: number;
  sampleIds: { city: number; district: number };
}

export async function keptCity(db: Engine['db']): Promise<KeptCity | null> {
  const r = await sql<{ orgs: number; members: number; root: number | null; district: number | null }>`
    select (select count(*)::int from orgs) as orgs, (select count(*)::int from members) as members,
           (select min(id) from orgs where parent_id is null) as root,
           (select org_id from users where username = 'district-admin') as district`.execute(db);
  const x = r.rows[0];
  return x.root === null || x.district === null || x.members === 0
    ? null
    : { orgs: x.orgs, members: x.members, sampleIds: { city: Number(x.root), district: Number(x.district) } };
}
