// The roster import's writes, through the cadre file's one writer in its set-based form
// (server/modules/cadres/changes-many.ts, issue 16 point 1: a roster of 20,000 in seconds):
// every row keeps its cadre_history entry, a member-linked cadre's identity stays the member record's,
// a reviewed 三龄二历 item is not silently overwritten. A roster names the current post and rank but
// not their documents: a new cadre gets its post as an appointment (任职时间 from the row); an
// existing cadre's post or rank that differs from the file is refused for the row, since a post change
// is an appointment with its decision date and 文号, entered on the file (RULES.md §7).
import type { TRosterError } from '../../../../domain/schemas/cadre-search.js';
import { AppError } from '../../../errors.js';
import type { CadreChange, CadreSet, CadreWriter } from '../../cadres/change-types.js';
import { changeCadres, insertCadres, loadFiles, RefusedFiles, type NewCadreFile } from '../../cadres/changes-many.js';
import { effectiveSet, type Row } from '../../cadres/file-columns.js';
import { canon } from '../../cadres/canon.js';
import type { RosterFields } from './validate-row.js';

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
  // Only what the row gives, and only what changes: an unchanged export re-imports as no change
  // (compared by content: jsonb hands an education row back with its keys in its own order).
  return Object.fromEntries(
    Object.entries(set).filter(([k, v]) => v !== undefined && (cur === null || canon(cur[k]) !== canon(v))),
  ) as CadreSet;
}

const fullDay = (d: string) => (d.length === 7 ? `${d}-01` : d);

/** A checked row and what the matcher decided for it. */
export type PlannedRow = { row: number; fields: RosterFields; decision: { kind: 'create' } | { kind: 'update'; id: number } };

/** The roster's column for a field the cadre writer names in a refusal. */
const COLUMN_OF_FIELD: Record<string, string> = {
  name: '姓名',
  sex: '性别',
  ethnicity: '民族',
  birth: '出生年月',
  idNumber: '身份证号',
  partyJoin: '入党时间',
  political: '政治面貌',
  workStart: '参加工作时间',
  fullTime: '全日制学历学位',
  inService: '在职学历学位',
};

function newFile(f: RosterFields, managerOrgId: number): NewCadreFile {
  if (f.title && !f.since) throw new RosterRowError('任职时间', '新建干部的现任职务需填写任职时间（党委（党组）决定的日期）');
  if (f.rankTitle && !f.since) throw new RosterRowError('职级', '新建干部的职级需填写任职时间');
  const since = f.since ? fullDay(f.since) : '';
  return {
    cadre: { ...basicSet(f, null, false), name: f.name, manager_org_id: managerOrgId },
    appointment: f.title
      ? {
          post_id: null,
          unit_id: f.unitId ?? null,
          title: f.title,
          level: f.level ?? null,
          principal: false,
          decided_on: since,
          doc_no: '',
          probation_until: null,
          concurrent: false,
        }
      : undefined,
    rank: f.rankTitle ? { title: f.rankTitle, level: f.level ?? null, decided_on: since, doc_no: '', ended_on: null } : undefined,
  };
}

function changeOf(w: CadreWriter, f: RosterFields, cur: Row): CadreChange | null {
  const s = (k: string) => cur[k] as string | null;
  const differs = (given: string | undefined, stored: string | null) =>
    given !== undefined && given !== '' && !(stored ?? '').startsWith(given);
  if (differs(f.title, s('current_title')) || differs(f.since, s('current_since')) || differs(f.level, s('level')))
    throw new RosterRowError(
      '现任职务',
      '现任职务、任职时间或职务层次与档案不一致：职务变动请在干部档案的任职记录中登记（任职时间、文号）',
    );
  if (differs(f.rankTitle, s('rank_title'))) throw new RosterRowError('职级', '职级与档案不一致：职级变动请在干部档案中登记');
  const set = basicSet(f, cur, cur.member_id !== null);
  // The identity number is compared as the writer compares it, by its hash: a row that changes nothing writes nothing.
  const changes = Object.keys(set).length > 0 && Object.keys(effectiveSet(w, cur, set)).length > 0;
  return changes ? { section: 'basic', action: 'import', set, reason: '干部花名册导入' } : null;
}

/**
 * Writes the planned rows through the cadre writer's set-based path (changes-many.ts): the new files
 * with their posts and ranks, then the changed ones. Returns the refused rows (the caller rolls back).
 */
export async function writeRoster(w: CadreWriter, plan: readonly PlannedRow[], defaultManager: number): Promise<TRosterError[]> {
  const errors: TRosterError[] = [];
  const rowError = (row: number, e: unknown) => {
    if (e instanceof RosterRowError) errors.push({ row, column: e.column, message: e.message });
    else if (e instanceof AppError && e.status < 500)
      errors.push({ row, column: COLUMN_OF_FIELD[e.field ?? ''] ?? '', message: e.message });
    else throw e;
  };
  const creates: { row: number; file: NewCadreFile }[] = [];
  const updates: { row: number; id: number; change: CadreChange }[] = [];
  const ids = plan.flatMap((p) => (p.decision.kind === 'update' ? [p.decision.id] : []));
  const current = await loadFiles(w, ids);
  for (const p of plan) {
    try {
      if (p.decision.kind === 'create')
        creates.push({ row: p.row, file: newFile(p.fields, p.fields.managerOrgId ?? p.fields.unitManagerOrgId ?? defaultManager) });
      else {
        const change = changeOf(w, p.fields, current.get(p.decision.id)!);
        if (change) updates.push({ row: p.row, id: p.decision.id, change });
      }
    } catch (e) {
      rowError(p.row, e);
    }
  }
  if (errors.length) return errors;
  const refused = (rows: { row: number }[]) => (e: unknown) => {
    if (!(e instanceof RefusedFiles)) throw e;
    for (const r of e.refusals) rowError(rows[r.index].row, r.error);
  };
  await insertCadres(
    w,
    creates.map((c) => c.file),
    'roster',
    'import',
  ).catch(refused(creates));
  if (!errors.length) await changeCadres(w, updates).catch(refused(updates));
  return errors;
}
