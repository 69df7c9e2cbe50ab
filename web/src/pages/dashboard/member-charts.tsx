// Membership structure (RULES.md §6 breakdowns): gender, age bands, education, occupation, joining period.
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { EDUCATION_LABELS, OCCUPATION_LABELS } from '../../../../domain/member-fields';
import { JOINING_PERIODS } from '../../../../domain/rules/members';
import type { TMembersPanel } from '../../api/dashboard';
import { useLabels } from '../../lib/labels';
import type { RequestState } from '../../lib/use-request';
import { ChartCard } from './chart-card';
import { barOption, pieOption, type Slice } from './chart-options';

type Labels = Record<string, { zh: string; en: string }>;

export function MemberCharts({ state }: { state: RequestState<TMembersPanel> }) {
  const { t } = useTranslation();
  const { lang } = useLabels();
  const d = state.data;
  const options = useMemo(() => {
    if (!d) return undefined;
    const label = (labels: Labels | null) => (key: string) =>
      key === '' ? t('dashboard.series.notRecorded') : (labels?.[key]?.[lang] ?? key);
    const slices = (rows: TMembersPanel['gender'], name: (k: string) => string): Slice[] =>
      rows.filter((r) => r.n > 0).map((r) => ({ name: name(r.key), value: r.n }));
    const bands: Labels = Object.fromEntries(d.ageBands.map((b) => [b.key, { zh: b.zh, en: b.en }]));
    const periods: Labels = Object.fromEntries(JOINING_PERIODS.map((p) => [p.code, { zh: p.zh, en: p.en }]));
    const pie = (rows: TMembersPanel['gender'], labels: Labels | null) =>
      rows.some((r) => r.n > 0) ? pieOption(slices(rows, label(labels))) : null;
    const bar = (rows: TMembersPanel['gender'], labels: Labels | null, horizontal = false) =>
      rows.some((r) => r.n > 0)
        ? barOption(
            rows.map((r) => label(labels)(r.key)),
            [{ name: t('dashboard.series.people'), data: rows.map((r) => r.n) }],
            { horizontal, legend: false },
          )
        : null;
    return {
      gender: pie(d.gender, null),
      age: bar(d.ageBands, bands),
      education: pie(d.education, EDUCATION_LABELS),
      occupation: bar(d.occupation, OCCUPATION_LABELS, true),
      joining: pie(d.joiningPeriod, periods),
    };
  }, [d, t, lang]);
  return (
    <>
      <ChartCard testId="chart-gender" title={t('dashboard.charts.gender')} state={state} option={options?.gender} />
      <ChartCard testId="chart-age" title={t('dashboard.charts.age')} state={state} option={options?.age} />
      <ChartCard testId="chart-education" title={t('dashboard.charts.education')} state={state} option={options?.education} />
      <ChartCard testId="chart-occupation" title={t('dashboard.charts.occupation')} state={state} option={options?.occupation} />
      <ChartCard testId="chart-joining" title={t('dashboard.charts.joining')} state={state} option={options?.joining} />
    </>
  );
}
