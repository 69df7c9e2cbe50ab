// The registry's reads: the list with its filters (always within the actor's district subtree), the
// person's page, the structure counts and the export rows.
import { sql } from 'kysely';
import type { Db } from '../../db/engine.js';
import { scopeSql } from '../../scope/access.js';
import { cardStateRange } from '../../../domain/rules/talent-card.js';
import type { TTalentFilter, TTalentRow } from '../../../domain/schemas/talent.js';

export type TalentFilter = TTalentFilter;

const from = (db: Db) => db.selectFrom('talent_people as t');
export type Q = ReturnType<typeof from>;

/** The people of the filter within the scope; `today` dates the card-state filter. */
export function filtered(db: Db, scopePath: string, f: TalentFilter, today?: string): Q {
  let q = from(db).where(scopeSql('t.district_path', scopePath));
  if (f.q) {
    const s = f.q.replace(/[\\%_]/g, (c) => `\\${c}`);
    q = /^[a-z]+$/i.test(f.q) ? q.where('t.name_initials', 'like', `${s.toLowerCase()}%`) : q.where('t.name', 'like', `%${s}%`);
  }
  if (f.tierId) q = q.where('t.tier_id', '=', f.tierId);
  if (f.field) q = q.where('t.field', '=', f.field);
  if (f.industry) q = q.where('t.industry', '=', f.industry);
  if (f.employerId) q = q.where('t.employer_id', '=', f.employerId);
  if (f.districtOrgId) q = q.where('t.district_org_id', '=', f.districtOrgId);
  if (f.recruitment) q = q.where('t.recruitment', '=', f.recruitment);
  if (f.status) q = q.where('t.status', '=', f.status);
  if (f.cardExpiresBy) q = q.where('t.card_expires_on', '<=', f.cardExpiresBy);
  if (f.card && today) {
    const r = cardStateRange(f.card, today);
    if ('none' in r) q = q.where('t.card_no', 'is', null);
    else {
      if (r.from) q = q.where('t.card_expires_on', '>=', r.from);
      if (r.to) q = q.where('t.card_expires_on', '<=', r.to);
    }
  }
  return q;
}

export const rowColumns = (q: Q) =>
  q
    .leftJoin('talent_employers as e', 'e.id', 't.employer_id')
    .leftJoin('talent_tiers as tt', 'tt.id', 't.tier_id')
    .leftJoin('talent_tier_sets as ts', 'ts.id', 'tt.set_id')
    .innerJoin('orgs as o', 'o.id', 't.district_org_id')
    .select([
      't.id',
      't.name',
      't.sex',
      sql<string | null>`to_char(t.birth, 'YYYY-MM-DD')`.as('birth'),
      't.employer_id',
      'e.name as employer_name',
      't.district_org_id',
      'o.name as district_name',
      't.field',
      't.industry',
      't.recruitment',
      't.tier_id',
      'tt.name as tier_name',
      'ts.name as tier_set_name',
      't.card_no',
      sql<string | null>`to_char(t.card_expires_on, 'YYYY-MM-DD')`.as('card_expires_on'),
      't.status',
      't.member_id',
      't.cadre_id',
      't.sort_key',
    ]);

type RowOf = Awaited<ReturnType<ReturnType<typeof rowColumns>['execute']>>[number];

export const presentRow = (r: RowOf): TTalentRow => ({
  id: r.id,
  name: r.name,
  sex: r.sex,
  birth: r.birth,
  employerId: r.employer_id,
  employerName: r.employer_name,
  districtOrgId: r.district_org_id,
  districtName: r.district_name,
  field: r.field,
  industry: r.industry,
  recruitment: r.recruitment,
  tierId: r.tier_id,
  tierName: r.tier_name,
  tierSetName: r.tier_set_name,
  cardNo: r.card_no,
  cardExpiresOn: r.card_expires_on,
  status: r.status,
  linked: r.member_id !== null ? 'member' : r.cadre_id !== null ? 'cadre' : 'none',
});

/** A page of the list, ordered by pinyin then id (keyset cursor `sortKey|id`). */
export async function listPage(db: Db, scopePath: string, f: TalentFilter, cursor: string | undefined, limit: number, today?: string) {
  const base = filtered(db, scopePath, f, today);
  const { n } = await base.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow();
  let q = rowColumns(base);
  if (cursor) {
    const i = cursor.lastIndexOf('|');
    const key = cursor.slice(0, i);
    const id = Number(cursor.slice(i + 1));
    if (Number.isInteger(id)) q = q.where(sql<boolean>`(t.sort_key, t.id) > (${key}, ${id})`);
  }
  const rows = await q
    .orderBy('t.sort_key')
    .orderBy('t.id')
    .limit(limit + 1)
    .execute();
  const more = rows.length > limit;
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return { items: page.map(presentRow), total: n, nextCursor: more && last ? `${last.sort_key}|${last.id}` : null };
}
