// The 干部花名册 / 干部一张表 export: the rows of a search, with the columns the officer chose, written
// by ExcelJS's streaming writer page by page (the search's own keyset query), formula-like cells
// neutralized. The route audits it (cadre.export) with its purpose, query, columns and row count.
import { ROSTER_COLUMNS, type RosterColumnKey } from '../../../domain/schemas/cadre-search.js';
import { cadreAge } from '../../../domain/rules/cadre-age.js';
import { toXlsx } from '../../export/xlsx.js';
import type { Db } from '../../db/engine.js';
import { rosterPage, type ResolvedCadreQuery, type RosterRow } from './queries.js';

const PAGE = 2000;
export const ROSTER_EXPORT_MAX = 100_000;

interface Edu {
  level?: string;
  degree?: string;
  levelSchool?: string;
  degreeSchool?: string;
}
const edu = (v: unknown): Edu => (v && typeof v === 'object' ? (v as Edu) : {});
/** 学历 above 学位 on the form; one cell here: 大学 法学学士. */
const eduText = (v: unknown) => [edu(v).level, edu(v).degree].filter(Boolean).join(' ') || null;
const schoolText = (v: unknown) => [...new Set([edu(v).levelSchool, edu(v).degreeSchool].filter(Boolean))].join('；') || null;
/** Dates as the roster prints them: 1975.03 (a month-precise 出生年月 stays a month). */
const dotted = (d: string | null) => (d ? d.slice(0, 7).replace('-', '.') : null);

type Value = (r: RosterRow, ageAt: string) => string | number | null;
const VALUES: Record<RosterColumnKey, Value> = {
  name: (r) => r.name,
  sex: (r) => r.sex || null,
  ethnicity: (r) => r.ethnicity || null,
  birth: (r) => dotted(r.birth),
  age: (r, at) => cadreAge(r.birth, at),
  // Masked: a full number leaves the system only through the audited reveal (SECURITY.md 21).
  idMasked: (r) => r.id_masked,
  nativePlace: (r) => r.native_place || null,
  birthPlace: (r) => r.birth_place || null,
  partyJoin: (r) => (r.party_join && /^\d{4}-\d{2}/.test(r.party_join) ? dotted(r.party_join) : r.party_join),
  political: (r) => r.political || null,
  workStart: (r) => dotted(r.work_start),
  eduFullTime: (r) => eduText(r.edu_full_time),
  eduFullTimeSchool: (r) => schoolText(r.edu_full_time),
  eduInService: (r) => eduText(r.edu_in_service),
  eduInServiceSchool: (r) => schoolText(r.edu_in_service),
  title: (r) => r.current_title || null,
  since: (r) => dotted(r.current_since),
  level: (r) => r.level,
  rankTitle: (r) => r.rank_title || null,
  rankSince: (r) => dotted(r.rank_since),
  proTitle: (r) => r.pro_title || null,
  expertise: (r) => r.expertise || null,
  background: (r) => r.background || null,
  unit: (r) => r.unit_name,
  unitKind: (r) => r.unit_kind,
  manager: (r) => r.manager_name,
  health: (r) => r.health || null,
};

async function* allRows(db: Db, f: ResolvedCadreQuery): AsyncGenerator<RosterRow> {
  let after: { key: string; id: number } | null = null;
  for (;;) {
    const rows = await rosterPage(db, f, after, PAGE);
    yield* rows;
    if (rows.length < PAGE) return;
    after = { key: rows[rows.length - 1].sort_key, id: Number(rows[rows.length - 1].id) };
  }
}

/** The roster of a search as .xlsx with the chosen columns in catalogue order; returns the file and its row count. */
export async function writeRosterXlsx(
  db: Db,
  f: ResolvedCadreQuery,
  columns: readonly RosterColumnKey[],
  ageAt: string,
): Promise<{ buffer: Buffer; rows: number }> {
  const chosen = ROSTER_COLUMNS.filter((c) => columns.includes(c.key));
  let rows = 0;
  async function* counted() {
    for await (const r of allRows(db, f)) {
      rows++;
      yield r;
    }
  }
  const buffer = await toXlsx(
    '干部花名册',
    chosen.map((c) => ({ header: c.zh, width: c.width, value: (r: RosterRow) => VALUES[c.key](r, ageAt) })),
    counted(),
  );
  return { buffer, rows };
}
