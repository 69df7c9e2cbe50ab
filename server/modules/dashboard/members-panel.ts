// Membership structure of a subtree (RULES.md §6 breakdowns) from the statistics summaries kept current
// by the member triggers (migration 008): one read of the organization's cells, no scan of members.
import type { Db } from '../../db/engine.js';
import { EDUCATION_LEVELS, GENDERS, OCCUPATIONS } from '../../../domain/member-fields.js';
import { BRANCH_KINDS } from '../../../domain/org-kinds.js';
import { JOINING_PERIODS } from '../../../domain/rules/members.js';
import { ageBands, BASIC_ORG_KINDS, ymRangeForYears } from '../../../domain/rules/statistics.js';
import type { TMembersPanel } from '../../../domain/schemas/dashboard.js';
import { readCells, sumWhere } from '../statistics/cells.js';
import { matches } from '../statistics/columns.js';
import { getStatsSettings } from '../statistics/settings.js';
import type { PanelOrg } from './panel-org.js';
import { membersBasis } from '../../../domain/counting-bases.js';

/** The slices of a dimension in the given order, then any other recorded value, then '' (not recorded). */
function slices(byVal: Map<string, number> | undefined, order: readonly string[]) {
  const out = order.map((key) => ({ key, n: byVal?.get(key) ?? 0 }));
  for (const [key, n] of byVal ?? []) if (key !== '' && !order.includes(key)) out.push({ key, n });
  const none = byVal?.get('') ?? 0;
  return none ? [...out, { key: '', n: none }] : out;
}

export async function membersPanel(db: Db, org: PanelOrg, today: string): Promise<TMembersPanel> {
  const [cells, settings] = [
    await readCells(db, [org.id], ['total', 'category', 'gender', 'birth', 'edu', 'occupation', 'period', 'okind']),
    await getStatsSettings(db),
  ];
  const dims = cells.get(org.id);
  const sum = (dim: string, test: (v: string) => boolean) => sumWhere(cells, org.id, dim, test);
  const month = today.slice(0, 7);
  const births = dims?.get('birth');
  return {
    org: { id: org.id, name: org.name },
    today,
    members: sum('total', () => true),
    full: sum('category', (v) => v === 'full'),
    probationary: sum('category', (v) => v === 'probationary'),
    basis: membersBasis(today),
    orgs: sum('okind', () => true),
    basicOrgs: sum('okind', (v) => BASIC_ORG_KINDS.includes(v as never)),
    branches: sum('okind', (v) => BRANCH_KINDS.includes(v as never)),
    gender: slices(dims?.get('gender'), GENDERS),
    // Ages at the end of this month: each band is a range of birth year-months (domain/rules/statistics.ts).
    ageBands: [
      ...ageBands(settings.ageBands).map((b) => {
        const range = ymRangeForYears(month, b.min, b.max);
        return { key: b.key, zh: b.zh, en: b.en, n: sum('birth', (v) => matches(range, v)) };
      }),
      ...(births?.get('') ? [{ key: '', zh: '出生日期未填', en: 'No birth date', n: births.get('')! }] : []),
    ],
    education: slices(dims?.get('edu'), EDUCATION_LEVELS),
    occupation: slices(dims?.get('occupation'), OCCUPATIONS),
    joiningPeriod: slices(
      dims?.get('period'),
      JOINING_PERIODS.map((p) => p.code),
    ),
  };
}
