// TEMPORARY: the roster import's writes, behind a narrow interface. The cadre file has one writer
// (server/modules/cadres/changes.ts, being written on branch h-file) which also keeps cadre_history;
// the integrator swaps this Kysely implementation for one over changes.ts. Nothing else in this
// module writes `cadres`.
import { sql } from 'kysely';
import type { Trx } from '../../../audit/audit-log.js';
import type { IdCrypto } from '../../../crypto/id-crypto.js';
import { educationRank } from '../../../../domain/cadre-codes.js';
import { maskIdNumber } from '../../../../domain/rules/id-number.js';
import { pinyinInitials, pinyinSortKey } from '../../orgs/pinyin.js';
import type { RosterFields } from './validate-row.js';

export interface RosterWriter {
  /** A new cadre managed by `managerOrgId`; returns its id. */
  insert(fields: RosterFields & { managerOrgId: number }): Promise<number>;
  /** Sets the given fields of an existing cadre (absent fields stay as they are). */
  update(id: number, fields: RosterFields): Promise<void>;
}

type EduJson = { level?: string; degree?: string; levelSchool?: string; degreeSchool?: string };
const mergeEdu = (before: unknown, row?: { level: string; degree: string }, school?: string): EduJson => {
  const b = (before && typeof before === 'object' ? before : {}) as EduJson;
  return { ...b, ...(row ?? {}), ...(school ? { levelSchool: school } : {}) };
};
const bestRank = (a: EduJson, b: EduJson): number | null => {
  const ranks = [educationRank(a.level), educationRank(b.level)].filter((r): r is number => r !== null);
  return ranks.length ? Math.min(...ranks) : null;
};

/** The columns a row sets, in table terms; Kysely leaves out the undefined ones (identity of a member-linked cadre is the trigger's). */
function columnsOf(f: RosterFields, crypto: IdCrypto) {
  return {
    name: f.name,
    name_initials: pinyinInitials(f.name),
    sort_key: pinyinSortKey(f.name),
    sex: f.sex,
    ethnicity: f.ethnicity,
    birth: f.birth,
    ...(f.idNumber ? { id_cipher: crypto.encrypt(f.idNumber), id_hash: crypto.hash(f.idNumber), id_masked: maskIdNumber(f.idNumber) } : {}),
    native_place: f.nativePlace,
    birth_place: f.birthPlace,
    party_join: f.partyJoin,
    political: f.political,
    work_start: f.workStart,
    current_title: f.title,
    current_since: f.since,
    level: f.level,
    rank_title: f.rankTitle,
    pro_title: f.proTitle,
    expertise: f.expertise,
    background: f.background,
    health: f.health,
    current_unit_id: f.unitId,
    manager_org_id: f.managerOrgId,
  };
}

export function kyselyRosterWriter(trx: Trx, crypto: IdCrypto, now: Date): RosterWriter {
  return {
    async insert(f) {
      const full = mergeEdu({}, f.eduFullTime, f.eduFullTimeSchool);
      const inService = mergeEdu({}, f.eduInService, f.eduInServiceSchool);
      const r = await trx
        .insertInto('cadres')
        .values({
          ...columnsOf(f, crypto),
          name: f.name,
          manager_org_id: f.managerOrgId,
          edu_full_time: sql`${JSON.stringify(full)}::jsonb`,
          edu_in_service: sql`${JSON.stringify(inService)}::jsonb`,
          edu_rank: bestRank(full, inService),
          created_at: now,
          updated_at: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return Number(r.id);
    },
    async update(id, f) {
      // A roster prints dates to the month (出生年月 1985.07, 任职时间 2018.05): a month that agrees with
      // the day the file already knows keeps that day, so an exported roster re-imports without loss.
      const keepDay = <K extends 'birth' | 'work_start' | 'party_join'>(col: K, v: string | undefined) =>
        v === undefined ? undefined : sql<string>`case when ${sql.ref(col)} like ${`${v}%`} then ${sql.ref(col)} else ${v} end`;
      const since =
        f.since && f.since.length === 7
          ? sql<string>`case when to_char(current_since, 'YYYY-MM') = ${f.since} then current_since else ${`${f.since}-01`}::date end`
          : f.since;
      const before = await trx
        .selectFrom('cadres')
        .select(['edu_full_time', 'edu_in_service'])
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
      const full = mergeEdu(before.edu_full_time, f.eduFullTime, f.eduFullTimeSchool);
      const inService = mergeEdu(before.edu_in_service, f.eduInService, f.eduInServiceSchool);
      await trx
        .updateTable('cadres')
        .set({
          ...columnsOf(f, crypto),
          edu_full_time: sql`${JSON.stringify(full)}::jsonb`,
          edu_in_service: sql`${JSON.stringify(inService)}::jsonb`,
          edu_rank: bestRank(full, inService),
          birth: keepDay('birth', f.birth),
          work_start: keepDay('work_start', f.workStart),
          party_join: keepDay('party_join', f.partyJoin),
          current_since: since,
          version: sql`version + 1`,
          updated_at: now,
        })
        .where('id', '=', id)
        .execute();
    },
  };
}
