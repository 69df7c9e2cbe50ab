// The member and organization tables of the 党内统计 (RULES.md §6), read from the summaries: for
// each, its columns at a reference month (age and 党龄 bands become year-month ranges there) and
// the sums that must hold. Titles follow the usual 党内统计 names.
import { COLLEGE_OR_ABOVE, EDUCATION_LABELS, EDUCATION_LEVELS, OCCUPATIONS, OCCUPATION_LABELS } from '../../../domain/member-fields.js';
import { JOINING_PERIODS } from '../../../domain/rules/members.js';
import {
  ageBands,
  BASIC_ORG_KINDS,
  OLD_MIN_AGE,
  PARTY_YEAR_BANDS,
  YOUNG_MAX_AGE,
  ymRangeForYears,
  type Band,
  type Ym,
} from '../../../domain/rules/statistics.js';
import { ORG_KIND_LABELS, UNIT_TYPES, UNIT_TYPE_LABELS } from '../../../domain/org-kinds.js';
import { ETHNICITY_LABELS, type Ethnicity } from '../../../domain/member-fields.js';
import { ALL, col, L, type CellColumn, type Label, type TableShape } from './columns.js';

export interface CellContext {
  month: Ym;
  /** Upper bounds of the age bands. */
  ageBands: readonly number[];
  /** Minority ethnicities present in the table's organization, largest first (their own columns). */
  minorities: readonly string[];
}

export interface CellTableDef {
  code: string;
  title: Label;
  source: 'members' | 'orgs';
  shape(ctx: CellContext): TableShape<CellColumn>;
}

const TOTAL = L('党员总数', 'Members');
const HAN = '汉族';
const UNKNOWN = L('未填', 'Not recorded');

const total = () => col('total', [TOTAL], 'total', ALL);
const bandCols = (bands: readonly Band[], group: Label, dim: 'birth' | 'fullym', month: Ym) =>
  bands.map((b) => col(b.key, [group, L(b.zh, b.en)], dim, ymRangeForYears(month, b.min, b.max)));

const basic: CellTableDef = {
  code: 'basic',
  title: L('党员基本情况', 'Members: basic facts'),
  source: 'members',
  shape: ({ month }) => {
    const of = L('其中', 'Of whom');
    return {
      columns: [
        total(),
        col('full', [L('人员类别', 'Category'), L('正式党员', 'Full')], 'category', { in: ['full'] }),
        col('probationary', [L('人员类别', 'Category'), L('预备党员', 'Probationary')], 'category', { in: ['probationary'] }),
        col('female', [of, L('女党员', 'Women')], 'gender', { in: ['女'] }),
        col('minority', [of, L('少数民族党员', 'Ethnic minorities')], 'ethnicity', { notIn: [HAN] }),
        col('college', [of, L('大专及以上学历', 'College or above')], 'edu', { in: COLLEGE_OR_ABOVE }),
        col(
          'young',
          [of, L(`${YOUNG_MAX_AGE}岁及以下`, `${YOUNG_MAX_AGE} or under`)],
          'birth',
          ymRangeForYears(month, null, YOUNG_MAX_AGE),
        ),
        col('old', [of, L(`${OLD_MIN_AGE}岁及以上`, `${OLD_MIN_AGE} or over`)], 'birth', ymRangeForYears(month, OLD_MIN_AGE, null)),
      ],
      sums: [{ total: 'total', parts: ['full', 'probationary'] }],
    };
  },
};

const genderEthnicity: CellTableDef = {
  code: 'gender_ethnicity',
  title: L('党员性别、民族情况', 'Members by sex and ethnicity'),
  source: 'members',
  shape: ({ minorities }) => {
    const sex = L('性别', 'Sex');
    const eth = L('民族', 'Ethnicity');
    const each = minorities.map((e) =>
      col(`eth_${e}`, [L('少数民族中', 'Minorities'), L(e, ETHNICITY_LABELS[e as Ethnicity]?.en ?? e)], 'ethnicity', { in: [e] }),
    );
    return {
      columns: [
        total(),
        col('male', [sex, L('男', 'Men')], 'gender', { in: ['男'] }),
        col('female', [sex, L('女', 'Women')], 'gender', { in: ['女'] }),
        col('han', [eth, L('汉族', 'Han')], 'ethnicity', { in: [HAN] }),
        col('minority', [eth, L('少数民族', 'Minorities')], 'ethnicity', { notIn: [HAN] }),
        ...each,
      ],
      sums: [
        { total: 'total', parts: ['male', 'female'] },
        { total: 'total', parts: ['han', 'minority'] },
        ...(each.length ? [{ total: 'minority', parts: each.map((c) => c.key) }] : []),
      ],
    };
  },
};

const age: CellTableDef = {
  code: 'age',
  title: L('党员年龄情况', 'Members by age'),
  source: 'members',
  shape: ({ month, ageBands: upper }) => {
    const bands = bandCols(ageBands(upper), L('年龄', 'Age'), 'birth', month);
    const unknown = col('age_unknown', [L('年龄', 'Age'), L('出生日期未填', 'No birth date')], 'birth', { in: [''] });
    return { columns: [total(), ...bands, unknown], sums: [{ total: 'total', parts: [...bands.map((b) => b.key), unknown.key] }] };
  },
};

const education: CellTableDef = {
  code: 'education',
  title: L('党员学历情况', 'Members by education'),
  source: 'members',
  shape: () => {
    const g = L('学历', 'Education');
    const levels = EDUCATION_LEVELS.map((e) => col(`edu_${e}`, [g, L(EDUCATION_LABELS[e].zh, EDUCATION_LABELS[e].en)], 'edu', { in: [e] }));
    const unknown = col('edu_unknown', [g, UNKNOWN], 'edu', { notIn: EDUCATION_LEVELS });
    return {
      columns: [
        total(),
        ...levels,
        unknown,
        col('college', [L('其中', 'Of whom'), L('大专及以上', 'College or above')], 'edu', { in: COLLEGE_OR_ABOVE }),
      ],
      sums: [
        { total: 'total', parts: [...levels.map((c) => c.key), unknown.key] },
        { total: 'college', parts: COLLEGE_OR_ABOVE.map((e) => `edu_${e}`) },
      ],
    };
  },
};

const occupation: CellTableDef = {
  code: 'occupation',
  title: L('党员职业情况', 'Members by occupation'),
  source: 'members',
  shape: () => {
    const g = L('职业', 'Occupation');
    const occ = OCCUPATIONS.map((o) =>
      col(`occ_${o}`, [g, L(OCCUPATION_LABELS[o].zh, OCCUPATION_LABELS[o].en)], 'occupation', { in: [o] }),
    );
    const unknown = col('occ_unknown', [g, UNKNOWN], 'occupation', { notIn: OCCUPATIONS });
    return { columns: [total(), ...occ, unknown], sums: [{ total: 'total', parts: [...occ.map((c) => c.key), unknown.key] }] };
  },
};

const joining: CellTableDef = {
  code: 'joining',
  title: L('党员入党时间情况', 'Members by time of joining'),
  source: 'members',
  shape: () => {
    const g = L('入党时间', 'Joined');
    const periods = JOINING_PERIODS.map((p) => col(`join_${p.code}`, [g, L(p.zh, p.en)], 'period', { in: [p.code] }));
    const unknown = col('join_unknown', [g, L('入党日期未填', 'No admission date')], 'period', {
      notIn: JOINING_PERIODS.map((p) => p.code),
    });
    return { columns: [total(), ...periods, unknown], sums: [{ total: 'total', parts: [...periods.map((c) => c.key), unknown.key] }] };
  },
};

const partyAge: CellTableDef = {
  code: 'party_age',
  title: L('党员党龄情况', 'Members by years of full membership'),
  source: 'members',
  shape: ({ month }) => {
    const g = L('党龄（正式党员）', 'Years since full membership');
    const bands = bandCols(PARTY_YEAR_BANDS, g, 'fullym', month);
    const unknown = col('py_unknown', [g, L('转正日期未填', 'No date of full membership')], 'fullym', { in: [''] });
    const prob = col('probationary', [L('预备党员', 'Probationary'), L('（无党龄）', '(none yet)')], 'fullym', { in: ['-'] });
    return {
      columns: [total(), ...bands, unknown, prob],
      sums: [{ total: 'total', parts: [...bands.map((b) => b.key), unknown.key, prob.key] }],
    };
  },
};

const mobility: CellTableDef = {
  code: 'mobility',
  title: L('流动党员和失联党员情况', 'Mobile and out-of-contact members'),
  source: 'members',
  shape: () => {
    const g = L('管理状态', 'Status');
    return {
      columns: [
        total(),
        col('normal', [g, L('正常', 'Normal')], 'status', { in: ['normal'] }),
        col('flowing', [g, L('流动党员', 'Mobile members')], 'status', { in: ['flowing'] }),
        col('lost_contact', [g, L('失联党员', 'Out of contact')], 'status', { in: ['lost_contact'] }),
      ],
      sums: [{ total: 'total', parts: ['normal', 'flowing', 'lost_contact'] }],
    };
  },
};

const kindLabel = (k: keyof typeof ORG_KIND_LABELS) => L(ORG_KIND_LABELS[k].zh, ORG_KIND_LABELS[k].en);
const BRANCHES = ['branch', 'joint_branch', 'temporary_branch'];

const orgKind: CellTableDef = {
  code: 'org_kind',
  title: L('党组织基本情况', 'Party organizations by kind'),
  source: 'orgs',
  shape: () => {
    const g = L('基层党组织', 'Basic-level organizations');
    const of = L('其中', 'Of which');
    return {
      columns: [
        col('basic', [g, L('合计', 'Total')], 'okind', { in: BASIC_ORG_KINDS }),
        col('committees', [g, L('基层党委', 'Basic-level committees')], 'okind', { in: ['township_committee', 'party_committee'] }),
        col('general_branch', [g, kindLabel('general_branch')], 'okind', { in: ['general_branch'] }),
        col('branches', [g, L('党支部', 'Branches')], 'okind', { in: BRANCHES }),
        col('township', [of, kindLabel('township_committee')], 'okind', { in: ['township_committee'] }),
        col('joint_branch', [of, kindLabel('joint_branch')], 'okind', { in: ['joint_branch'] }),
        col('temporary_branch', [of, kindLabel('temporary_branch')], 'okind', { in: ['temporary_branch'] }),
        col('party_group', [L('党小组', 'Party groups'), L('个数', 'Count')], 'okind', { in: ['party_group'] }),
      ],
      sums: [{ total: 'basic', parts: ['committees', 'general_branch', 'branches'] }],
    };
  },
};

const orgUnit: CellTableDef = {
  code: 'org_unit',
  title: L('基层党组织分布情况', 'Basic-level organizations by unit type'),
  source: 'orgs',
  shape: () => {
    const g = L('按单位类型', 'By unit type');
    const units = UNIT_TYPES.map((u) => col(`unit_${u}`, [g, L(UNIT_TYPE_LABELS[u].zh, UNIT_TYPE_LABELS[u].en)], 'ounit', { in: [u] }));
    const unknown = col('unit_unknown', [g, UNKNOWN], 'ounit', { notIn: UNIT_TYPES });
    return {
      columns: [col('basic', [L('基层党组织', 'Basic-level organizations'), L('合计', 'Total')], 'ounit', ALL), ...units, unknown],
      sums: [{ total: 'basic', parts: [...units.map((c) => c.key), unknown.key] }],
    };
  },
};

export const CELL_TABLES: readonly CellTableDef[] = [
  basic,
  genderEthnicity,
  age,
  education,
  occupation,
  joining,
  partyAge,
  mobility,
  orgKind,
  orgUnit,
];
