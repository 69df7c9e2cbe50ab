// Writing the planned demo cadres (seed.ts) in one transaction: every table by JSON batches, the
// benchmark's big tables as a bulk load; identity numbers of non-members encrypted here.
import { sql, type RawBuilder } from 'kysely';
import type { Trx } from '../../../audit/audit-log.js';
import type { IdCrypto } from '../../../crypto/id-crypto.js';
import type { Rng } from '../../../demo/prng.js';
import { pinyinInitials, pinyinSortKey } from '../../orgs/pinyin.js';
import { idNumberFor } from '../../members/id-numbers.js';
import { maskIdNumber } from '../../../../domain/rules/id-number.js';
import { withBulkLoad } from '../../dues/bulk-load.js';
import type { Area, PlannedUnit } from './units.js';
import { placeholderPhoto, PHOTO_MIME } from './photo.js';
import { demoCorrections, drawReviews, drawTeams, type PlannedCadre } from './seed-draw.js';
import type { MemberPick } from './seed-pools.js';

// GB/T 2260 codes for the non-member cadres' identity numbers, apart from the ones the member demo uses.
const AREA_CODES = ['320281', '320282', '320381', '320382'];
const BATCH = 2000;
// Past this many rows (the benchmark's tables) a table is loaded without its indexes and foreign keys, then they are rebuilt.
const BULK = 20_000;

interface DemoUser {
  id: number;
  username: string;
  display_name: string;
  member_id: number | null;
}

export interface CadresWrite {
  rng: Rng;
  asOf: string;
  crypto: IdCrypto;
  units: PlannedUnit[];
  planned: PlannedCadre[];
  assessments: { cadre_id: number; year: number; grade: string; note: string }[];
  /** Spouses who are both cadres: one cadre id to the other. */
  relatives: Map<number, number>;
  members: (MemberPick & { org_id: number })[];
  officers: Map<string, DemoUser>;
  districtAreas: Area[];
  /** The demo `cadre` account and the cadre and member it is given. */
  demo: { user: DemoUser | null; cadreId: number | null; member: MemberPick | null };
}

export async function writeCadres(trx: Trx, w: CadresWrite): Promise<void> {
  const { rng, asOf, crypto, units, planned, assessments, relatives, members, officers, districtAreas } = w;
  const { user: cadreUser, cadreId: demoCadreId, member: demoCadreMember } = w.demo;
  const idSeqs = new Map<string, number>();
  await insertJson(
    trx,
    'cadre_units',
    UNIT_COLS,
    units.map((u) => ({
      id: u.id,
      manager_org_id: u.area.managerOrgId,
      org_id: u.orgId,
      name: u.name,
      short_name: u.shortName,
      kind: u.kind,
      level: u.level,
      parent_unit_id: u.parentId,
      sort: u.sort,
      name_initials: pinyinInitials(u.name.replace(/^中共/, '')),
    })),
  );
  await sql`select setval('cadre_units_id_seq', (select max(id) from cadre_units))`.execute(trx);
  await insertJson(
    trx,
    'cadre_posts',
    POST_COLS,
    units.flatMap((u) =>
      u.posts.map((p) => ({
        id: p.id,
        unit_id: u.id,
        title: p.title,
        level: p.level,
        principal: p.principal,
        line: p.line,
        elected: p.elected,
        probation_kind: p.probationKind,
        quota: p.quota,
        sort: p.sort,
      })),
    ),
  );
  await sql`select setval('cadre_posts_id_seq', (select max(id) from cadre_posts))`.execute(trx);

  const cadreRows = planned.map((c) => {
    const d = c.draft;
    const current = d.appointments[d.appointments.length - 1];
    const rank = d.ranks[d.ranks.length - 1];
    let identity: Record<string, unknown> = {};
    if (!c.person.memberId) {
      const area = AREA_CODES[c.id % AREA_CODES.length];
      const key = area + c.person.birth;
      const seq = idSeqs.get(key) ?? 0;
      idSeqs.set(key, seq + 1);
      const idNo = idNumberFor(area, c.person.birth, seq, c.person.sex);
      identity = {
        id_cipher: crypto.encrypt(idNo),
        id_hash: crypto.hash(idNo),
        id_masked: maskIdNumber(idNo),
        ethnicity: c.nonMember!.ethnicity,
        political: c.nonMember!.political,
        party_name: c.nonMember!.partyName,
      };
    }
    return {
      id: c.id,
      manager_org_id: c.slot.unit.area.managerOrgId,
      member_id: c.person.memberId,
      user_id: c.id === demoCadreId ? (cadreUser?.id ?? null) : null,
      name: c.person.name,
      sex: c.person.sex,
      birth: c.person.birth,
      ethnicity: '汉族',
      political: '中共党员',
      party_name: '',
      // A member's keys come from the member record (trigger); the same pinyin in any case.
      name_initials: pinyinInitials(c.person.name),
      sort_key: pinyinSortKey(c.person.name),
      ...identity,
      native_place: c.slot.unit.area.prefix.slice(0, 3),
      birth_place: c.slot.unit.area.prefix.slice(0, 3),
      work_start: d.workStart,
      health: '健康',
      pro_title: d.proTitle,
      expertise: d.expertise,
      edu_full_time: d.eduFullTime,
      edu_in_service: d.eduInService,
      edu_rank: d.eduRank,
      background: d.background,
      resume: d.resume,
      grassroots_months: d.grassrootsMonths,
      rank_title: rank.title,
      level: current.level,
      current_unit_id: current.unitId,
      current_title: current.title,
      current_since: current.decidedOn,
      photo: c.photo === null ? null : placeholderPhoto(c.photo).toString('base64'),
      photo_mime: c.photo === null ? null : PHOTO_MIME,
    };
  });
  await insertJson(trx, 'cadres', CADRE_COLS, cadreRows);
  await sql`select setval('cadres_id_seq', (select max(id) from cadres))`.execute(trx);

  await insertJson(
    trx,
    'cadre_appointments',
    APPOINTMENT_COLS,
    planned.flatMap((c) =>
      c.draft.appointments.map((a, i) => ({
        cadre_id: c.id,
        post_id: a.postId,
        unit_id: a.unitId,
        title: a.title,
        level: a.level,
        principal: a.principal,
        decided_on: a.decidedOn,
        doc_no: a.docNo,
        probation_until: a.probationUntil,
        ended_on: a.endedOn,
        end_doc_no: a.endDocNo,
        end_reason: a.endReason,
        sort: i + 1,
      })),
    ),
  );
  await insertJson(
    trx,
    'cadre_ranks',
    RANK_COLS,
    planned.flatMap((c) =>
      c.draft.ranks.map((r) => ({
        cadre_id: c.id,
        title: r.title,
        level: r.level,
        decided_on: r.decidedOn,
        doc_no: r.docNo,
        ended_on: r.endedOn,
      })),
    ),
  );
  await insertJson(
    trx,
    'cadre_rewards',
    REWARD_COLS,
    planned.flatMap((c) =>
      c.draft.rewards.map((r, i) => ({
        cadre_id: c.id,
        kind: r.kind,
        on_date: r.onDate,
        text: r.text,
        on_form: r.onForm,
        until: r.until,
        sort: i + 1,
      })),
    ),
  );
  await insertJson(trx, 'cadre_assessments', ASSESSMENT_COLS, assessments);
  await insertJson(
    trx,
    'cadre_family',
    FAMILY_COLS,
    planned.flatMap((c) =>
      c.draft.family.map((f, i) => ({
        cadre_id: c.id,
        sort: i + 1,
        relation: f.relation,
        name: f.name,
        birth: f.birth,
        political: f.political,
        work_post: f.workPost,
        deceased: f.deceased,
        abroad_country: f.abroadCountry,
        abroad_status: f.abroadStatus,
        relative_cadre_id: (f.relation === '妻子' || f.relation === '丈夫') && relatives.has(c.id) ? relatives.get(c.id)! : null,
      })),
    ),
  );
  const joined = new Map(members.map((m) => [m.id, m.joined]));
  await insertJson(trx, 'cadre_reviews', REVIEW_COLS, drawReviews(rng, planned, officers, districtAreas, asOf, joined));
  await insertJson(trx, 'cadre_teams', TEAM_COLS, drawTeams(rng, units, asOf));

  if (cadreUser && demoCadreId !== null && demoCadreMember) {
    const me = planned.find((c) => c.id === demoCadreId)!;
    const officer = officers.get('cadre-officer-district') ?? officers.get('cadre-officer') ?? null;
    await insertJson(trx, 'cadre_corrections', CORRECTION_COLS, demoCorrections(me, cadreUser.id, officer?.id ?? null, asOf));
    // The account's name is its member's (demo-accounts.ts picks it by name; one of working age is chosen here).
    await trx
      .updateTable('users')
      .set({ display_name: demoCadreMember.name, member_id: cadreUser.member_id ?? demoCadreMember.id })
      .where('id', '=', cadreUser.id)
      .execute();
  }
}

// Columns of each table as jsonb_to_recordset reads them; `expr` converts what JSON cannot carry (bytea).
interface Col {
  name: string;
  type: string;
  expr?: string;
}
const cols = (spec: string): Col[] =>
  spec.split(',').map((s) => {
    const [name, type] = s.trim().split(/\s+/);
    return type === 'bytea' ? { name, type: 'text', expr: `decode(v.${name}, 'base64')` } : { name, type };
  });
const UNIT_COLS = cols(
  'id bigint, manager_org_id bigint, org_id bigint, name text, short_name text, kind text, level text, parent_unit_id bigint, sort int, name_initials text',
);
const POST_COLS = cols(
  'id bigint, unit_id bigint, title text, level text, principal boolean, line text, elected boolean, probation_kind text, quota int, sort int',
);
const CADRE_COLS = cols(
  'id bigint, manager_org_id bigint, member_id bigint, user_id bigint, name text, sex text, birth text, ethnicity text, id_cipher text, id_hash text, id_masked text, ' +
    'native_place text, birth_place text, political text, party_name text, work_start text, health text, pro_title text, expertise text, edu_full_time jsonb, ' +
    'edu_in_service jsonb, edu_rank smallint, background text, resume jsonb, grassroots_months int, rank_title text, level text, current_unit_id bigint, ' +
    'current_title text, current_since date, photo bytea, photo_mime text, name_initials text, sort_key text',
);
const APPOINTMENT_COLS = cols(
  'cadre_id bigint, post_id bigint, unit_id bigint, title text, level text, principal boolean, decided_on date, doc_no text, probation_until date, ended_on date, end_doc_no text, end_reason text, sort int',
);
const RANK_COLS = cols('cadre_id bigint, title text, level text, decided_on date, doc_no text, ended_on date');
const REWARD_COLS = cols('cadre_id bigint, kind text, on_date date, text text, on_form boolean, until date, sort int');
const ASSESSMENT_COLS = cols('cadre_id bigint, year int, grade text, note text');
const FAMILY_COLS = cols(
  'cadre_id bigint, sort int, relation text, name text, birth text, political text, work_post text, deceased boolean, abroad_country text, abroad_status text, relative_cadre_id bigint',
);
const REVIEW_COLS = cols('cadre_id bigint, item text, value text, source text, reviewer_id bigint, reviewer_name text, reviewed_on date');
const TEAM_COLS = cols('unit_id bigint, name text, term_years int, term_started_on date, renew_due_on date');
const CORRECTION_COLS = cols(
  'cadre_id bigint, requested_by bigint, requested_at timestamptz, section text, field text, current_value text, proposed_value text, reason text, status text, decided_by bigint, decided_at timestamptz, decision_note text',
);

/** Rows in batches of one JSON parameter each (far cheaper to parse than thousands of bound values); big tables as a bulk load. */
async function insertJson(trx: Trx, table: string, columns: Col[], rows: readonly Record<string, unknown>[]): Promise<void> {
  const names = sql.join(columns.map((c) => sql.ref(c.name)));
  const values: RawBuilder<unknown>[] = columns.map((c) => (c.expr ? sql.raw(c.expr) : sql.ref(`v.${c.name}`)));
  const shape = sql.raw(columns.map((c) => `${c.name} ${c.type}`).join(', '));
  const load = async () => {
    for (let i = 0; i < rows.length; i += BATCH) {
      await sql`insert into ${sql.table(table)} (${names}) select ${sql.join(values)}
        from jsonb_to_recordset(${JSON.stringify(rows.slice(i, i + BATCH))}::jsonb) as v(${shape})`.execute(trx);
    }
  };
  if (rows.length > BULK) await withBulkLoad(trx, table, load);
  else await load();
}
