// The period tables of the 党内统计 (RULES.md §6) from the recorded events: development, transfers,
// members leaving, 转正 and 民主评议. Each table is a "facts" query — one row per person and column
// they count in, with the organization they count at — so a number and the list behind it are the
// same rows: the table groups them, the list pages them.
import { sql, type RawBuilder } from 'kysely';
import { OCCUPATIONS, OCCUPATION_LABELS, COLLEGE_OR_ABOVE } from '../../../domain/member-fields.js';
import { EXIT_KINDS, EXIT_KIND_LABELS } from '../../../domain/rules/member-status-rules.js';
import { APPRAISAL_GRADES, APPRAISAL_GRADE_LABELS } from '../../../domain/meeting-kinds.js';
import { YOUNG_MAX_AGE } from '../../../domain/rules/statistics.js';
import { L, type Column, type Label, type TableShape } from './columns.js';

export interface EventContext {
  /** The table's organization: its subtree is counted, and "inside" / "outside" it for transfers. */
  path: string;
  from: string;
  to: string;
  /** Reference date (stock of the development pipeline). */
  asOf: string;
  /** 预备期 in months (党章第七条, from the development rule set): later 转正 counts as after an extension. */
  probationMonths: number;
}

/** One row per person and column: where they count, and what the list shows. */
export interface Fact {
  path: string;
  col: string;
  org_id: number;
  member_id: number | null;
  person_name: string;
  gender: string | null;
  id_masked: string | null;
  on_date: string | null;
  note: string | null;
}

export interface EventTableDef {
  code: string;
  title: Label;
  source: 'events';
  /** What the date of a listed row is. */
  dateLabel: Label;
  shape(): TableShape<Column>;
  facts(ctx: EventContext): RawBuilder<Fact>;
}

const c = (key: string, ...path: Label[]): Column => ({ key, path });
const list = (vals: readonly string[]) => sql.join(vals.map((v) => sql`${v}`));
const between = (col: RawBuilder<unknown>, ctx: EventContext) => sql<boolean>`${col} between ${ctx.from}::date and ${ctx.to}::date`;

/** The first passed record of each of `steps` for every person of the subtree, with its date. */
const devSteps = (ctx: EventContext, steps: number[], until: RawBuilder<boolean>) => sql`
  select distinct on (s.person_id, s.step_no) s.person_id, s.step_no, s.done_on, p.org_path as path, p.org_id, p.member_id, p.name,
    p.gender, p.id_masked, p.birth_date, p.ethnicity, p.education, p.occupation, p.admitted_on
  from dev_steps s join dev_people p on p.id = s.person_id
  where s.passed and s.step_no in (${sql.join(steps)}) and ${until} and p.org_path <@ ${ctx.path}::ltree
  order by s.person_id, s.step_no, s.done_on`;

const PIPELINE = [
  [1, 'applicant'],
  [3, 'activist'],
  [7, 'candidate'],
] as const;

const development: EventTableDef = {
  code: 'development',
  title: L('发展党员工作情况', 'Developing new members'),
  source: 'events',
  dateLabel: L('日期', 'Date'),
  shape: () => {
    const stock = L('期末人数', 'At the reference date');
    const flow = L('本期新增', 'During the period');
    return {
      columns: [
        c('stock_applicant', stock, L('入党申请人', 'Applicants')),
        c('stock_activist', stock, L('入党积极分子', 'Activists')),
        c('stock_candidate', stock, L('发展对象', 'Candidates')),
        c('new_applicant', flow, L('递交入党申请', 'Applied')),
        c('new_activist', flow, L('确定为入党积极分子', 'Made activists')),
        c('new_candidate', flow, L('确定为发展对象', 'Made candidates')),
        c('admitted', flow, L('发展党员', 'Admitted')),
      ],
      sums: [],
    };
  },
  // Stock: where each person stood at the reference date (the furthest of ①③⑦⑰ done by then);
  // flows: the steps done in the period. 发展党员 = approved by the higher committee (⑰) in the period.
  facts: (ctx) => sql<Fact>`
    with st as (
      select distinct on (person_id) * from (${devSteps(ctx, [1, 3, 7, 17], sql`s.done_on <= ${ctx.asOf}::date`)}) x
      order by person_id, step_no desc
    ), fl as (${devSteps(ctx, [1, 3, 7, 17], between(sql`s.done_on`, ctx))})
    select path, 'stock_' || (case step_no ${sql.join(
      PIPELINE.map(([n, k]) => sql`when ${sql.lit(n)} then ${k}`),
      sql` `,
    )} end) as col,
      org_id, member_id, name as person_name, gender, id_masked, done_on as on_date, null::text as note
    from st where step_no <> 17
    union all
    select path, case step_no when 17 then 'admitted' else 'new_' || (case step_no ${sql.join(
      PIPELINE.map(([n, k]) => sql`when ${sql.lit(n)} then ${k}`),
      sql` `,
    )} end) end,
      org_id, member_id, name, gender, id_masked, done_on, null
    from fl`,
};

const OCC = [...OCCUPATIONS, 'unknown'] as const;
const occLabel = (o: (typeof OCC)[number]) =>
  o === 'unknown' ? L('未填', 'Not recorded') : L(OCCUPATION_LABELS[o].zh, OCCUPATION_LABELS[o].en);

const developmentProfile: EventTableDef = {
  code: 'development_profile',
  title: L('发展党员构成情况', 'New members: profile'),
  source: 'events',
  dateLabel: L('批准日期', 'Approved on'),
  shape: () => {
    const of = L('其中', 'Of whom');
    const g = L('职业', 'Occupation');
    const occ = OCC.map((o) => c(`occ_${o}`, g, occLabel(o)));
    return {
      columns: [
        c('total', L('发展党员', 'Admitted'), L('合计', 'Total')),
        c('female', of, L('女', 'Women')),
        c('minority', of, L('少数民族', 'Ethnic minorities')),
        c('young', of, L(`${YOUNG_MAX_AGE}岁及以下`, `${YOUNG_MAX_AGE} or under`)),
        c('college', of, L('大专及以上学历', 'College or above')),
        ...occ,
      ],
      sums: [{ total: 'total', parts: occ.map((x) => x.key) }],
    };
  },
  // Age at admission: the 支部大会 date (入党时间), full years ≤ 35 ⇔ born after that date less 36 years.
  facts: (ctx) => sql<Fact>`
    with a as (${devSteps(ctx, [17], between(sql`s.done_on`, ctx))})
    select a.path, v.col, a.org_id, a.member_id, a.name as person_name, a.gender, a.id_masked, a.done_on as on_date, null::text as note
    from a cross join lateral (values ('total'),
      (case when a.gender = '女' then 'female' end),
      (case when a.ethnicity <> '汉族' then 'minority' end),
      (case when a.birth_date > (coalesce(a.admitted_on, a.done_on) - make_interval(years => ${sql.lit(YOUNG_MAX_AGE + 1)}))::date then 'young' end),
      (case when a.education in (${list(COLLEGE_OR_ABOVE)}) then 'college' end),
      ('occ_' || (case when a.occupation in (${list(OCCUPATIONS)}) then a.occupation else 'unknown' end))
    ) v(col) where v.col is not null`,
};

const probation: EventTableDef = {
  code: 'probation',
  title: L('预备党员转正情况', 'Probationary members becoming full'),
  source: 'events',
  dateLabel: L('日期', 'Date'),
  shape: () => {
    const full = L('转为正式党员', 'Became full members');
    return {
      columns: [
        c('full_total', full, L('合计', 'Total')),
        c('full_on_time', full, L('按期转正', 'On time')),
        c('full_extended', full, L('延长预备期后转正', 'After an extension')),
        c('extended', L('延长预备期', 'Probation extended'), L('人数', 'Count')),
        c('cancelled', L('取消预备党员资格', 'Probation cancelled'), L('人数', 'Count')),
      ],
      sums: [{ total: 'full_total', parts: ['full_on_time', 'full_extended'] }],
    };
  },
  // 转正 from the member record (full_on: the end of probation, 党章第七条); extensions and
  // cancellations from the 上级党委 decisions (㉔) recorded in development.
  facts: (ctx) => sql<Fact>`
    select m.org_path as path, v.col, m.org_id, m.id as member_id, m.name as person_name, m.gender, m.id_masked, m.full_on as on_date, null::text as note
    from members m cross join lateral (values ('full_total'),
      (case when m.full_on > (m.admitted_on + make_interval(months => ${sql.lit(ctx.probationMonths)}))::date then 'full_extended' else 'full_on_time' end)) v(col)
    where m.category = 'full' and ${between(sql`m.full_on`, ctx)} and m.org_path <@ ${ctx.path}::ltree
    union all
    select p.org_path, case s.outcome when 'extend' then 'extended' else 'cancelled' end, p.org_id, p.member_id, p.name, p.gender, p.id_masked, s.done_on, s.note
    from dev_steps s join dev_people p on p.id = s.person_id
    where s.step_no = 24 and s.outcome in ('extend', 'cancel') and ${between(sql`s.done_on`, ctx)} and p.org_path <@ ${ctx.path}::ltree`,
};

const transfers: EventTableDef = {
  code: 'transfers',
  title: L('党员组织关系转接情况', 'Transfers of membership'),
  source: 'events',
  dateLabel: L('办结日期', 'Confirmed on'),
  shape: () => {
    const i = L('转入', 'In');
    const o = L('转出', 'Out');
    return {
      columns: [
        c('in_total', i, L('合计', 'Total')),
        c('in_outside', i, L('从统计单位以外转入', 'From outside the organization')),
        c('in_inside', i, L('统计单位内部调整转入', 'Moved within it')),
        c('in_other_city', i, L('其中从市外转入', 'Of which from another city')),
        c('out_total', o, L('合计', 'Total')),
        c('out_outside', o, L('转出到统计单位以外', 'To outside the organization')),
        c('out_inside', o, L('统计单位内部调整转出', 'Moved within it')),
        c('out_other_city', o, L('其中转出到市外', 'Of which to another city')),
      ],
      sums: [
        { total: 'in_total', parts: ['in_outside', 'in_inside'] },
        { total: 'out_total', parts: ['out_outside', 'out_inside'] },
      ],
    };
  },
  // Letters confirmed in the period, counted at the organizations' current places; "inside" means
  // both ends lie in the table's organization (统计单位: a move between two of its parts), so every
  // column adds up over the rows.
  facts: (ctx) => sql<Fact>`
    select t.path, v.col, t.org_id, l.member_id, l.member_name as person_name, l.gender, l.id_masked, l.confirmed_on as on_date,
      l.from_org_name || ' → ' || l.to_org_name as note
    from transfer_letters l
    cross join lateral (
      select o.path, o.id as org_id, 'in' as side, f.path as other from orgs o left join orgs f on f.id = l.from_org_id where o.id = l.to_org_id
      union all
      select o.path, o.id, 'out', t.path from orgs o left join orgs t on t.id = l.to_org_id where o.id = l.from_org_id
    ) t
    cross join lateral (values (t.side || '_total'),
      (t.side || case when t.other is not null and t.other <@ ${ctx.path}::ltree then '_inside' else '_outside' end),
      (case when (t.side = 'in' and l.kind = 'into_city') or (t.side = 'out' and l.kind = 'out_of_city') then t.side || '_other_city' end)) v(col)
    where l.status = 'confirmed' and ${between(sql`l.confirmed_on`, ctx)} and t.path <@ ${ctx.path}::ltree and v.col is not null`,
};

const leaving: EventTableDef = {
  code: 'leaving',
  title: L('党员减少情况', 'Members leaving'),
  source: 'events',
  dateLabel: L('日期', 'Date'),
  shape: () => {
    const out = L('出党', 'Left the Party');
    const kinds = EXIT_KINDS.map((k) => c(`leave_${k}`, out, L(EXIT_KIND_LABELS[k].zh, EXIT_KIND_LABELS[k].en)));
    return {
      columns: [
        c('total', L('减少合计', 'Total'), L('人数', 'Count')),
        c('death', L('死亡', 'Deaths'), L('人数', 'Count')),
        c('leave_total', out, L('小计', 'Subtotal')),
        ...kinds,
        c('cancel_probation', L('取消预备党员资格', 'Probation cancelled'), L('人数', 'Count')),
        c('suspend', L('停止党籍', 'Membership suspended'), L('人数', 'Count')),
        c('transfer_out_city', L('组织关系转出市外', 'Transferred out of the city'), L('人数', 'Count')),
      ],
      sums: [
        { total: 'total', parts: ['death', 'leave_total', 'cancel_probation', 'suspend', 'transfer_out_city'] },
        { total: 'leave_total', parts: kinds.map((k) => k.key) },
      ],
    };
  },
  facts: (ctx) => sql<Fact>`
    with ev as (
      select m.org_path as path, m.org_id, m.id as member_id, m.name, m.gender, m.id_masked, e.event_date as on_date, e.reason as note,
        case e.kind when 'leave' then 'leave_' || e.exit_kind else e.kind end as col
      from member_status_events e join members m on m.id = e.member_id
      where e.kind in ('death', 'leave', 'suspend') and ${between(sql`e.event_date`, ctx)} and m.org_path <@ ${ctx.path}::ltree
      union all
      select p.org_path, p.org_id, p.member_id, p.name, p.gender, p.id_masked, s.done_on, s.note, 'cancel_probation'
      from dev_steps s join dev_people p on p.id = s.person_id
      where s.step_no = 24 and s.outcome = 'cancel' and ${between(sql`s.done_on`, ctx)} and p.org_path <@ ${ctx.path}::ltree
      union all
      select o.path, o.id, l.member_id, l.member_name, l.gender, l.id_masked, l.confirmed_on, '转至' || l.to_org_name, 'transfer_out_city'
      from transfer_letters l join orgs o on o.id = l.from_org_id
      where l.kind = 'out_of_city' and l.status = 'confirmed' and ${between(sql`l.confirmed_on`, ctx)} and o.path <@ ${ctx.path}::ltree
    )
    select ev.path, v.col, ev.org_id, ev.member_id, ev.name as person_name, ev.gender, ev.id_masked, ev.on_date, ev.note
    from ev cross join lateral (values ('total'), (ev.col), (case when ev.col like 'leave\\_%' then 'leave_total' end)) v(col)
    where v.col is not null`,
};

const appraisal: EventTableDef = {
  code: 'appraisal',
  title: L('民主评议党员情况', 'Democratic appraisal of members'),
  source: 'events',
  dateLabel: L('评议年度', 'Year'),
  shape: () => {
    const g = L('评定等次', 'Graded');
    const grades = APPRAISAL_GRADES.map((x) => c(`g_${x}`, g, L(APPRAISAL_GRADE_LABELS[x].zh, APPRAISAL_GRADE_LABELS[x].en)));
    return {
      columns: [
        c('total', L('参加评议党员', 'Members appraised'), L('合计', 'Total')),
        c('graded', g, L('小计', 'Subtotal')),
        ...grades,
        c('ungraded', L('预备党员', 'Probationary'), L('不评定等次', 'Not graded')),
      ],
      sums: [
        { total: 'total', parts: ['graded', 'ungraded'] },
        { total: 'graded', parts: grades.map((x) => x.key) },
      ],
    };
  },
  // Finalized appraisals of the years of the period (one per organization and year, RULES.md §3).
  facts: (ctx) => sql<Fact>`
    select o.path, v.col, o.id as org_id, m.id as member_id, m.name as person_name, m.gender, m.id_masked, null::date as on_date, a.year::text as note
    from appraisals a join orgs o on o.id = a.org_id join appraisal_grades g on g.appraisal_id = a.id join members m on m.id = g.member_id
    cross join lateral (values ('total'), (case when g.grade is null then 'ungraded' else 'graded' end), ('g_' || g.grade)) v(col)
    where a.status = 'final' and a.year between ${Number(ctx.from.slice(0, 4))} and ${Number(ctx.to.slice(0, 4))}
      and o.path <@ ${ctx.path}::ltree and v.col is not null`,
};

export const EVENT_TABLES: readonly EventTableDef[] = [development, developmentProfile, probation, transfers, leaving, appraisal];
