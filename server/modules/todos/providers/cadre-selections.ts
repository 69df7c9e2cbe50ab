// The selection procedure's deadlines (issue 13): 考察 running past its usual length, a 任前公示 ending (任职 may
// follow), a 试用期 ending within 30 days (its end assessment is due). Read through the selections' own queries.
import dayjs from 'dayjs';
import { SELECTION_ARTICLES, type SelectionStep } from '../../../../domain/rules/cadre-selection.js';
import type { TPublicity } from '../../../../domain/schemas/cadre-selections.js';
import { INSPECTION_DUE_DAYS, PROBATION_NOTICE_DAYS } from '../../cadre-selections/gates.js';
import { candidateRows, selectionsWithDeadlines } from '../../cadre-selections/queries.js';
import { jsonOf, stepDatesOf } from '../../cadre-selections/presenters.js';
import { daysAfter, makeItem } from '../item.js';
import { pathFilter, type FoundItem, type Target, type TodoContext, type TodoProvider } from '../types.js';

const link = (id: number) => `/cadre-selections/${id}`;

async function own(ctx: TodoContext, target: Target): Promise<FoundItem[]> {
  const rows = await selectionsWithDeadlines(ctx.db, pathFilter('o.path', target));
  const cands = await candidateRows(
    ctx.db,
    rows.filter((r) => r.step === '试用期').map((r) => r.id),
  );
  const out: FoundItem[] = [];
  for (const s of rows) {
    const org = { id: s.manager_org_id, name: s.org_name, path: s.org_path };
    const step = s.step as SelectionStep;
    if (step === '考察') {
      const since = stepDatesOf(s)['考察'];
      const due = since ? dayjs(since).add(INSPECTION_DUE_DAYS, 'day').format('YYYY-MM-DD') : null;
      if (due && due <= daysAfter(ctx.today, 7))
        out.push(
          makeItem(ctx, 'selection_inspection', org, {
            title: `“${s.title}”考察自 ${since} 开始，请及时完成“凡提四必”和考察材料`,
            dueOn: due,
            link: link(s.id),
            ref: s.id,
            rule: SELECTION_ARTICLES.fourMusts,
          }),
        );
    }
    const p = jsonOf<TPublicity | null>(s.publicity);
    if (step === '任前公示' && p?.endOn)
      out.push(
        makeItem(ctx, 'selection_publicity', org, {
          title: `“${s.title}”任前公示至 ${p.endOn} 期满，期满后办理任职`,
          dueOn: p.endOn,
          link: link(s.id),
          ref: s.id,
          rule: SELECTION_ARTICLES.publicity,
          overdue: p.endOn < ctx.today,
        }),
      );
    if (step === '试用期')
      for (const c of cands.filter((x) => x.selection_id === s.id && x.probation_until && !x.probation_result)) {
        if (c.probation_until! > daysAfter(ctx.today, PROBATION_NOTICE_DAYS)) continue;
        out.push(
          makeItem(ctx, 'selection_probation', org, {
            title: `${c.name}任${c.unit_name}${c.post_title}试用期至 ${c.probation_until} 届满，请进行考核`,
            dueOn: c.probation_until,
            link: link(s.id),
            ref: `${s.id}:${c.id}`,
            rule: SELECTION_ARTICLES.probation,
          }),
        );
      }
  }
  return out;
}

export const cadreSelectionTodos: TodoProvider = { area: 'cadres', own };
