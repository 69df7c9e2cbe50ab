// What the to-do list reads of 能上能下 and supervision: cadres nearing the age for leaving a leadership post
// (到龄) and passports not handed back by their due date. Both take a path filter (pathFilter of todos/types.ts).
import dayjs from 'dayjs';
import { sql, type RawBuilder } from 'kysely';
import { leavingPostRulesOn } from '../../../domain/rules/retirement-age.js';
import type { Db } from '../../db/engine.js';
import { retirementOf } from './service.js';

/** Passports taken out and not handed back by their due date. */
export const overduePassports = (db: Db, filter: RawBuilder<boolean>, today: string) =>
  db
    .selectFrom('cadre_passports as p')
    .innerJoin('cadres as c', 'c.id', 'p.cadre_id')
    .innerJoin('orgs as o', 'o.id', 'c.manager_org_id')
    .select([
      'p.id',
      'p.kind',
      'p.due_on',
      'p.trip',
      'c.id as cadre_id',
      'c.name',
      'o.id as org_id',
      'o.name as org_name',
      sql<string>`o.path::text`.as('path'),
    ])
    .where('p.taken_out_on', 'is not', null)
    .where('p.returned_on', 'is', null)
    .where('p.due_on', '<', today)
    .where(filter)
    .orderBy('p.due_on')
    .execute();

export interface RetirementDue {
  cadreId: number;
  name: string;
  title: string;
  /** The month the cadre reaches the age, as its first day (YYYY-MM-01). */
  on: string;
  base: number;
  article: string;
  org: { id: number; name: string; path: string };
}

/**
 * Serving cadres holding a post who reach the age for leaving a leadership post within the notice window of the
 * rules in force (leavingPostRulesOn)
 * (or have reached it and still serve). The SQL narrows by birth to the widest band the formula allows
 * (base 55 without delay to base 60 with the full 36 months); retirementDate decides each.
 */
export async function retirementsDue(db: Db, filter: RawBuilder<boolean>, today: string): Promise<RetirementDue[]> {
  const horizon = dayjs(today).add(leavingPostRulesOn(today).noticeMonths, 'month');
  const youngest = horizon.subtract(55, 'year').format('YYYY-MM');
  const rows = await db
    .selectFrom('cadres as c')
    .innerJoin('orgs as o', 'o.id', 'c.manager_org_id')
    .select([
      'c.id',
      'c.name',
      'c.sex',
      'c.level',
      'c.birth',
      'c.current_title',
      'o.id as org_id',
      'o.name as org_name',
      sql<string>`o.path::text`.as('path'),
    ])
    .where('c.status', '=', 'active')
    .where('c.current_title', '<>', '')
    .where('c.birth', 'is not', null)
    .where(sql<boolean>`left(c.birth, 7) <= ${youngest}`)
    .where(filter)
    .execute();
  const last = horizon.format('YYYY-MM');
  const due: RetirementDue[] = [];
  for (const r of rows) {
    const ret = retirementOf(r.birth, r.sex, r.level);
    if (!ret || ret.yearMonth > last) continue;
    due.push({
      cadreId: r.id,
      name: r.name,
      title: r.current_title,
      on: `${ret.yearMonth}-01`,
      base: ret.base,
      article: ret.article,
      org: { id: r.org_id, name: r.org_name, path: r.path },
    });
  }
  return due.sort((a, b) => a.on.localeCompare(b.on) || a.cadreId - b.cadreId);
}
