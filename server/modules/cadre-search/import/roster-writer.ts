// The roster import's writes, through the cadre file's one writer (server/modules/cadres/changes.ts):
// every row keeps its cadre_history entry, a member-linked cadre's identity stays the member record's,
// a reviewed 三龄二历 item is not silently overwritten. A roster names the current post and rank but
// not their documents: a new cadre gets its post as an appointment (任职时间 from the row); an
// existing cadre's post or rank that differs from the file is refused for the row, since a post change
// is an appointment with its decision date and 文号, entered on the file (RULES.md §7).
import type { CadreSet, CadreWriter } from '../../cadres/change-types.js';
import { changeCadre, insertCadre } from '../../cadres/changes.js';
import type { RosterFields } from './validate-row.js';

export interface RosterWriter {
  /** A new cadre managed by `managerOrgId`; returns its id. */
  insert(fields: RosterFields & { managerOrgId: number }): Promise<number>;
  /** Sets the given fields of an existing cadre (absent fields stay as they are). */
  update(id: number, fields: RosterFields): Promise<void>;
}

/** A row the writer cannot take: named by the import with its row number. */
export class RosterRowError extends Error {
  constructor(
    readonly column: string,
    message: string,
  ) {
    super(message);
  }
}

type EduJson = { level: string; degree: string; levelSchool: string; degreeSchool: string };
const EMPTY: EduJson = { level: '', degree: '', levelSchool: '', degreeSchool: '' };
const mergeEdu = (before: unknown, row?: { level: string; degree: string }, school?: string): EduJson | undefined => {
  if (!row && !school) return undefined;
  const b = { ...EMPTY, ...((before && typeof before === 'object' ? before : {}) as Partial<EduJson>) };
  return { ...b, ...(row ?? {}), ...(school ? { levelSchool: school } : {}) };
};

// A roster prints dates to the month (出生年月 1985.07): a month that agrees with the day the file
// already knows keeps that day, so an exported roster re-imports without loss.
const keepDay = (stored: string | null, given: string | undefined) =>
  given === undefined ? undefined : stored && stored.startsWith(given) ? stored : given;

function basicSet(f: RosterFields, cur: Record<string, unknown> | null, memberLinked: boolean): CadreSet {
  const s = (k: string) => (cur ? (cur[k] as string | null) : null);
  const set: CadreSet = {
    native_place: f.nativePlace,
    birth_place: f.birthPlace,
    political: memberLinked ? undefined : f.political,
    work_start: keepDay(s('work_start'), f.workStart),
    pro_title: f.proTitle,
    expertise: f.expertise,
    background: f.background,
    health: f.health,
    edu_full_time: mergeEdu(cur?.edu_full_time, f.eduFullTime, f.eduFullTimeSchool),
    edu_in_service: mergeEdu(cur?.edu_in_service, f.eduInService, f.eduInServiceSchool),
  };
  if (!memberLinked) {
    Object.assign(set, {
      name: f.name,
      sex: f.sex,
      ethnicity: f.ethnicity,
      birth: keepDay(s('birth'), f.birth),
      party_join: keepDay(s('party_join'), f.partyJoin),
      id_number: f.idNumber,
    });
  }
  // Only what the row gives, and only what changes: an unchanged export re-imports as no change.
  return Object.fromEntries(
    Object.entries(set).filter(([k, v]) => v !== undefined && (cur === null || JSON.stringify(cur[k] ?? null) !== JSON.stringify(v))),
  ) as CadreSet;
}

const fullDay = (d: string) => (d.length === 7 ? `${d}-01` : d);

export function cadreRosterWriter(w: CadreWriter): RosterWriter {
  return {
    async insert(f) {
      if (f.title && !f.since) throw new RosterRowError('任职时间', '新建干部的现任职务需填写任职时间（党委（党组）决定的日期）');
      const id = await insertCadre(w, { ...basicSet(f, null, false), name: f.name, manager_org_id: f.managerOrgId }, 'roster', 'import');
      if (f.title && f.since) {
        await changeCadre(w, id, {
          section: 'appointments',
          action: 'import',
          addAppointment: {
            post_id: null,
            unit_id: f.unitId ?? null,
            title: f.title,
            level: f.level ?? null,
            principal: false,
            decided_on: fullDay(f.since),
            doc_no: '',
            probation_until: null,
            concurrent: false,
          },
        });
      }
      if (f.rankTitle) {
        if (!f.since) throw new RosterRowError('职级', '新建干部的职级需填写任职时间');
        await changeCadre(w, id, {
          section: 'ranks',
          action: 'import',
          ranks: [{ title: f.rankTitle, level: f.level ?? null, decided_on: fullDay(f.since), doc_no: '', ended_on: null }],
        });
      }
      return id;
    },
    async update(id, f) {
      const cur = await w.db.selectFrom('cadres').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
      const differs = (given: string | undefined, stored: string | null) =>
        given !== undefined && given !== '' && !(stored ?? '').startsWith(given);
      if (differs(f.title, cur.current_title) || differs(f.since, cur.current_since) || differs(f.level, cur.level))
        throw new RosterRowError(
          '现任职务',
          '现任职务、任职时间或职务层次与档案不一致：职务变动请在干部档案的任职记录中登记（任职时间、文号）',
        );
      if (differs(f.rankTitle, cur.rank_title)) throw new RosterRowError('职级', '职级与档案不一致：职级变动请在干部档案中登记');
      const set = basicSet(f, cur as unknown as Record<string, unknown>, cur.member_id !== null);
      if (Object.keys(set).length) await changeCadre(w, id, { section: 'basic', action: 'import', set, reason: '干部花名册导入' });
    },
  };
}
