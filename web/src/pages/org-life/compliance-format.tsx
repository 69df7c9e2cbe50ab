// Small pieces shared by the compliance views: meeting-kind labels, the state tag, the rate bar, periods ↔ dates.
import { useMemo } from 'react';
import { Progress, Tag } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { MEETING_KIND_LABELS, type MeetingKind } from '../../../../domain/meeting-kinds';
import { parsePeriod, periodKeyOf, type PeriodKind } from '../../../../domain/rules/org-life';

export function useKindLabel(): (kind: MeetingKind | string) => string {
  const { i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'zh';
  return useMemo(() => (kind: MeetingKind | string) => MEETING_KIND_LABELS[kind as MeetingKind]?.[lang] ?? kind, [lang]);
}

const STATE_COLORS = { held: 'green', missing: 'red', due: 'gold' } as const;

export function StateTag({ state }: { state: 'held' | 'missing' | 'due' }) {
  const { t } = useTranslation();
  return <Tag color={STATE_COLORS[state]}>{t(`orgLife.state.${state}`)}</Tag>;
}

export function RateBar({ part, whole }: { part: number; whole: number }) {
  const percent = whole ? Math.round((1000 * part) / whole) / 10 : 0;
  return (
    <Progress
      percent={percent}
      size="small"
      status={percent >= 90 ? 'success' : percent >= 70 ? 'normal' : 'exception'}
      format={() => (whole ? `${percent}%` : '—')}
      style={{ margin: 0, minWidth: 120 }}
    />
  );
}

/** The first day of a period as a dayjs value (for the pickers). */
export function periodStart(kind: PeriodKind, key: string): Dayjs {
  return dayjs(parsePeriod(kind, key)?.from ?? dayjs().format('YYYY-MM-DD'));
}

export const keyOf = (kind: PeriodKind, d: Dayjs) => periodKeyOf(kind, d.format('YYYY-MM-DD'));

/** The key of another kind of period for the same moment: today's when today lies in the current one. */
export function switchPeriod(from: { period: PeriodKind; key: string }, to: PeriodKind): string {
  const p = parsePeriod(from.period, from.key);
  const today = dayjs().format('YYYY-MM-DD');
  const anchor = p && today >= p.from && today <= p.to ? today : (p?.from ?? today);
  return periodKeyOf(to, anchor);
}
